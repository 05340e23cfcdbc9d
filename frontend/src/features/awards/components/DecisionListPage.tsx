import { Button, Card, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { useMe } from '@/lib/auth';
import { formatDate } from '@/lib/deadline';
import { decisionListQuery, type AwardDecision } from '../api/awards';
import { canRecordDecisions } from '../permissions';
import { AwardsNav } from './AwardsNav';

const PER_PAGE = 20;

/** `/awards/decisions`: the award decisions in the caller's reach, newest first. */
export default function DecisionListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useQuery(decisionListQuery({ page, per_page: PER_PAGE }));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('awards.title')}
        </Typography.Title>
        {canRecordDecisions(me.data) && (
          <Link to="/awards/decisions/new">
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('awards.decision.create')}
            </Button>
          </Link>
        )}
      </Flex>
      <AwardsNav />
      <Card>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AwardDecision>
            rowKey="id"
            aria-label={t('awards.decision.listLabel')}
            loading={list.isPending}
            scroll={{ x: 'max-content' }}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('awards.decision.empty') }}
            pagination={{
              current: page,
              pageSize: PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (p) => {
                const next = new URLSearchParams(params);
                if (p === 1) next.delete('page');
                else next.set('page', String(p));
                setParams(next, { replace: true });
              },
            }}
            columns={[
              { title: t('awards.decision.number'), key: 'number', render: (_, d) => <Link to={`/awards/decisions/${d.id}`}>{d.number}</Link> },
              { title: t('awards.decision.signedOn'), key: 'signed', render: (_, d) => formatDate(d.signed_on) },
              { title: t('awards.decision.signer'), key: 'signer', render: (_, d) => `${d.signer_title} ${d.signer_name}` },
              {
                title: t('awards.decision.authority'),
                key: 'authority',
                render: (_, d) => <span style={{ display: 'inline-block', maxWidth: 260, whiteSpace: 'normal' }}>{d.organization.name}</span>,
              },
              { title: t('awards.decision.ceremonyOn'), key: 'ceremony', render: (_, d) => formatDate(d.ceremony_on) },
              { title: t('awards.decision.grantedCount'), key: 'granted', render: (_, d) => d.granted.length },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
