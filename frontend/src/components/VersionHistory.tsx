import { useState, type ReactNode } from 'react';
import { Button, Descriptions, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema.gen';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';

export type VersionSummary = components['schemas']['VersionSummary'];

export function LateTag({ late }: { late: boolean }) {
  const { t } = useTranslation();
  return late ? <Tag color="red">{t('submissions.late')}</Tag> : <Tag color="green">{t('submissions.onTime')}</Tag>;
}

export function DecisionCell({ version }: { version: VersionSummary }) {
  const { t } = useTranslation();
  if (!version.decision) return <Tag>{t('submissions.pending')}</Tag>;
  const status = version.decision === 'received' || version.decision === 'returned' ? version.decision : null;
  return (
    <Flex vertical gap={2}>
      <span>
        <Tag color={version.decision === 'received' ? 'success' : 'warning'}>{status ? t(`submissions.statuses.${status}`) : version.decision}</Tag>
        {version.decided_by?.display_name} {formatDateTimeMinutes(version.decided_at)}
      </span>
      {version.reason && (
        <Typography.Text type="secondary">
          {t('submissions.reason')}: {version.reason}
        </Typography.Text>
      )}
    </Flex>
  );
}

interface VersionDrawerProps<T extends VersionSummary> {
  number: number;
  /** The version's query (each feature has its own endpoint). */
  result: UseQueryResult<T>;
  onClose: () => void;
  /** The label of the deadline the version answered ("Hạn gửi" by default). */
  dueLabel?: string;
  /** The frozen content, below who sent it when and what was decided. */
  children: (version: T) => ReactNode;
}

/** One submitted version in a drawer: its summary, then its frozen content. */
export function VersionDrawer<T extends VersionSummary>({ number, result, onClose, dueLabel, children }: VersionDrawerProps<T>) {
  const { t } = useTranslation();
  const v = result.data;
  return (
    <Drawer
      open
      size={960}
      onClose={onClose}
      title={v ? t('submissions.versionTitle', { number: String(number), time: formatDateTimeMinutes(v.submitted_at) }) : t('submissions.version', { number: String(number) })}
    >
      {result.isPending ? (
        <PageSpinner />
      ) : result.isError ? (
        <QueryError error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'by', label: t('submissions.submittedBy'), children: result.data.submitted_by.display_name },
              { key: 'at', label: t('submissions.submittedAt'), children: formatDateTimeMinutes(result.data.submitted_at) },
              { key: 'due', label: dueLabel ?? t('submissions.dueOn'), children: formatDate(result.data.due_on) },
              { key: 'late', label: t('submissions.late'), children: <LateTag late={result.data.late} /> },
              { key: 'decision', label: t('submissions.decision'), children: <DecisionCell version={result.data} /> },
            ]}
          />
          {children(result.data)}
        </Flex>
      )}
    </Drawer>
  );
}

/**
 * Every submitted version, newest first; "Xem" opens one in the drawer the feature renders
 * (`renderVersion` gets the number and the close callback).
 */
export function VersionHistory({ versions, renderVersion }: { versions: VersionSummary[]; renderVersion: (number: number, onClose: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <Table<VersionSummary>
        rowKey="number"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...versions].reverse()}
        locale={{ emptyText: t('submissions.noVersions') }}
        columns={[
          { title: t('submissions.versionNumber'), dataIndex: 'number', key: 'number', width: 90 },
          { title: t('submissions.submittedAt'), dataIndex: 'submitted_at', key: 'at', render: (v: string) => formatDateTimeMinutes(v) },
          { title: t('submissions.submittedBy'), key: 'by', render: (_, v) => v.submitted_by.display_name },
          { title: t('submissions.late'), key: 'late', render: (_, v) => <LateTag late={v.late} /> },
          { title: t('submissions.decision'), key: 'decision', render: (_, v) => <DecisionCell version={v} /> },
          {
            title: t('common.actions'),
            key: 'view',
            render: (_, v) => (
              <Button size="small" onClick={() => setOpen(v.number)}>
                {t('submissions.view')}
              </Button>
            ),
          },
        ]}
      />
      {open !== null && renderVersion(open, () => setOpen(null))}
    </>
  );
}
