import { useState, type ReactNode } from 'react';
import { Card, Space, Tabs } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { initiativeFilesQuery, type EvidenceFile, type EvidenceOwner } from '../api/files';
import { EvidenceGallery } from './EvidenceGallery';
import { EvidenceTable } from './EvidenceTable';
import { EvidenceUpload, type EvidenceRowOption } from './EvidenceUpload';
import { FilePreviewModal } from './FilePreviewModal';

export interface EvidenceFilesProps {
  files: EvidenceFile[];
  /** Whose files they are; absent for a frozen version's (nothing to delete). */
  owner?: EvidenceOwner;
  onChanged?: () => void;
  /** What each file backs (a report's line, say), shown as a column. */
  attachedTo?: (f: EvidenceFile) => string;
}

/** Evidence as a list and as a gallery (photo thumbnails, PDFs in a viewer). */
export function EvidenceFiles({ files, owner, onChanged, attachedTo }: EvidenceFilesProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<EvidenceFile | null>(null);
  return (
    <>
      <Tabs
        items={[
          {
            key: 'list',
            label: t('files.listTab', { count: files.length }),
            children: <EvidenceTable files={files} owner={owner} onChanged={onChanged} attachedTo={attachedTo} onPreview={setPreview} />,
          },
          {
            key: 'gallery',
            label: t('files.galleryTab'),
            children: <EvidenceGallery files={files} onPreview={setPreview} />,
          },
        ]}
      />
      {preview && <FilePreviewModal file={preview} onClose={() => setPreview(null)} />}
    </>
  );
}

export interface EvidenceCardProps {
  /** Where uploads go. */
  owner: EvidenceOwner;
  /**
   * The files, when the owner's view carries them (a report does). Without them an
   * initiative's files are fetched from its own endpoint.
   */
  files?: EvidenceFile[];
  /** Whether to offer the upload area (the page knows from the owner's `allowed_actions`). */
  canUpload: boolean;
  /** An upload was refused with 403/409: the owner's state or the caller's rights changed. */
  onUploadRejected?: () => void;
  /** A file was uploaded or deleted: the owner's view (which lists its files) is stale. */
  onChanged?: () => void;
  /** A report's saved lines, which an upload may be attached to. */
  rows?: EvidenceRowOption[];
  attachedTo?: (f: EvidenceFile) => string;
  /** Shown above the files (an acceptance report's checklist, say). */
  children?: ReactNode;
}

/** Tài liệu minh chứng: an initiative's or a report's evidence files, their upload, and a gallery. */
export function EvidenceCard({ owner, files: given, canUpload, onUploadRejected, onChanged, rows, attachedTo, children }: EvidenceCardProps) {
  const { t } = useTranslation();
  const fetched = useQuery({ ...initiativeFilesQuery(owner.id), enabled: !given && owner.kind === 'initiative' });

  return (
    <Card
      title={
        <Space>
          <PaperClipOutlined aria-hidden />
          {t('files.title')}
        </Space>
      }
    >
      {children}
      {canUpload && <EvidenceUpload owner={owner} onRejected={onUploadRejected} onChanged={onChanged} rows={rows} />}
      {given ? (
        <EvidenceFiles files={given} owner={owner} onChanged={onChanged} attachedTo={attachedTo} />
      ) : fetched.isError ? (
        <QueryError error={fetched.error} onRetry={() => void fetched.refetch()} />
      ) : fetched.isPending ? (
        <PageSpinner />
      ) : (
        <EvidenceFiles files={fetched.data} owner={owner} onChanged={onChanged} attachedTo={attachedTo} />
      )}
    </Card>
  );
}
