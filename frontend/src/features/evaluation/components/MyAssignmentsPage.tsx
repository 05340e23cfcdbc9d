import { Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { DeadlineTag } from '@/features/campaigns/components/DeadlineTag';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import { myAssignmentsQuery, type MyAssignment, type RoundRef } from '../api/evaluation';
import { cellState } from '../format';
import { RoundStatusTag, SheetStateTag } from './tags';

/** The caller's assignments grouped by round, in the order the API gives (latest round first). */
function byRound(items: readonly MyAssignment[]): { round: RoundRef; items: MyAssignment[] }[] {
  const groups = new Map<string, { round: RoundRef; items: MyAssignment[] }>();
  for (const a of items) {
    const g = groups.get(a.round.id) ?? { round: a.round, items: [] };
    g.items.push(a);
    groups.set(a.round.id, g);
  }
  return [...groups.values()];
}

function RoundAssignments({ round, items }: { round: RoundRef; items: MyAssignment[] }) {
  const { t } = useTranslation();
  const scoring = round.status === 'scoring';
  return (
    <Card
      title={
        <Space wrap>
          <Link to={`/evaluation/rounds/${round.id}`}>{round.title}</Link>
          <RoundStatusTag status={round.status} />
        </Space>
      }
      extra={
        <Space size={4} wrap>
          {t('evaluation.mine.closesOn', { date: formatDate(round.scoring_closes_on) })}
          {scoring && <DeadlineTag dueOn={round.scoring_closes_on} />}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {round.organization.name}
      </Typography.Paragraph>
      <Table<MyAssignment>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={items}
        columns={[
          {
            title: t('evaluation.mine.initiative'),
            key: 'initiative',
            render: (_, a) => <span style={{ display: 'inline-block', minWidth: 200, maxWidth: 360, whiteSpace: 'normal' }}>{a.initiative.title}</span>,
          },
          { title: t('evaluation.mine.unit'), key: 'unit', render: (_, a) => a.initiative.organization.name },
          { title: t('evaluation.mine.sheet'), key: 'sheet', render: (_, a) => <SheetStateTag state={cellState(a)} /> },
          {
            title: t('evaluation.mine.reminder'),
            key: 'reminder',
            render: (_, a) =>
              a.reminded_at && !a.recused && a.sheet !== 'submitted' ? (
                <Tag color="orange" icon={<BellOutlined aria-hidden />}>
                  {t('evaluation.mine.remindedAt', { time: formatDateTimeMinutes(a.reminded_at) })}
                </Tag>
              ) : (
                ''
              ),
          },
          {
            title: t('common.actions'),
            key: 'open',
            render: (_, a) =>
              a.recused ? null : (
                <Link to={`/evaluation/sheets/${a.id}`} aria-label={`${scoring && a.sheet !== 'submitted' ? t('evaluation.mine.score') : t('evaluation.mine.view')}: ${a.initiative.title}`}>
                  <Button size="small" type={scoring && a.sheet !== 'submitted' ? 'primary' : 'default'}>
                    {scoring && a.sheet !== 'submitted' ? t('evaluation.mine.score') : t('evaluation.mine.view')}
                  </Button>
                </Link>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** "Phiếu chấm của tôi": what the caller is to score, round by round, with the chair's reminders. */
export default function MyAssignmentsPage() {
  const { t } = useTranslation();
  const list = useQuery(myAssignmentsQuery());
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('evaluation.mine.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('evaluation.mine.hint')}</Typography.Text>
      {list.isPending ? (
        <PageSpinner />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Card>
          <Empty description={t('evaluation.mine.empty')} />
        </Card>
      ) : (
        byRound(list.data).map((g) => <RoundAssignments key={g.round.id} round={g.round} items={g.items} />)
      )}
    </Flex>
  );
}
