import { Card, Flex, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { formatDateTimeMinutes } from '@/lib/dates';
import { REGISTRATION_STATUSES, registrationListQuery, type Registration, type RegistrationStatus } from '../api/registrations';
import { RegistrationActions } from './RegistrationActions';
import { SubmissionStatusTag } from '@/components/SubmissionStatusTag';
import { LateTag } from '@/components/VersionHistory';

const PER_PAGE = 20;
const INBOX_STATUSES = REGISTRATION_STATUSES.filter((s) => s !== 'draft');

/** The authority's inbox: sent registrations (by default), with receive / return. */
export default function RegistrationInboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: RegistrationStatus = raw && (INBOX_STATUSES as readonly string[]).includes(raw) ? (raw as RegistrationStatus) : 'submitted';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useQuery(registrationListQuery({ status, page, per_page: PER_PAGE }));

  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('registrations.inboxTitle')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<RegistrationStatus>
            style={{ minWidth: 200 }}
            aria-label={t('registrations.filterStatus')}
            value={status}
            onChange={(s) => update({ status: s === 'submitted' ? null : s, page: null })}
            options={INBOX_STATUSES.map((s) => ({ value: s, label: t(`registrations.statuses.${s}`) }))}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Registration>
            rowKey="id"
            loading={list.isPending}
            scroll={{ x: 'max-content' }}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('registrations.inboxEmpty') }}
            pagination={{
              current: page,
              pageSize: PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (p) => update({ page: p === 1 ? null : String(p) }),
            }}
            columns={[
              { title: t('registrations.unit'), key: 'unit', render: (_, r) => <Link to={`/registrations/${r.id}`}>{r.organization.name}</Link> },
              { title: t('registrations.campaign'), key: 'campaign', render: (_, r) => r.campaign.code },
              { title: t('registrations.status'), key: 'status', render: (_, r) => <SubmissionStatusTag status={r.status} /> },
              {
                title: t('registrations.latestVersion'),
                key: 'latest',
                render: (_, r) => {
                  const v = r.versions.at(-1);
                  return v ? (
                    <Space>
                      {formatDateTimeMinutes(v.submitted_at)}
                      <LateTag late={v.late} />
                    </Space>
                  ) : null;
                },
              },
              { title: t('common.actions'), key: 'actions', render: (_, r) => <RegistrationActions registration={r} size="small" /> },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
