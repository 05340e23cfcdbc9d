import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { roundResultsQuery, type ResultRow, type Round, type RoundResults } from '../api/evaluation';
import { formatPoints, formatTotal } from '../format';
import { DecisionModal } from './DecisionModal';
import { DecisionTags } from './tags';

function Eligibility({ row }: { row: ResultRow }) {
  const { t } = useTranslation();
  if (row.gate_failed) return <Tag color="error">{t('evaluation.results.gateFailed')}</Tag>;
  if (row.eligible) return <Tag color="success">{t('evaluation.results.eligible')}</Tag>;
  return <Tag>{t('evaluation.results.ineligible')}</Tag>;
}

interface TableProps_ {
  round: Round;
  results: RoundResults;
  /** The board (the committee and the organiser) also shows how many sheets are in. */
  board: boolean;
  /** Offered to whoever records decisions, while the round is scoring. */
  onDecide?: (row: ResultRow) => void;
}

/** The ranking: rank, total of max, each criterion's aggregate, eligibility and the decision. No evaluator is named. */
export function ResultsTable({ round, results, board, onDecide }: TableProps_) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const scored = round.criteria_set.criteria.filter((c) => !c.gate);
  const columns: TableProps<ResultRow>['columns'] = [
    {
      title: t('evaluation.results.rank'),
      key: 'rank',
      width: 70,
      render: (_, r) => (r.rank ? <Typography.Text strong>{r.rank}</Typography.Text> : <Typography.Text type="secondary">{t('evaluation.results.unranked')}</Typography.Text>),
    },
    {
      title: t('evaluation.results.initiative'),
      key: 'initiative',
      render: (_, r) => (
        <Link to={`/initiatives/${r.initiative.id}`} style={{ display: 'inline-block', minWidth: 180, maxWidth: 300, whiteSpace: 'normal' }}>
          {r.initiative.title}
        </Link>
      ),
    },
    { title: t('evaluation.results.unit'), key: 'unit', render: (_, r) => <span style={{ display: 'inline-block', maxWidth: 200, whiteSpace: 'normal' }}>{r.initiative.organization.name}</span> },
    { title: t('evaluation.results.total'), key: 'total', align: 'right', render: (_, r) => <Typography.Text strong>{formatTotal(r.total, results.max_total, lang)}</Typography.Text> },
    ...scored.map((c) => ({
      title: <span style={{ display: 'inline-block', maxWidth: 140, whiteSpace: 'normal' }}>{lang === 'en' ? c.name_en : c.name_vi}</span>,
      key: `c-${c.code}`,
      align: 'right' as const,
      render: (_: unknown, r: ResultRow) => formatPoints(r.per_criterion.find((x) => x.code === c.code)?.value, lang),
    })),
    { title: t('evaluation.results.eligibility'), key: 'eligibility', render: (_, r) => <Eligibility row={r} /> },
    ...(board ? [{ title: t('evaluation.results.sheets'), key: 'sheets', render: (_: unknown, r: ResultRow) => `${r.sheets_submitted}/${r.sheets_expected}` }] : []),
    {
      title: t('evaluation.results.decision'),
      key: 'decision',
      render: (_, r) => (
        <Flex vertical gap={4} style={{ minWidth: 180, maxWidth: 320 }}>
          <span>
            <DecisionTags decision={r.decision} />
          </span>
          {r.decision && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evaluation.decision.votesSummary', {
                for: String(r.decision.votes_for),
                against: String(r.decision.votes_against),
                abstain: String(r.decision.votes_abstain),
              })}
            </Typography.Text>
          )}
          {r.decision?.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.decision.note}</Typography.Text>}
        </Flex>
      ),
    },
    ...(onDecide
      ? [
          {
            title: t('common.actions'),
            key: 'decide',
            render: (_: unknown, r: ResultRow) => (
              <Button size="small" type={r.decision ? 'default' : 'primary'} onClick={() => onDecide(r)} aria-label={`${r.decision ? t('evaluation.results.editDecision') : t('evaluation.results.decide')}: ${r.initiative.title}`}>
                {r.decision ? t('evaluation.results.editDecision') : t('evaluation.results.decide')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<ResultRow>
      aria-label={t('evaluation.results.title')}
      rowKey="entry_id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={results.ranking}
      columns={columns}
      locale={{ emptyText: t('evaluation.results.empty') }}
    />
  );
}

/** The live ranking for the committee (decisions recorded here), or the published results for anyone else. */
export function ResultsPanel({ round }: { round: Round }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const results = useQuery(roundResultsQuery(round.id));
  const [deciding, setDeciding] = useState<ResultRow | null>(null);
  const board = round.allowed_actions.includes('view_board');
  const canDecide = round.allowed_actions.includes('decide') && round.status === 'scoring';

  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  if (results.isPending) return <Table loading dataSource={[]} />;
  const r = results.data;
  return (
    <Flex vertical gap={12}>
      <ResultsTable round={round} results={r} board={board} onDecide={canDecide ? setDeciding : undefined} />
      <Typography.Text type="secondary">{t('evaluation.results.aggregation', { method: t(`evaluation.aggregations.${r.aggregation}`) })}</Typography.Text>
      <Alert
        type="info"
        showIcon
        title={t('evaluation.results.tieBreak')}
        // The API states the rule in Vietnamese only; English readers get its translation.
        description={lang === 'vi' ? r.tie_break_vi : r.tie_break_en}
      />
      {deciding && <DecisionModal round={round} row={deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}
