import { useState } from 'react';
import { Button, Flex, Progress, Select, Typography, Upload, type UploadProps } from 'antd';
import { CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/problem';
import { useErrorMessage } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { ACCEPTED_EXTENSIONS, FILE_CATEGORIES, MAX_UPLOAD_BYTES, useUploadEvidence, type EvidenceOwner, type FileCategory } from '../api/files';
import { checkUpload, formatFileSize } from '../format';

interface UploadItem {
  uid: string;
  name: string;
  percent: number;
  status: 'uploading' | 'done' | 'error';
  error?: string;
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** A line of a report's results table that a file can back. */
export interface EvidenceRowOption {
  id: string;
  label: string;
}

export interface EvidenceUploadProps {
  owner: EvidenceOwner;
  /** Not (or no longer) allowed: a 403/409 says the owner's state or the caller's rights changed. */
  onRejected?: () => void;
  /** A file was stored. */
  onChanged?: () => void;
  /** A report's saved lines: a file may be attached to one of them. */
  rows?: EvidenceRowOption[];
}

/**
 * Drag-and-drop upload of evidence: a document type is chosen first, then any number of files,
 * each with its own progress bar and, on failure, the server's reason. Size and extension are
 * checked here only as a courtesy; the server detects the type from the content and decides.
 */
export function EvidenceUpload({ owner, onRejected, onChanged, rows }: EvidenceUploadProps) {
  const { t } = useTranslation();
  const toText = useErrorMessage();
  const upload = useUploadEvidence(owner, onChanged);
  const [category, setCategory] = useState<FileCategory | null>(null);
  const [rowId, setRowId] = useState<string | null>(null);
  // A line removed from the table since it was chosen is no longer offered.
  const row = rowId && rows?.some((r) => r.id === rowId) ? rowId : null;
  const [items, setItems] = useState<UploadItem[]>([]);
  const max = formatFileSize(MAX_UPLOAD_BYTES, currentLanguage());

  const patch = (uid: string, change: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.uid === uid ? { ...i, ...change } : i)));

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const rejection = checkUpload(file);
    if (rejection) {
      const error = rejection === 'too_large' ? t('files.tooLarge', { max }) : t('files.badType');
      setItems((list) => [...list, { uid: file.uid, name: file.name, percent: 0, status: 'error', error }]);
      return Upload.LIST_IGNORE;
    }
    setItems((list) => [...list, { uid: file.uid, name: file.name, percent: 0, status: 'uploading' }]);
    return true;
  };

  const customRequest: UploadProps['customRequest'] = (options) => {
    const file = options.file as File & { uid: string };
    const chosen = category;
    const chosenRow = row;
    const controller = new AbortController();
    if (!chosen) {
      patch(file.uid, { status: 'error', error: t('files.chooseCategoryFirst') });
      return;
    }
    upload({
      category: chosen,
      reportRowId: chosenRow,
      file,
      signal: controller.signal,
      onProgress: (percent) => {
        patch(file.uid, { percent });
        options.onProgress?.({ percent });
      },
    }).then(
      (view) => {
        patch(file.uid, { percent: 100, status: 'done' });
        options.onSuccess?.(view);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        patch(file.uid, { status: 'error', error: toText(e) });
        options.onError?.(e instanceof Error ? e : new Error(String(e)));
        // Not (or no longer) allowed: the owner's state or the caller's rights changed.
        if (isApiError(e) && (e.status === 403 || e.status === 409)) onRejected?.();
      },
    );
    return { abort: () => controller.abort() };
  };

  const finished = items.some((i) => i.status !== 'uploading');

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text id={`evidence-category-${owner.id}`}>{t('files.category')}</Typography.Text>
        <Select<FileCategory>
          aria-labelledby={`evidence-category-${owner.id}`}
          style={{ minWidth: 240 }}
          placeholder={t('files.selectCategory')}
          value={category ?? undefined}
          onChange={setCategory}
          options={FILE_CATEGORIES.map((c) => ({ value: c, label: t(`files.categories.${c}`) }))}
        />
        {rows && rows.length > 0 && (
          <>
            <Typography.Text id={`evidence-row-${owner.id}`}>{t('files.row')}</Typography.Text>
            <Select<string>
              aria-labelledby={`evidence-row-${owner.id}`}
              style={{ minWidth: 240, maxWidth: 420 }}
              allowClear
              placeholder={t('files.wholeReport')}
              value={row ?? undefined}
              onChange={(v) => setRowId(v ?? null)}
              options={rows.map((r) => ({ value: r.id, label: r.label }))}
            />
          </>
        )}
        {!category && <Typography.Text type="secondary">{t('files.chooseCategoryFirst')}</Typography.Text>}
      </Flex>
      <Upload.Dragger
        multiple
        disabled={!category}
        showUploadList={false}
        // The picker offers the accepted types; dropped files all reach beforeUpload, which explains a refusal.
        accept={{ format: ACCEPTED_EXTENSIONS.join(','), filter: 'native' }}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('files.dropHint')}</p>
        <p className="ant-upload-hint">{t('files.dropDetail', { max })}</p>
      </Upload.Dragger>
      {items.length > 0 && (
        <Flex vertical gap={4} role="list" aria-label={t('files.uploadsTitle')}>
          {items.map((i) => (
            <Flex key={i.uid} role="listitem" vertical style={{ paddingBlock: 4 }}>
              <Flex align="center" gap={8}>
                <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {i.name}
                </Typography.Text>
                <Typography.Text type={i.status === 'error' ? 'danger' : 'secondary'}>
                  {i.status === 'uploading' ? t('files.uploading') : i.status === 'done' ? t('files.uploaded') : null}
                </Typography.Text>
                {i.status !== 'uploading' && (
                  <Button
                    type="text"
                    size="small"
                    aria-label={`${t('files.dismiss')} ${i.name}`}
                    icon={<CloseOutlined aria-hidden />}
                    onClick={() => setItems((list) => list.filter((x) => x.uid !== i.uid))}
                  />
                )}
              </Flex>
              {i.status !== 'error' && (
                <Progress
                  percent={i.percent}
                  size="small"
                  status={i.status === 'done' ? 'success' : 'active'}
                  aria-label={`${i.name}: ${i.percent}%`}
                />
              )}
              {i.error && <Typography.Text type="danger">{i.error}</Typography.Text>}
            </Flex>
          ))}
          {finished && (
            <Button
              type="link"
              size="small"
              style={{ alignSelf: 'flex-start', paddingInline: 0 }}
              onClick={() => setItems((list) => list.filter((i) => i.status === 'uploading'))}
            >
              {t('files.clearFinished')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
}
