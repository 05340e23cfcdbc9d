import { useState } from 'react';
import { Alert, Breadcrumb, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { SubmissionStatusTag } from '@/components/SubmissionStatusTag';
import { DeadlineTag } from '@/features/campaigns/components/DeadlineTag';
import { EvidenceCard } from '@/features/files/components/EvidenceCard';
import { formatDate } from '@/lib/deadline';
import { reportQuery, useReportRefresh } from '../api/reports';
import { EvidenceChecklist } from './EvidenceChecklist';
import { ReportActions } from './ReportActions';
import { ReportContent } from './ReportContent';
import { ReportEditor } from './ReportEditor';
import { ReportExportButtons } from './ReportExportButtons';
import { ReportVersionHistory } from './ReportVersionHistory';
import { useAttachmentLabel } from './useAttachmentLabel';

export default function ReportPage() {
  const { reportId = '' } = useParams();
  const { t } = useTranslation();
  const report = useQuery(reportQuery(reportId));
  const refresh = useReportRefresh();
  // The etag the editor's unsaved changes started from: a new etag (saved, reloaded) means none.
  const [dirtyAt, setDirtyAt] = useState<string | null>(null);
  const attachedTo = useAttachmentLabel(report.data?.rows ?? []);

  if (report.isPending) return <PageSpinner />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const d = r.deadline;
  const editable = r.allowed_actions.includes('update');
  const unsaved = editable && dirtyAt === r.etag;
  const pending = r.status === 'draft' || r.status === 'returned';
  const lastReturn = r.status === 'returned' ? [...r.versions].reverse().find((v) => v.decision === 'returned') : undefined;
  const canSend = r.allowed_actions.includes('submit') || editable;
  const reload = () => refresh.reload(r.id);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/reports">{t('reports.back')}</Link> }, { title: r.title }]} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {r.title}
            </Typography.Title>
            <Space wrap>
              <SubmissionStatusTag status={r.status} />
              <Tag>{t(`reports.kinds.${r.kind}`, { defaultValue: r.kind })}</Tag>
              <ReportExportButtons reportId={r.id} />
            </Space>
          </div>
          <ReportActions report={r} unsaved={unsaved} />
        </Flex>
        {lastReturn && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title={t('reports.returnedBecause')}
            description={`${lastReturn.decided_by?.display_name ?? ''}: ${lastReturn.reason ?? ''}`}
          />
        )}
        {d.late_now && canSend && pending && (
          <Alert
            style={{ marginTop: 16 }}
            type={d.late_policy === 'refuse' ? 'error' : 'warning'}
            showIcon
            title={d.late_policy === 'refuse' ? t('reports.lateRefused') : t('reports.lateWarning')}
          />
        )}
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'campaign', label: t('reports.campaign'), children: <Link to={`/campaigns/${r.campaign.id}`}>{r.campaign.code}</Link> },
            { key: 'unit', label: t('reports.unit'), children: r.organization.name },
            ...(r.initiative
              ? [{ key: 'initiative', label: t('reports.initiative'), children: <Link to={`/initiatives/${r.initiative.id}`}>{r.initiative.title}</Link> }]
              : []),
            { key: 'milestone', label: t('reports.milestone'), children: r.milestone.title },
            {
              key: 'deadline',
              label: t('reports.deadline'),
              children: (
                <Space wrap>
                  {formatDate(d.due_on)}
                  {d.effective_due_on !== d.due_on && <span>({t('reports.deadlineExtended', { date: formatDate(d.effective_due_on) })})</span>}
                  {pending && <DeadlineTag dueOn={d.effective_due_on} />}
                </Space>
              ),
            },
            { key: 'policy', label: t('reports.latePolicy'), children: t(`milestones.policies.${d.late_policy}`) },
            { key: 'created_by', label: t('reports.createdBy'), children: r.created_by.display_name },
          ]}
        />
      </Card>

      {editable ? (
        <ReportEditor key={r.etag} report={r} onDirty={() => setDirtyAt(r.etag)} />
      ) : (
        <Card title={t('reports.content')}>
          <ReportContent sections={r.sections} rows={r.rows} />
        </Card>
      )}

      <EvidenceCard
        owner={{ kind: 'report', id: r.id }}
        files={r.files}
        canUpload={editable}
        onChanged={reload}
        onUploadRejected={reload}
        rows={r.rows.map((row, i) => ({ id: row.id, label: t('reports.rowLabel', { row: String(i + 1), indicator: row.indicator }) }))}
        attachedTo={attachedTo}
      >
        {r.kind === 'acceptance' && <EvidenceChecklist requirements={r.evidence_requirements} />}
      </EvidenceCard>

      <Card
        title={
          <Space>
            <HistoryOutlined aria-hidden />
            {t('reports.versions')}
          </Space>
        }
      >
        <ReportVersionHistory reportId={r.id} versions={r.versions} />
      </Card>
    </Flex>
  );
}
