import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Table, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema.gen';
import { QueryError } from '@/components/QueryError';
import { useMe } from '@/lib/auth';
import { findNode, organizationTreeQuery, walkTree } from '@/lib/organizations';
import { RATING_PERIODS, peopleQuery, staffRatingsQuery, unitRatingsQuery, type RatingPeriod, type UnitRating } from '../api/records';
import { ratingsByPerson } from '../format';
import { canRateUnits } from '../permissions';
import { RatingTag } from './RatingTag';
import { RecordsHeader } from './RecordsHeader';
import { StaffRatingModal } from './StaffRatingModal';
import { UnitRatingModal } from './UnitRatingModal';
import { useRecordsFilters } from './useRecordsFilters';

type User = components['schemas']['UserView'];

const PEOPLE_PER_PAGE = 50;

interface Editing {
  person: User;
  period: RatingPeriod;
}

/** The staff of a unit with their annual rating and the four quarterly ones. */
function StaffRatingsCard({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const [page, setPage] = useState(1);
  const people = useQuery(peopleQuery(unitId, page, PEOPLE_PER_PAGE));
  const ratings = useQuery(staffRatingsQuery(unitId, year));
  const byPerson = useMemo(() => ratingsByPerson(ratings.data ?? [], year), [ratings.data, year]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const error = people.error ?? ratings.error;

  return (
    <Card title={t('records.staff.title', { year: String(year) })}>
      <Typography.Paragraph type="secondary">{t('records.staff.hint')}</Typography.Paragraph>
      {error ? (
        <QueryError
          error={error}
          onRetry={() => {
            void people.refetch();
            void ratings.refetch();
          }}
        />
      ) : (
        <Table<User>
          aria-label={t('records.staff.table', { year: String(year) })}
          rowKey="id"
          size="small"
          loading={people.isPending || ratings.isPending}
          scroll={{ x: 'max-content' }}
          dataSource={people.data?.items ?? []}
          locale={{ emptyText: t('records.staff.empty') }}
          pagination={{
            current: page,
            pageSize: PEOPLE_PER_PAGE,
            total: people.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: setPage,
          }}
          columns={[
            {
              title: t('records.person'),
              key: 'name',
              fixed: 'left',
              render: (_, u) => (
                <Flex vertical>
                  <Typography.Text strong>{u.display_name}</Typography.Text>
                  {u.position && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.position}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            ...RATING_PERIODS.map((p) => ({
              title: p === 'year' ? t('records.staff.annual') : t(`records.periods.${p}`),
              key: p,
              render: (_: unknown, u: User) => <RatingTag rating={byPerson.get(u.id)?.[p]?.rating} />,
            })),
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, u) => {
                const own = u.id === me.data?.user.id;
                const button = (
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    disabled={own}
                    aria-label={t('records.staff.rateNamed', { name: u.display_name })}
                    onClick={() => setEditing({ person: u, period: 'year' })}
                  >
                    {t('records.staff.rate')}
                  </Button>
                );
                return own ? <Tooltip title={t('records.staff.ownRecord')}>{button}</Tooltip> : button;
              },
            },
          ]}
        />
      )}
      {editing && (
        <StaffRatingModal
          person={editing.person}
          year={year}
          period={editing.period}
          current={byPerson.get(editing.person.id) ?? {}}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

interface UnitRow {
  id: string;
  name: string;
  depth: number;
  rating?: UnitRating;
}

/** The authority's part: the collective rating of each unit under the chosen organisation. */
function UnitRatingsCard({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const tree = useQuery(organizationTreeQuery());
  const ratings = useQuery(unitRatingsQuery(unitId, year));
  const [editing, setEditing] = useState<UnitRow | null>(null);

  const rows = useMemo<UnitRow[]>(() => {
    const root = findNode(tree.data ?? [], unitId);
    if (!root) return [];
    const byUnit = new Map((ratings.data ?? []).filter((r) => r.year === year).map((r) => [r.organization.id, r]));
    return [...walkTree([root])].map(([n, depth]) => ({ id: n.id, name: n.name, depth, rating: byUnit.get(n.id) }));
  }, [tree.data, ratings.data, unitId, year]);

  return (
    <Card title={t('records.units.title', { year: String(year) })}>
      <Typography.Paragraph type="secondary">{t('records.units.hint')}</Typography.Paragraph>
      {ratings.isError ? (
        <QueryError error={ratings.error} onRetry={() => void ratings.refetch()} />
      ) : (
        <Table<UnitRow>
          aria-label={t('records.units.table', { year: String(year) })}
          rowKey="id"
          size="small"
          loading={tree.isPending || ratings.isPending}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('records.units.empty') }}
          columns={[
            { title: t('records.unit'), key: 'name', render: (_, r) => <span style={{ paddingInlineStart: r.depth * 16 }}>{r.name}</span> },
            { title: t('records.units.rating'), key: 'rating', render: (_, r) => <RatingTag rating={r.rating?.rating} /> },
            { title: t('records.decisionRef'), key: 'decision', render: (_, r) => r.rating?.decision_ref ?? '' },
            { title: t('records.note'), key: 'note', render: (_, r) => <span style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'normal' }}>{r.rating?.note ?? ''}</span> },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, r) => (
                <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t('records.units.rateNamed', { unit: r.name })} onClick={() => setEditing(r)}>
                  {t('records.units.rate')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {editing && <UnitRatingModal unit={editing} year={year} current={editing.rating} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** "Xếp loại": the staff's annual and quarterly ratings, and (for the authority) the units' collective ones. */
export default function RatingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { unitId, year } = useRecordsFilters();
  return (
    <Flex vertical gap={16}>
      <RecordsHeader active="ratings" />
      {!unitId ? (
        <Alert type="info" showIcon title={t('records.chooseUnit')} />
      ) : (
        <>
          <StaffRatingsCard key={unitId} unitId={unitId} year={year} />
          {canRateUnits(me.data) && <UnitRatingsCard unitId={unitId} year={year} />}
        </>
      )}
    </Flex>
  );
}
