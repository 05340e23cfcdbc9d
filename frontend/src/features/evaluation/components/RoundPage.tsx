import { Alert, Breadcrumb, Card, Descriptions, Flex, Space, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { DeadlineTag } from '@/features/campaigns/components/DeadlineTag';
import { currentLanguage } from '@/i18n';
import { formatDate } from '@/lib/deadline';
import { roundQuery, type Round, type RoundStatus } from '../api/evaluation';
import { formatPoints } from '../format';
import { CommitteeTable } from './CommitteeTable';
import { EntriesPanel } from './EntriesPanel';
import { ResultsPanel } from './ResultsPanel';
import { RoundActions } from './RoundActions';
import { RoundExportButtons } from './RoundExportButtons';
import { SheetMatrixPanel } from './SheetMatrix';
import { RoundLevelTag, RoundStatusTag } from './tags';

const TABS = ['setup', 'sheets', 'results', 'committee'] as const;
type Tab = (typeof TABS)[number];
const isTab = (x: string | null): x is Tab => !!x && (TABS as readonly string[]).includes(x);
const DEFAULT_TAB: Record<RoundStatus, Tab> = { setup: 'setup', scoring: 'sheets', closed: 'results', published: 'results' };

function RoundOverview({ round }: { round: Round }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const set = round.criteria_set;
  return (
    <Descriptions
      style={{ marginTop: 16 }}
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'campaign', label: t('evaluation.campaign'), children: <Link to={`/campaigns/${round.campaign.id}`}>{round.campaign.code}</Link> },
        { key: 'organization', label: t('evaluation.committeeOf'), children: round.organization.name },
        {
          key: 'criteria',
          label: t('evaluation.criteriaSet'),
          children: `${t('evaluation.criteriaSetVersion', { name: lang === 'en' ? set.name_en : set.name_vi, version: String(set.version) })} — ${t('evaluation.maxTotal', { max: formatPoints(set.max_total, lang) })}`,
        },
        { key: 'aggregation', label: t('evaluation.aggregation'), children: t(`evaluation.aggregations.${round.aggregation}`) },
        { key: 'per', label: t('evaluation.evaluatorsPerInitiative'), children: round.evaluators_per_initiative },
        {
          key: 'window',
          label: t('evaluation.scoringWindow'),
          children: (
            <Space wrap size={4}>
              {`${formatDate(round.scoring_opens_on)} – ${formatDate(round.scoring_closes_on)}`}
              {round.status === 'scoring' && <DeadlineTag dueOn={round.scoring_closes_on} />}
            </Space>
          ),
        },
        {
          key: 'meeting',
          label: t('evaluation.meeting'),
          children: [formatDate(round.meeting_on), round.meeting_place].filter(Boolean).join(' — ') || t('common.none'),
        },
        { key: 'role', label: t('evaluation.myRole'), children: round.my_role ? t(`evaluation.roles.${round.my_role}`) : t('evaluation.notMember') },
      ]}
    />
  );
}

/**
 * One round. The committee and the organiser get the board: set-up, the sheets' matrix, the
 * live ranking with the decisions, the members. Anyone else who sees a published round gets
 * its published results.
 */
export default function RoundPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const round = useQuery(roundQuery(roundId));

  if (round.isPending) return <PageSpinner />;
  if (round.isError) return <QueryError error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const allowed = new Set(r.allowed_actions);
  const board = allowed.has('view_board');
  const rawTab = params.get('tab');
  const tab: Tab = isTab(rawTab) ? rawTab : DEFAULT_TAB[r.status];

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/evaluation">{t('evaluation.back')}</Link> }, { title: r.title }]} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {r.title}
            </Typography.Title>
            <Space wrap>
              <RoundStatusTag status={r.status} />
              <RoundLevelTag level={r.level} />
              <RoundExportButtons round={r} />
            </Space>
          </div>
          <RoundActions round={r} />
        </Flex>
        <RoundOverview round={r} />
      </Card>

      {board ? (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => {
              const p = new URLSearchParams(params);
              p.set('tab', key);
              setParams(p, { replace: true });
            }}
            items={[
              { key: 'setup', label: t('evaluation.tabs.setup'), children: <EntriesPanel round={r} /> },
              { key: 'sheets', label: t('evaluation.tabs.sheets'), children: <SheetMatrixPanel round={r} /> },
              { key: 'results', label: t('evaluation.tabs.results'), children: <ResultsPanel round={r} /> },
              { key: 'committee', label: t('evaluation.tabs.committee'), children: <CommitteeTable round={r} /> },
            ]}
          />
        </Card>
      ) : allowed.has('view_results') ? (
        <Card title={t('evaluation.results.title')}>
          <ResultsPanel round={r} />
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('evaluation.results.notPublished')} />
      )}
    </Flex>
  );
}
