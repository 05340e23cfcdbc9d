import { Collapse, Descriptions, Empty, Flex, Space, Table, Tabs, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SubmissionStatusTag } from '@/components/SubmissionStatusTag';
import { EvidenceFiles } from '@/features/files/components/EvidenceCard';
import { ReportContent } from '@/features/reports/components/ReportContent';
import { currentLanguage } from '@/i18n';
import { formatDate } from '@/lib/deadline';
import type { Dossier } from '../api/evaluation';

type Author = Dossier['initiative']['authors'][number];

/** What the evaluator reads beside the sheet: the initiative, the unit's reports about it, its evidence. */
export function DossierPanel({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const i = dossier.initiative;
  const texts = [
    ['summary', t('initiatives.summary'), i.summary],
    ['problem', t('initiatives.problem'), i.problem],
    ['objectives', t('initiatives.objectives'), i.objectives],
    ['approach', t('initiatives.approach'), i.approach],
    ['expected_results', t('initiatives.expectedResults'), i.expected_results],
  ] as const;

  const content = (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'unit', label: t('initiatives.unit'), children: i.organization.name },
          { key: 'kind', label: t('initiatives.kind'), children: t(`initiatives.kinds.${i.kind}`, { defaultValue: i.kind }) },
          { key: 'area', label: t('initiatives.reformArea'), children: lang === 'en' ? i.reform_area.name_en : i.reform_area.name_vi },
          {
            key: 'period',
            label: t('evaluation.scoring.period'),
            children: i.starts_on || i.ends_on ? t('initiatives.periodValue', { from: formatDate(i.starts_on), to: formatDate(i.ends_on) }) : t('common.none'),
          },
          {
            key: 'authors',
            label: t('evaluation.scoring.authors'),
            children: i.collective ? (
              <Space>
                <TeamOutlined aria-hidden />
                {t('evaluation.scoring.collective', { unit: i.organization.name })}
              </Space>
            ) : (
              i.authors.map((a: Author) => `${a.user.display_name} (${a.contribution_pct}%)`).join(', ')
            ),
          },
        ]}
      />
      <Descriptions
        column={1}
        layout="vertical"
        size="small"
        items={texts.map(([key, label, value]) => ({
          key,
          label,
          children: value ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value}</Typography.Paragraph> : t('common.none'),
        }))}
      />
      {i.roadmap.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={i.roadmap}
          columns={[
            { title: t('initiatives.roadmap'), key: 'title', render: (_, s) => s.title },
            { title: t('milestones.dueOn'), key: 'due', render: (_, s) => formatDate(s.due_on) },
            { title: '%', key: 'progress', width: 70, render: (_, s) => `${s.progress}%` },
          ]}
        />
      )}
    </Flex>
  );

  const reports =
    dossier.reports.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.scoring.noReports')} />
    ) : (
      <Collapse
        items={dossier.reports.map((r) => ({
          key: r.id,
          label: (
            <Space wrap>
              <span>{r.title}</span>
              <Tag>{t(`reports.kinds.${r.kind}`, { defaultValue: r.kind })}</Tag>
              <SubmissionStatusTag status={r.status} />
            </Space>
          ),
          children: (
            <Flex vertical gap={12}>
              <ReportContent sections={r.sections} rows={r.rows} />
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('files.title')}
              </Typography.Title>
              <EvidenceFiles files={r.files} />
            </Flex>
          ),
        }))}
      />
    );

  return (
    <Tabs
      items={[
        { key: 'content', label: t('evaluation.scoring.content'), children: content },
        { key: 'reports', label: `${t('evaluation.scoring.reports')} (${dossier.reports.length})`, children: reports },
        { key: 'evidence', label: `${t('evaluation.scoring.evidence')} (${dossier.files.length})`, children: <EvidenceFiles files={dossier.files} /> },
      ]}
    />
  );
}
