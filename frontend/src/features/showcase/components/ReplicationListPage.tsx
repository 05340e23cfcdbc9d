import { Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import { REPLICATION_STATUSES, replicationListQuery, type Replication, type ReplicationStatus } from '../api/showcase';
import { replicationPeriod } from '../format';
import { ReplicationStatusTag } from './ReplicationStatusTag';

const PER_PAGE = 20;
const ALL = 'all';

const isStatus = (s: string | null): s is ReplicationStatus => !!s && (REPLICATION_STATUSES as readonly string[]).includes(s);

/** The replications of the caller's units (and, for an authority, of the units below it). */
export default function ReplicationListPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useQuery(replicationListQuery({ page, per_page: PER_PAGE, ...(status ? { status } : {}) }));

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
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('showcase.tracking.title')}
        </Typography.Title>
        <Link to="/showcase">
          <Button icon={<AppstoreOutlined aria-hidden />}>{t('showcase.tracking.findModels')}</Button>
        </Link>
      </Flex>
      <Card>
        <Typography.Paragraph type="secondary">{t('showcase.tracking.hint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            style={{ minWidth: 220 }}
            aria-label={t('showcase.tracking.filterStatus')}
            value={status ?? ALL}
            onChange={(v) => update({ status: v === ALL ? null : v, page: null })}
            options={[{ value: ALL, label: t('showcase.tracking.allStatuses') }, ...REPLICATION_STATUSES.map((s) => ({ value: s, label: t(`showcase.statuses.${s}`) }))]}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Replication>
            aria-label={t('showcase.tracking.title')}
            rowKey="id"
            loading={list.isPending}
            scroll={{ x: 'max-content' }}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('showcase.tracking.empty') }}
            pagination={{
              current: page,
              pageSize: PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (p) => update({ page: p === 1 ? null : String(p) }),
            }}
            columns={[
              {
                title: t('showcase.tracking.model'),
                key: 'model',
                render: (_, r) => (
                  <Flex vertical style={{ minWidth: 220, maxWidth: 380, whiteSpace: 'normal' }}>
                    <Link to={`/replications/${r.id}`}>{r.model.title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.model.unit}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('showcase.adoptingUnit'),
                key: 'organization',
                render: (_, r) => <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{r.organization.name}</span>,
              },
              {
                title: t('showcase.period'),
                key: 'period',
                render: (_, r) => replicationPeriod(r, lang),
              },
              { title: t('showcase.status'), key: 'status', render: (_, r) => <ReplicationStatusTag status={r.status} /> },
              { title: t('showcase.tracking.figuresCount'), key: 'figures', align: 'right', render: (_, r) => r.figures.length },
              { title: t('showcase.tracking.updatedAt'), key: 'updated', render: (_, r) => formatDateTimeMinutes(r.updated_at) },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
