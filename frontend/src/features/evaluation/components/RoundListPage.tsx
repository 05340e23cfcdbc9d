import { Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { campaignOptionsQuery } from '@/features/initiatives/api/initiatives';
import { useMe } from '@/lib/auth';
import { formatDate } from '@/lib/deadline';
import { roundListQuery, type Round } from '../api/evaluation';
import { canCreateRounds } from '../permissions';
import { RoundLevelTag, RoundStatusTag } from './tags';

const PER_PAGE = 20;
const ALL = 'all';

/** The rounds in the caller's reach and those of the committees they sit on, newest first. */
export default function RoundListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign') ?? undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const campaigns = useQuery(campaignOptionsQuery());
  const list = useQuery(roundListQuery({ campaign_id: campaignId, page, per_page: PER_PAGE }));

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
          {t('evaluation.title')}
        </Typography.Title>
        {canCreateRounds(me.data) && (
          <Link to="/evaluation/new">
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('evaluation.create')}
            </Button>
          </Link>
        )}
      </Flex>
      <Card>
        <Typography.Paragraph type="secondary">{t('evaluation.listHint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            style={{ minWidth: 260 }}
            aria-label={t('evaluation.filterCampaign')}
            loading={campaigns.isPending}
            value={campaignId ?? ALL}
            onChange={(v) => update({ campaign: v === ALL ? null : v, page: null })}
            options={[{ value: ALL, label: t('evaluation.allCampaigns') }, ...(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.code }))]}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Round>
            rowKey="id"
            loading={list.isPending}
            scroll={{ x: 'max-content' }}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('evaluation.empty') }}
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
                title: t('evaluation.roundTitle'),
                key: 'title',
                render: (_, r) => (
                  <Link to={`/evaluation/rounds/${r.id}`} style={{ display: 'inline-block', minWidth: 200, maxWidth: 360, whiteSpace: 'normal' }}>
                    {r.title}
                  </Link>
                ),
              },
              { title: t('evaluation.campaign'), key: 'campaign', render: (_, r) => r.campaign.code },
              { title: t('evaluation.level'), key: 'level', render: (_, r) => <RoundLevelTag level={r.level} /> },
              {
                title: t('evaluation.committeeOf'),
                key: 'organization',
                render: (_, r) => <span style={{ display: 'inline-block', maxWidth: 220, whiteSpace: 'normal' }}>{r.organization.name}</span>,
              },
              { title: t('evaluation.status'), key: 'status', render: (_, r) => <RoundStatusTag status={r.status} /> },
              {
                title: t('evaluation.scoringWindow'),
                key: 'window',
                render: (_, r) => `${formatDate(r.scoring_opens_on)} – ${formatDate(r.scoring_closes_on)}`,
              },
              {
                title: t('evaluation.myRole'),
                key: 'role',
                render: (_, r) => (r.my_role ? <Tag color="purple">{t(`evaluation.roles.${r.my_role}`)}</Tag> : ''),
              },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
