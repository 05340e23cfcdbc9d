import { useState } from 'react';
import { Card, Space, Tabs } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { initiativeFilesQuery, type EvidenceFile } from '../api/files';
import { EvidenceGallery } from './EvidenceGallery';
import { EvidenceTable } from './EvidenceTable';
import { EvidenceUpload } from './EvidenceUpload';
import { FilePreviewModal } from './FilePreviewModal';

export interface EvidenceCardProps {
  initiativeId: string;
  /** Whether to offer the upload area (the page knows from the initiative's `allowed_actions`). */
  canUpload: boolean;
  /** An upload was refused with 403/409: the initiative's state or the caller's rights changed. */
  onUploadRejected?: () => void;
}

/** Tài liệu minh chứng: the initiative's evidence files, their upload, and a gallery. */
export function EvidenceCard({ initiativeId, canUpload, onUploadRejected }: EvidenceCardProps) {
  const { t } = useTranslation();
  const files = useQuery(initiativeFilesQuery(initiativeId));
  const [preview, setPreview] = useState<EvidenceFile | null>(null);

  return (
    <Card
      title={
        <Space>
          <PaperClipOutlined aria-hidden />
          {t('files.title')}
        </Space>
      }
    >
      {canUpload && <EvidenceUpload initiativeId={initiativeId} onRejected={onUploadRejected} />}
      {files.isError ? (
        <QueryError error={files.error} onRetry={() => void files.refetch()} />
      ) : files.isPending ? (
        <PageSpinner />
      ) : (
        <Tabs
          items={[
            {
              key: 'list',
              label: t('files.listTab', { count: files.data.length }),
              children: <EvidenceTable initiativeId={initiativeId} files={files.data} onPreview={setPreview} />,
            },
            {
              key: 'gallery',
              label: t('files.galleryTab'),
              children: <EvidenceGallery files={files.data} onPreview={setPreview} />,
            },
          ]}
        />
      )}
      {preview && <FilePreviewModal file={preview} onClose={() => setPreview(null)} />}
    </Card>
  );
}
