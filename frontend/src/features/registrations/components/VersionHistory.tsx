import { useState } from 'react';
import { Button, Descriptions, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import { registrationVersionQuery, type VersionSummary } from '../api/registrations';
import { CommitmentsTable } from './CommitmentsTable';
import { RegisteredInitiativesTable } from './RegisteredInitiativesTable';

export function LateTag({ late }: { late: boolean }) {
  const { t } = useTranslation();
  return late ? <Tag color="red">{t('registrations.late')}</Tag> : <Tag color="green">{t('registrations.onTime')}</Tag>;
}

export function DecisionCell({ version }: { version: VersionSummary }) {
  const { t } = useTranslation();
  if (!version.decision) return <Tag>{t('registrations.pending')}</Tag>;
  const status = version.decision === 'received' || version.decision === 'returned' ? version.decision : null;
  return (
    <Flex vertical gap={2}>
      <span>
        <Tag color={version.decision === 'received' ? 'success' : 'warning'}>
          {status ? t(`registrations.statuses.${status}`) : version.decision}
        </Tag>
        {version.decided_by?.display_name} {formatDateTimeMinutes(version.decided_at)}
      </span>
      {version.reason && (
        <Typography.Text type="secondary">
          {t('registrations.reason')}: {version.reason}
        </Typography.Text>
      )}
    </Flex>
  );
}

function VersionDrawer({ registrationId, number, onClose }: { registrationId: string; number: number; onClose: () => void }) {
  const { t } = useTranslation();
  const version = useQuery(registrationVersionQuery(registrationId, number));
  const v = version.data;
  return (
    <Drawer open width={960} onClose={onClose} title={v ? t('registrations.versionTitle', { number: String(number), time: formatDateTimeMinutes(v.submitted_at) }) : t('registrations.version', { number: String(number) })}>
      {version.isPending ? (
        <PageSpinner />
      ) : version.isError ? (
        <QueryError error={version.error} onRetry={() => void version.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'by', label: t('registrations.submittedBy'), children: version.data.submitted_by.display_name },
              { key: 'at', label: t('registrations.submittedAt'), children: formatDateTimeMinutes(version.data.submitted_at) },
              { key: 'due', label: t('registrations.deadline'), children: formatDate(version.data.due_on) },
              { key: 'late', label: t('registrations.late'), children: <LateTag late={version.data.late} /> },
              { key: 'decision', label: t('registrations.decision'), children: <DecisionCell version={version.data} /> },
            ]}
          />
          <Typography.Title level={5}>{t('registrations.initiatives')}</Typography.Title>
          <RegisteredInitiativesTable initiatives={version.data.initiatives} />
          <Typography.Title level={5}>{t('registrations.commitments')}</Typography.Title>
          <CommitmentsTable commitments={version.data.commitments} editable={false} />
        </Flex>
      )}
    </Drawer>
  );
}

/** Every submitted version, newest first, each opening its frozen content. */
export function VersionHistory({ registrationId, versions }: { registrationId: string; versions: VersionSummary[] }) {
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
        locale={{ emptyText: t('registrations.noVersions') }}
        columns={[
          { title: t('registrations.versionNumber'), dataIndex: 'number', key: 'number', width: 90 },
          { title: t('registrations.submittedAt'), dataIndex: 'submitted_at', key: 'at', render: (v: string) => formatDateTimeMinutes(v) },
          { title: t('registrations.submittedBy'), key: 'by', render: (_, v) => v.submitted_by.display_name },
          { title: t('registrations.late'), key: 'late', render: (_, v) => <LateTag late={v.late} /> },
          { title: t('registrations.decision'), key: 'decision', render: (_, v) => <DecisionCell version={v} /> },
          {
            title: t('common.actions'),
            key: 'view',
            render: (_, v) => (
              <Button size="small" onClick={() => setOpen(v.number)}>
                {t('registrations.view')}
              </Button>
            ),
          },
        ]}
      />
      {open !== null && <VersionDrawer registrationId={registrationId} number={open} onClose={() => setOpen(null)} />}
    </>
  );
}
