import { Card, DatePicker, Descriptions, Flex, Select, Table, Tooltip, Typography, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { DATE_FORMAT, formatDateTime, fromIsoDate, toIsoDate, vietnamDayEnd, vietnamDayStart } from '@/lib/dates';
import { auditListQuery, type AuditEvent, type AuditListParams } from '../api/audit';
import { ACTION_GROUPS, actionLabel, ENTITY_TYPES, entityTypeLabel, isActionGroup, isEntityType, type ActionGroup, type EntityType } from './audit-labels';

const MAX_PER_PAGE = 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function intParam(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const dateParam = (v: string | null): string | undefined => (v && ISO_DATE.test(v) ? v : undefined);

interface AuditFilters {
  page: number;
  perPage: number;
  group?: ActionGroup;
  entityType?: EntityType;
  /** Calendar days in Vietnam (`YYYY-MM-DD`), both inclusive. */
  from?: string;
  to?: string;
}

/** The API query for the filters: a group is an action prefix, a day range is a pair of instants. */
function toQuery(f: AuditFilters): AuditListParams {
  return {
    page: f.page,
    per_page: f.perPage,
    action: f.group ? `${f.group}.` : undefined,
    entity_type: f.entityType,
    since: f.from ? vietnamDayStart(f.from) : undefined,
    until: f.to ? vietnamDayEnd(f.to) : undefined,
  };
}

/** Filters and paging live in the URL (as on the campaign list) so a view can be bookmarked and shared. */
function useAuditFilters(): [AuditFilters, (patch: Record<string, string | number | null | undefined>) => void] {
  const [search, setSearch] = useSearchParams();
  // The URL keeps the API's form of a group, a prefix ending with a dot (`action=campaign.`).
  const action = search.get('action');
  const group = action?.endsWith('.') ? action.slice(0, -1) : null;
  const entityType = search.get('entity_type');
  const filters: AuditFilters = {
    page: intParam(search.get('page'), 1),
    perPage: Math.min(intParam(search.get('per_page'), 20), MAX_PER_PAGE),
    group: isActionGroup(group) ? group : undefined,
    entityType: isEntityType(entityType) ? entityType : undefined,
    from: dateParam(search.get('from')),
    to: dateParam(search.get('to')),
  };
  const update = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setSearch(next, { replace: true });
  };
  return [filters, update];
}

function EventDetails({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const hasDetails = Object.keys(event.details ?? {}).length > 0;
  return (
    <Flex vertical gap={8}>
      {(event.entity_id || event.organization_id) && (
        <Descriptions size="small" column={1}>
          {event.entity_id && (
            <Descriptions.Item label={t('audit.entityId')}>
              <Typography.Text code copyable>
                {event.entity_id}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {event.organization_id && (
            <Descriptions.Item label={t('audit.organizationId')}>
              <Typography.Text code copyable>
                {event.organization_id}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {hasDetails ? (
        <pre aria-label={t('audit.details')} style={{ margin: 0, padding: 12, background: '#fafafa', borderRadius: 6, overflowX: 'auto', fontSize: 12 }}>
          {JSON.stringify(event.details, null, 2)}
        </pre>
      ) : (
        <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>
      )}
    </Flex>
  );
}

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [filters, update] = useAuditFilters();
  const list = useQuery(auditListQuery(toQuery(filters)));

  const columns: TableProps<AuditEvent>['columns'] = [
    {
      title: t('audit.time'),
      dataIndex: 'occurred_at',
      key: 'occurred_at',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
      width: 170,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) => e.actor?.display_name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => (
        <Tooltip title={action}>
          <span>{actionLabel(t, action)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entity_type',
      key: 'entity_type',
      render: (type: string) => entityTypeLabel(t, type),
      width: 160,
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'request_id',
      key: 'request_id',
      render: (id: string | null | undefined) =>
        id ? (
          <Typography.Text code copyable style={{ whiteSpace: 'nowrap' }}>
            {id}
          </Typography.Text>
        ) : null,
    },
  ];

  const onTableChange: TableProps<AuditEvent>['onChange'] = (pagination) => {
    update({ page: pagination.current ?? 1, per_page: pagination.pageSize ?? 20 });
  };

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        <Select<ActionGroup | ''>
          aria-label={t('audit.filterAction')}
          value={filters.group ?? ''}
          onChange={(group) => update({ action: group ? `${group}.` : null, page: null })}
          options={[
            { value: '', label: t('audit.allActions') },
            ...ACTION_GROUPS.map((g) => ({ value: g, label: t(`audit.groups.${g}`) })),
          ]}
          style={{ width: 220 }}
        />
        <Select<EntityType | ''>
          aria-label={t('audit.filterEntityType')}
          value={filters.entityType ?? ''}
          onChange={(entityType) => update({ entity_type: entityType, page: null })}
          options={[
            { value: '', label: t('audit.allEntityTypes') },
            ...ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entityTypes.${e}`) })),
          ]}
          style={{ width: 200 }}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.filterPeriod')}
          format={DATE_FORMAT}
          placeholder={[t('audit.from'), t('audit.to')]}
          allowEmpty={[true, true]}
          value={[fromIsoDate(filters.from), fromIsoDate(filters.to)]}
          onChange={(range) => update({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]), page: null })}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AuditEvent>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          locale={{ emptyText: t('audit.empty') }}
          expandable={{ expandedRowRender: (e) => <EventDetails event={e} /> }}
          scroll={{ x: 800 }}
          pagination={{
            current: filters.page,
            pageSize: filters.perPage,
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
