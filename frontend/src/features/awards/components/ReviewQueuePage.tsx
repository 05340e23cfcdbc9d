import { Alert, Card, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { useMe } from '@/lib/auth';
import { nominationListQuery } from '../api/awards';
import { canReview } from '../permissions';
import { AwardsNav } from './AwardsNav';
import { NominationFilters } from './NominationFilters';
import { NominationTable } from './NominationTable';
import { useNominationFilters } from './useNominationFilters';

const PER_PAGE = 20;

/**
 * `/awards/review`: the authority's queue, the submitted nominations, each with its checklist and
 * the approve / reject (with a reason) / override (one failed rule, with a reason) actions it allows.
 */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { filters, page, update } = useNominationFilters({ status: 'submitted' });
  const list = useQuery(nominationListQuery({ ...filters, page, per_page: PER_PAGE }));

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('awards.title')}
      </Typography.Title>
      <AwardsNav />
      <Card>
        {!canReview(me.data) && <Alert type="info" showIcon title={t('awards.review.officersOnly')} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{t('awards.review.hint')}</Typography.Paragraph>
        <div style={{ marginBottom: 16 }}>
          <NominationFilters filters={filters} update={update} withStatus={false} />
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <NominationTable
            review
            ariaLabel={t('awards.review.label')}
            items={list.data?.items ?? []}
            loading={list.isPending}
            emptyText={t('awards.review.empty')}
            pagination={{
              current: page,
              pageSize: PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (p) => update({ page: p === 1 ? null : String(p) }),
            }}
          />
        )}
      </Card>
    </Flex>
  );
}
