import { Card, Descriptions, Flex, Space, Table, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { formatDate } from '@/lib/deadline';
import { initiativeEvaluationsQuery, type Criterion, type InitiativeEvaluation } from '../api/evaluation';
import { formatPoints, formatTotal } from '../format';
import { DecisionTags, RoundLevelTag } from './tags';

/** One published round's result for the initiative: aggregates, rank, decision and comment — never an evaluator. */
function EvaluationResult({ evaluation }: { evaluation: InitiativeEvaluation }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { round, result } = evaluation;
  const d = result.decision;
  return (
    <section aria-label={round.title}>
      <Flex vertical gap={8}>
        <Space wrap>
          <Link to={`/evaluation/rounds/${round.id}`}>
            <Typography.Text strong>{round.title}</Typography.Text>
          </Link>
          <RoundLevelTag level={round.level} />
          {round.published_at && <Typography.Text type="secondary">{t('evaluation.initiative.publishedAt', { date: formatDate(round.published_at) })}</Typography.Text>}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'total', label: t('evaluation.initiative.total'), children: <Typography.Text strong>{formatTotal(result.total, evaluation.max_total, lang)}</Typography.Text> },
            {
              key: 'rank',
              label: t('evaluation.initiative.rank'),
              children: result.rank ? t('evaluation.initiative.rankOf', { rank: String(result.rank), count: evaluation.ranked }) : t('evaluation.results.unranked'),
            },
            {
              key: 'decision',
              label: t('evaluation.initiative.decision'),
              children: (
                <span>
                  <DecisionTags decision={d} />
                </span>
              ),
            },
            ...(d
              ? [
                  {
                    key: 'votes',
                    label: t('evaluation.initiative.votes'),
                    children: t('evaluation.decision.votesSummary', { for: String(d.votes_for), against: String(d.votes_against), abstain: String(d.votes_abstain) }),
                  },
                ]
              : []),
            ...(d?.note ? [{ key: 'note', label: t('evaluation.initiative.note'), span: 'filled' as const, children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.note}</span> }] : []),
          ]}
        />
        <Table<Criterion>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={evaluation.criteria}
          columns={[
            { title: t('evaluation.initiative.criterion'), key: 'name', render: (_, c) => (lang === 'en' ? c.name_en : c.name_vi) },
            { title: t('evaluation.initiative.max'), key: 'max', width: 110, align: 'right', render: (_, c) => (c.gate ? '' : formatPoints(c.max_points, lang)) },
            {
              title: t('evaluation.initiative.value'),
              key: 'value',
              width: 150,
              align: 'right',
              render: (_, c) =>
                c.gate
                  ? result.gate_failed
                    ? t('evaluation.results.gateFailedShort')
                    : t('evaluation.results.gatePassed')
                  : formatPoints(result.per_criterion.find((x) => x.code === c.code)?.value, lang),
            },
          ]}
        />
      </Flex>
    </section>
  );
}

/** "Kết quả đánh giá" on the initiative's page: the published results of the rounds it was in. */
export function InitiativeEvaluationsCard({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const list = useQuery(initiativeEvaluationsQuery(initiativeId));
  if (list.isPending || (list.isSuccess && list.data.length === 0)) return null;
  return (
    <Card
      title={
        <Space>
          <TrophyOutlined aria-hidden />
          {t('evaluation.initiative.title')}
        </Space>
      }
    >
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={24}>
          {list.data.map((e) => (
            <EvaluationResult key={e.round.id} evaluation={e} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
