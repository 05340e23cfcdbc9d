import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { InitiativeEvaluationsCard } from '@/features/evaluation/components/InitiativeEvaluationsCard';
import { EvidenceCard } from '@/features/files/components/EvidenceCard';
import { InitiativeReportsCard } from '@/features/reports/components/InitiativeReportsCard';
import { InitiativeShowcaseAction } from '@/features/showcase/components/PublishModelModal';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import { initiativeHistoryQuery, initiativeQuery, type Author, type Initiative } from '../api/initiatives';
import { HistoryTimeline } from './HistoryTimeline';
import { InitiativeStatusTag } from './InitiativeStatusTag';
import { OverdueTag } from './ProgressCell';
import { RoadmapCard } from './RoadmapCard';
import { TransitionButtons } from './TransitionButtons';

function Authors({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  if (initiative.collective) {
    return (
      <Space>
        <TeamOutlined aria-hidden />
        {t('initiatives.collectiveAuthor', { unit: initiative.organization.name })}
      </Space>
    );
  }
  return (
    <Table<Author>
      rowKey={(a) => a.user.id}
      size="small"
      pagination={false}
      dataSource={initiative.authors}
      columns={[
        { title: t('initiatives.author'), key: 'name', render: (_, a) => a.user.display_name },
        { title: t('initiatives.position'), key: 'position', render: (_, a) => a.position ?? '' },
        { title: t('initiatives.contribution'), dataIndex: 'contribution_pct', key: 'pct', width: 180, render: (v: number) => `${v}%` },
      ]}
    />
  );
}

export default function InitiativePage() {
  const { initiativeId = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const initiative = useQuery(initiativeQuery(initiativeId));
  const history = useQuery(initiativeHistoryQuery(initiativeId));

  if (initiative.isPending) return <PageSpinner />;
  if (initiative.isError) return <QueryError error={initiative.error} onRetry={() => void initiative.refetch()} />;
  const i = initiative.data;
  const lastReturn = i.status === 'returned' ? [...(history.data ?? [])].reverse().find((h) => h.action === 'return') : undefined;
  const texts = [
    ['summary', t('initiatives.summary'), i.summary],
    ['problem', t('initiatives.problem'), i.problem],
    ['objectives', t('initiatives.objectives'), i.objectives],
    ['approach', t('initiatives.approach'), i.approach],
    ['expected_results', t('initiatives.expectedResults'), i.expected_results],
  ] as const;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/initiatives">{t('initiatives.backToUnit')}</Link> }, { title: i.title }]} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {i.title}
            </Typography.Title>
            <Space wrap>
              <InitiativeStatusTag status={i.status} />
              <Tag>{t(`initiatives.kinds.${i.kind}`, { defaultValue: i.kind })}</Tag>
              {i.overdue_steps > 0 && <OverdueTag count={i.overdue_steps} />}
            </Space>
          </div>
          <Space wrap>
            {i.allowed_actions.includes('update') && (
              <Link to={`/initiatives/${i.id}/edit`}>
                <Button icon={<EditOutlined aria-hidden />}>{t('initiatives.actions.update')}</Button>
              </Link>
            )}
            <TransitionButtons initiative={i} />
            <InitiativeShowcaseAction initiative={i} />
          </Space>
        </Flex>
        {lastReturn && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title={t('initiatives.returnedBecause')}
            description={`${lastReturn.actor.display_name} (${formatDateTimeMinutes(lastReturn.occurred_at)}): ${lastReturn.reason ?? ''}`}
          />
        )}
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'campaign', label: t('initiatives.campaign'), children: <Link to={`/campaigns/${i.campaign.id}`}>{i.campaign.code}</Link> },
            { key: 'unit', label: t('initiatives.unit'), children: i.organization.name },
            { key: 'area', label: t('initiatives.reformArea'), children: lang === 'en' ? i.reform_area.name_en : i.reform_area.name_vi },
            {
              key: 'period',
              label: t('initiatives.period'),
              children: i.starts_on || i.ends_on ? t('initiatives.periodValue', { from: formatDate(i.starts_on), to: formatDate(i.ends_on) }) : t('common.none'),
            },
            { key: 'created_by', label: t('initiatives.createdBy'), children: i.created_by.display_name },
            { key: 'created_at', label: t('initiatives.createdAt'), children: formatDateTimeMinutes(i.created_at) },
          ]}
        />
      </Card>

      <Card title={t('initiatives.content')}>
        <Descriptions
          column={1}
          layout="vertical"
          items={texts.map(([key, label, value]) => ({
            key,
            label,
            children: value ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value}</Typography.Paragraph> : t('common.none'),
          }))}
        />
      </Card>

      <Card title={t('initiatives.authors')}>
        <Authors initiative={i} />
      </Card>

      <RoadmapCard initiative={i} />

      <EvidenceCard
        owner={{ kind: 'initiative', id: i.id }}
        canUpload={i.allowed_actions.includes('update') || i.allowed_actions.includes('report_progress')}
        onUploadRejected={() => void initiative.refetch()}
      />

      <InitiativeReportsCard initiativeId={i.id} />

      <InitiativeEvaluationsCard initiativeId={i.id} />

      <Card
        title={
          <Space>
            <HistoryOutlined aria-hidden />
            {t('initiatives.history')}
          </Space>
        }
      >
        {history.isError ? (
          <QueryError error={history.error} onRetry={() => void history.refetch()} />
        ) : history.isPending ? (
          <PageSpinner />
        ) : (
          <HistoryTimeline items={history.data} />
        )}
      </Card>
    </Flex>
  );
}
