import type { ReactNode } from 'react';
import { Card, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import {
  campaignOptionsQuery,
  initiativeListQuery,
  KINDS,
  reformAreasQuery,
  STATUSES,
  type Initiative,
  type InitiativeKind,
  type InitiativeListParams,
  type InitiativeStatus,
} from '../api/initiatives';
import { Highlight } from './Highlight';
import { InitiativeStatusTag } from './InitiativeStatusTag';
import { ProgressCell } from './ProgressCell';
import { TransitionButtons } from './TransitionButtons';

const ROW_ACTIONS = ['return', 'register'] as const;
const SORTABLE = ['title', 'starts_on', 'ends_on', 'created_at', 'updated_at'] as const;

function intParam(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

type Patch = Record<string, string | number | boolean | null | undefined>;

/** Filters, search, paging and sorting live in the URL so a list can be bookmarked and shared. */
function useListParams(mine: boolean): [InitiativeListParams, (patch: Patch) => void] {
  const [search, setSearch] = useSearchParams();
  const params: InitiativeListParams = {
    page: intParam(search.get('page'), 1),
    per_page: intParam(search.get('per_page'), 20),
    sort: search.get('sort') || undefined,
    q: search.get('q')?.trim() || undefined,
    campaign_id: search.get('campaign_id') || undefined,
    status: oneOf<InitiativeStatus>(STATUSES, search.get('status')),
    kind: oneOf<InitiativeKind>(KINDS, search.get('kind')),
    reform_area: search.get('reform_area') || undefined,
    overdue: search.get('overdue') === 'true' ? true : undefined,
    ...(mine ? { mine: true } : {}),
  };
  const update = (patch: Patch) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '' || v === false) next.delete(k);
      else next.set(k, String(v));
    }
    setSearch(next, { replace: true });
  };
  return [params, update];
}

interface Props {
  scope: 'mine' | 'unit';
  title: string;
  extra?: ReactNode;
}

/**
 * Initiatives in a table: the caller's own (`mine`) or every one in the caller's reach
 * (`unit`, with the unit column and the focal officer's / head's return and register).
 */
export function InitiativeList({ scope, title, extra }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params, update] = useListParams(scope === 'mine');
  const list = useQuery(initiativeListQuery(params));
  const campaigns = useQuery(campaignOptionsQuery());
  const areas = useQuery(reformAreasQuery());
  const q = params.q;

  const sortOrder = (field: string) =>
    params.sort === field ? ('ascend' as const) : params.sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableProps<Initiative>['columns'] = [
    {
      title: t('initiatives.titleField'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrder('title'),
      render: (_: string, i) => (
        <Flex vertical gap={2} style={{ minWidth: 240 }}>
          <Link to={`/initiatives/${i.id}`} style={{ fontWeight: 500 }}>
            <Highlight text={i.title} query={q} />
          </Link>
          {i.summary && (
            <Typography.Text type="secondary" style={{ fontSize: 13, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
              <Highlight text={i.summary} query={q} />
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('initiatives.kind'),
      key: 'kind',
      width: 170,
      render: (_, i) => (
        <Flex vertical gap={4} align="start">
          <Tag>{t(`initiatives.kinds.${i.kind}`, { defaultValue: i.kind })}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lang === 'en' ? i.reform_area.name_en : i.reform_area.name_vi}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(scope === 'unit'
      ? [{ title: t('initiatives.unit'), key: 'unit', render: (_: unknown, i: Initiative) => i.organization.name, width: 180 }]
      : []),
    {
      title: t('initiatives.authors'),
      key: 'authors',
      width: 220,
      render: (_, i) =>
        i.collective ? (
          <Space size={4}>
            <TeamOutlined aria-hidden />
            {t('initiatives.collectiveAuthor', { unit: i.organization.name })}
          </Space>
        ) : (
          i.authors.map((a) => `${a.user.display_name} (${a.contribution_pct}%)`).join(', ')
        ),
    },
    {
      title: t('initiatives.status'),
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (s: InitiativeStatus) => <InitiativeStatusTag status={s} />,
    },
    {
      title: t('initiatives.progress'),
      key: 'progress',
      width: 170,
      render: (_, i) => <ProgressCell progress={i.progress} overdueSteps={i.overdue_steps} />,
    },
    // Return / register, for the unit's focal officer and head: the column shows when some row offers them.
    ...(scope === 'unit' && (list.data?.items ?? []).some((i) => ROW_ACTIONS.some((a) => i.allowed_actions.includes(a)))
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, i: Initiative) => (
              <Space size={4} wrap>
                <TransitionButtons initiative={i} only={ROW_ACTIONS} size="small" />
              </Space>
            ),
          },
        ]
      : []),
  ];

  const onTableChange: TableProps<Initiative>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.columnKey === 'string' && (SORTABLE as readonly string[]).includes(s.columnKey) ? s.columnKey : null;
    const sort = field && s?.order ? (s.order === 'descend' ? `-${field}` : field) : null;
    update({ page: pagination.current ?? 1, per_page: pagination.pageSize ?? 20, sort });
  };

  return (
    <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>} extra={extra}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('initiatives.searchPlaceholder')}
          defaultValue={params.q}
          allowClear
          enterButton
          onSearch={(value) => update({ q: value.trim(), page: null })}
          style={{ maxWidth: 420 }}
        />
        <Select
          aria-label={t('initiatives.filterCampaign')}
          placeholder={t('initiatives.campaign')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={params.campaign_id}
          onChange={(v) => update({ campaign_id: v, page: null })}
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.code, title: c.title }))}
          loading={campaigns.isPending}
          style={{ width: 180 }}
        />
        <Select
          aria-label={t('initiatives.filterStatus')}
          placeholder={t('initiatives.status')}
          allowClear
          value={params.status}
          onChange={(v) => update({ status: v, page: null })}
          options={STATUSES.map((s) => ({ value: s, label: t(`initiatives.statuses.${s}`) }))}
          style={{ width: 180 }}
        />
        <Select
          aria-label={t('initiatives.filterKind')}
          placeholder={t('initiatives.kind')}
          allowClear
          value={params.kind}
          onChange={(v) => update({ kind: v, page: null })}
          options={KINDS.map((k) => ({ value: k, label: t(`initiatives.kinds.${k}`) }))}
          style={{ width: 150 }}
        />
        <Select
          aria-label={t('initiatives.filterArea')}
          placeholder={t('initiatives.reformArea')}
          allowClear
          value={params.reform_area}
          onChange={(v) => update({ reform_area: v, page: null })}
          options={(areas.data ?? []).map((a) => ({ value: a.code, label: lang === 'en' ? a.name_en : a.name_vi }))}
          loading={areas.isPending}
          popupMatchSelectWidth={false}
          style={{ width: 220 }}
        />
        <Checkbox checked={params.overdue === true} onChange={(e) => update({ overdue: e.target.checked, page: null })} style={{ alignSelf: 'center' }}>
          {t('initiatives.onlyOverdue')}
        </Checkbox>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Initiative>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          locale={{ emptyText: scope === 'mine' ? t('initiatives.emptyMine') : t('initiatives.empty') }}
          scroll={{ x: 1000 }}
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
