import { Alert, Button, Flex, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { isPdf, type EvidenceFile } from '../api/files';
import { DownloadButton } from './DownloadButton';
import { useFileObjectUrl } from './useFileObjectUrl';

/** A PDF in the browser's viewer, or an image at full size; mounted only while open. */
export function FilePreviewModal({ file, onClose }: { file: EvidenceFile; onClose: () => void }) {
  const { t } = useTranslation();
  const { url, failed, loading } = useFileObjectUrl(file);

  return (
    <Modal
      open
      title={file.original_name}
      onCancel={onClose}
      width={isPdf(file) ? 'min(1100px, 95vw)' : 'min(900px, 95vw)'}
      footer={[
        <DownloadButton key="download" file={file} type="default" size="middle" />,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      {failed ? (
        <Alert type="warning" showIcon title={t('files.previewFailed')} />
      ) : loading || !url ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('app.loading')}>
            <div style={{ padding: 24 }} />
          </Spin>
        </Flex>
      ) : isPdf(file) ? (
        <iframe title={file.original_name} src={url} style={{ width: '100%', height: '75vh', border: 0 }} />
      ) : (
        <img alt={file.original_name} src={url} style={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', margin: '0 auto' }} />
      )}
    </Modal>
  );
}
