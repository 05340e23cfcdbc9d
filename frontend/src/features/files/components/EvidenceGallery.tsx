import { Button, Empty, Flex, Image, Skeleton, Typography } from 'antd';
import { EyeOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { isImage, isPdf, type EvidenceFile } from '../api/files';
import { formatFileSize } from '../format';
import { DownloadButton } from './DownloadButton';
import { useFileObjectUrl } from './useFileObjectUrl';

const THUMB = 160;

function Thumbnail({ file }: { file: EvidenceFile }) {
  const { t } = useTranslation();
  const { url, failed } = useFileObjectUrl(file);
  return (
    <Flex vertical gap={4} style={{ width: THUMB }}>
      {url ? (
        <Image src={url} alt={file.original_name} width={THUMB} height={THUMB * 0.75} style={{ objectFit: 'cover', borderRadius: 6 }} />
      ) : failed ? (
        <Flex align="center" justify="center" style={{ width: THUMB, height: THUMB * 0.75, background: 'var(--ant-color-fill-tertiary)', borderRadius: 6 }}>
          <FileImageOutlined aria-hidden style={{ fontSize: 32 }} />
        </Flex>
      ) : (
        <Skeleton.Image active style={{ width: THUMB, height: THUMB * 0.75 }} aria-label={t('files.loadingImage')} />
      )}
      <Typography.Text ellipsis={{ tooltip: file.original_name }} style={{ width: THUMB }}>
        {file.locked && <LockOutlined aria-label={t('files.locked')} role="img" style={{ marginInlineEnd: 4 }} />}
        {file.original_name}
      </Typography.Text>
    </Flex>
  );
}

/**
 * The evidence at a glance: photos as thumbnails (click for the full image), PDFs opened in a
 * viewer, anything else offered for download. Thumbnails are fetched only while this is shown.
 */
export function EvidenceGallery({ files, onPreview }: { files: EvidenceFile[]; onPreview: (f: EvidenceFile) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const images = files.filter(isImage);
  const documents = files.filter((f) => !isImage(f));

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('files.images')}
      </Typography.Title>
      {images.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.noImages')} />
      ) : (
        <Image.PreviewGroup>
          <Flex wrap gap={16}>
            {images.map((f) => (
              <Thumbnail key={f.id} file={f} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('files.documents')}
      </Typography.Title>
      {documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.noDocuments')} />
      ) : (
        <Flex vertical gap={8} role="list">
          {documents.map((f) => (
            <Flex key={f.id} role="listitem" align="center" gap={12} wrap style={{ paddingBlock: 4, borderBottom: '1px solid var(--ant-color-split)' }}>
              {isPdf(f) ? <FilePdfOutlined aria-hidden style={{ fontSize: 20 }} /> : <FileOutlined aria-hidden style={{ fontSize: 20 }} />}
              <Flex vertical style={{ flex: '1 1 240px', minWidth: 0 }}>
                {isPdf(f) ? (
                  <Typography.Link onClick={() => onPreview(f)}>{f.original_name}</Typography.Link>
                ) : (
                  <Typography.Text>{f.original_name}</Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {f.locked && <LockOutlined aria-label={t('files.locked')} role="img" style={{ marginInlineEnd: 4 }} />}
                  {t(`files.categories.${f.category}`, { defaultValue: f.category })} · {formatFileSize(f.size_bytes, lang)}
                </Typography.Text>
              </Flex>
              {isPdf(f) && (
                <Button type="link" size="small" icon={<EyeOutlined aria-hidden />} onClick={() => onPreview(f)}>
                  {t('files.view')}
                </Button>
              )}
              <DownloadButton file={f} />
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
