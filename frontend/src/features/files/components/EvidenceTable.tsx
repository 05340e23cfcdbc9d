import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { DeleteOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import { isPreviewable, useDeleteFile, type EvidenceFile, type EvidenceOwner } from '../api/files';
import { formatFileSize } from '../format';
import { DownloadButton } from './DownloadButton';

export interface EvidenceTableProps {
  files: EvidenceFile[];
  onPreview: (f: EvidenceFile) => void;
  /** Whose files they are (absent for a frozen version's, which are never deleted). */
  owner?: EvidenceOwner;
  /** A file was deleted (or could not be). */
  onChanged?: () => void;
  /** What each file backs (a report's line, say); the column shows only when given. */
  attachedTo?: (f: EvidenceFile) => string;
}

const ATTACHED_WIDTH = 220;

/** The evidence as a table: what, how big, who and when, and the buttons each file allows. */
export function EvidenceTable({ files, onPreview, owner, onChanged, attachedTo }: EvidenceTableProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const { showError } = useApiFeedback();
  const remove = useDeleteFile(owner, onChanged);

  const columns: TableProps<EvidenceFile>['columns'] = [
    {
      title: t('files.name'),
      key: 'name',
      render: (_, f) => (
        <Space size={4} wrap={false}>
          {f.locked && (
            <Tooltip title={t('files.lockedHint')}>
              <LockOutlined aria-label={t('files.locked')} role="img" style={{ color: 'var(--ant-color-text-secondary)' }} />
            </Tooltip>
          )}
          <Typography.Text style={{ wordBreak: 'break-word' }}>{f.original_name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('files.category'),
      key: 'category',
      width: 170,
      render: (_, f) => <Tag>{t(`files.categories.${f.category}`, { defaultValue: f.category })}</Tag>,
    },
    ...(attachedTo ? [{ title: t('files.attachedTo'), key: 'attached', width: ATTACHED_WIDTH, render: (_: unknown, f: EvidenceFile) => attachedTo(f) }] : []),
    { title: t('files.size'), key: 'size', width: 100, align: 'right', render: (_, f) => formatFileSize(f.size_bytes, lang) },
    { title: t('files.uploadedBy'), key: 'uploaded_by', width: 180, render: (_, f) => f.uploaded_by.display_name },
    { title: t('files.uploadedAt'), key: 'created_at', width: 150, render: (_, f) => formatDateTimeMinutes(f.created_at) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_, f) => (
        <Space size={0} wrap>
          {isPreviewable(f) && (
            <Button type="link" size="small" icon={<EyeOutlined aria-hidden />} onClick={() => onPreview(f)}>
              {t('files.view')}
            </Button>
          )}
          <DownloadButton file={f} />
          {owner && f.allowed_actions.includes('delete') && (
            <Popconfirm
              title={t('files.deleteConfirm', { name: f.original_name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutateAsync(f.id).then(
                  () => void message.success(t('files.deleted', { name: f.original_name })),
                  (e: unknown) => showError(e),
                )
              }
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />}>
                {t('files.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<EvidenceFile>
      rowKey="id"
      size="small"
      pagination={false}
      // Room for the name (≈ 240 px) beside the fixed columns.
      scroll={{ x: attachedTo ? 1070 + ATTACHED_WIDTH : 900 }}
      dataSource={files}
      columns={columns}
      locale={{ emptyText: t('files.empty') }}
    />
  );
}
