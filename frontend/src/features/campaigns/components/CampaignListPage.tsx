import { Button, Card, Flex, Input, Select, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { formatDate } from '@/lib/deadline';
import { hasCapability, useMe } from '@/lib/auth';
import { campaignListQuery, type CampaignListParams, type CampaignStatus, type CampaignSummary } from '../api/campaigns';
import { CampaignStatusTag } from './CampaignStatusTag';

const STATUSES: CampaignStatus[] = ['draft', 'open', 'closed', 'archived'];
const SORTABLE = ['code', 'year', 'issued_on', 'title'] as const;

function intParam(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Filters, paging and sorting live in the URL so a list can be bookmarked and shared. */
function useListParams(): [CampaignListParams, (patch: Record<string, string | number | null | undefined>) => void] {
  const [search, setSearch] = useSearchParams();
  const status = search.get('status');
  const params: CampaignListParams = {
    page: intParam(search.get('page'), 1),
    per_page: intParam(search.get('per_page'), 20),
    sort: search.get('sort') ?? '-year',
    q: search.get('q') || undefined,
    year: search.get('year') ? intParam(search.get('year'), 0) || undefined : undefined,
    status: STATUSES.includes(status as CampaignStatus) ? (status as CampaignStatus) : undefined,
  };
  const update = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setSearch(next, { replace: true });
  };
  return [params, update];
}

export default function CampaignListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, update] = useListParams();
  const list = useQuery(campaignListQuery(params));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2020 + 2 }, (_, i) => thisYear + 1 - i);

  const sortOrder = (field: string) =>
    params.sort === field ? ('ascend' as const) : params.sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableProps<CampaignSummary>['columns'] = [
    {
      title: t('campaigns.code'),
      dataIndex: 'code',
      key: 'code',
      sorter: true,
      sortOrder: sortOrder('code'),
      render: (code: string, c) => <Link to={`/campaigns/${c.id}`}>{code}</Link>,
      width: 160,
    },
    { title: t('campaigns.titleField'), dataIndex: 'title', key: 'title', sorter: true, sortOrder: sortOrder('title') },
    { title: t('campaigns.year'), dataIndex: 'year', key: 'year', sorter: true, sortOrder: sortOrder('year'), width: 90 },
    {
      title: t('campaigns.issuedOn'),
      dataIndex: 'issued_on',
      key: 'issued_on',
      sorter: true,
      sortOrder: sortOrder('issued_on'),
      render: (d: string) => formatDate(d),
      width: 130,
    },
    { title: t('campaigns.organization'), key: 'organization', render: (_, c) => c.organization.name },
    {
      title: t('campaigns.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: CampaignStatus) => <CampaignStatusTag status={s} />,
      width: 150,
    },
  ];

  const onTableChange: TableProps<CampaignSummary>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.columnKey === 'string' && (SORTABLE as readonly string[]).includes(s.columnKey) ? s.columnKey : null;
    const sort = field && s?.order ? (s.order === 'descend' ? `-${field}` : field) : null;
    update({
      page: pagination.current ?? 1,
      per_page: pagination.pageSize ?? 20,
      sort,
    });
  };

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('campaigns.listTitle')}
        </Typography.Title>
      }
      extra={
        hasCapability(me.data, 'campaigns.create') && (
          <Link to="/campaigns/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('campaigns.create')}
            </Button>
          </Link>
        )
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('campaigns.searchPlaceholder')}
          defaultValue={params.q}
          allowClear
          enterButton
          onSearch={(q) => update({ q, page: null })}
          style={{ maxWidth: 380 }}
        />
        <Select
          aria-label={t('campaigns.filterYear')}
          placeholder={t('campaigns.year')}
          allowClear
          value={params.year}
          onChange={(year) => update({ year, page: null })}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 120 }}
        />
        <Select
          aria-label={t('campaigns.filterStatus')}
          placeholder={t('campaigns.status')}
          allowClear
          value={params.status}
          onChange={(status) => update({ status, page: null })}
          options={STATUSES.map((s) => ({ value: s, label: t(`campaigns.statuses.${s}`) }))}
          style={{ width: 180 }}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CampaignSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          locale={{ emptyText: t('campaigns.empty') }}
          scroll={{ x: 900 }}
          pagination={{
            current: params.page,
            pageSize: params.per_page,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { count: total }),
          }}
        />
      )}
    </Card>
  );
}
