import { useState, type ReactNode } from 'react';
import { Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { SubmissionStatusTag } from '@/components/SubmissionStatusTag';
import { LateTag } from '@/components/VersionHistory';
import { campaignOptionsQuery } from '@/features/initiatives/api/initiatives';
import { hasCapability, hasRole, useMe } from '@/lib/auth';
import { formatDateTimeMinutes } from '@/lib/dates';
import { isReportKind, isReportStatus, REPORT_KINDS, REPORT_STATUSES, reportListQuery, type Report, type ReportKind, type ReportStatus } from '../api/reports';
import { OpenReportModal } from './OpenReportModal';
import { ReportActions } from './ReportActions';
import { ReportDeadline } from './ReportDeadline';

const PER_PAGE = 20;

/** A cell's text wrapped at `width` (the table scrolls sideways rather than squeezing the other columns). */
function Wrap({ width, children }: { width: number; children: ReactNode }) {
  return <span style={{ display: 'inline-block', maxWidth: width, whiteSpace: 'normal' }}>{children}</span>;
}
const ALL = 'all';

/**
 * Reports in the caller's reach: the unit's own for its people, and for an authority officer
 * the inbox of reports sent to it (status "Đã gửi" by default). Filters live in the URL.
 */
export default function ReportListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [opening, setOpening] = useState(false);
  const authority = hasCapability(me.data, 'campaigns.extend_deadlines');
  const writer = hasRole(me.data, 'staff', 'unit_focal', 'unit_head');

  const rawStatus = params.get('status');
  const status: ReportStatus | undefined = isReportStatus(rawStatus) ? rawStatus : rawStatus === ALL || !authority ? undefined : 'submitted';
  const rawKind = params.get('kind');
  const kind: ReportKind | undefined = isReportKind(rawKind) ? rawKind : undefined;
  const campaignId = params.get('campaign') ?? undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const campaigns = useQuery(campaignOptionsQuery());
  const list = useQuery({
    ...reportListQuery({ status, kind, campaign_id: campaignId, page, per_page: PER_PAGE }),
    // The default filter depends on who is asking.
    enabled: me.isSuccess,
  });

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
          {t('reports.title')}
        </Typography.Title>
        {writer && me.data && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>
            {t('reports.open')}
          </Button>
        )}
      </Flex>
      <Card>
        {authority && status === 'submitted' && <Typography.Paragraph type="secondary">{t('reports.inboxHint')}</Typography.Paragraph>}
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            style={{ minWidth: 260 }}
            aria-label={t('reports.filterCampaign')}
            loading={campaigns.isPending}
            value={campaignId ?? ALL}
            onChange={(v) => update({ campaign: v === ALL ? null : v, page: null })}
            options={[{ value: ALL, label: t('reports.allCampaigns') }, ...(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.code }))]}
          />
          <Select<string>
            style={{ minWidth: 260 }}
            aria-label={t('reports.filterKind')}
            value={kind ?? ALL}
            onChange={(v) => update({ kind: v === ALL ? null : v, page: null })}
            options={[{ value: ALL, label: t('reports.allKinds') }, ...REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))]}
          />
          <Select<string>
            style={{ minWidth: 200 }}
            aria-label={t('reports.filterStatus')}
            value={status ?? ALL}
            // For an authority "all" must be said in the URL (its default is the inbox).
            onChange={(v) => update({ status: v === ALL ? (authority ? ALL : null) : !authority || v !== 'submitted' ? v : null, page: null })}
            options={[{ value: ALL, label: t('reports.allStatuses') }, ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`submissions.statuses.${s}`) }))]}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Report>
            rowKey="id"
            loading={list.isPending}
            scroll={{ x: 'max-content' }}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('reports.empty') }}
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
                title: t('reports.reportTitle'),
                key: 'title',
                render: (_, r) => (
                  <Link to={`/reports/${r.id}`} style={{ display: 'inline-block', minWidth: 200, maxWidth: 320, whiteSpace: 'normal' }}>
                    {r.title}
                  </Link>
                ),
              },
              { title: t('reports.unit'), key: 'unit', render: (_, r) => <Wrap width={200}>{r.organization.name}</Wrap> },
              { title: t('reports.kind'), key: 'kind', render: (_, r) => <Wrap width={170}>{t(`reports.kinds.${r.kind}`, { defaultValue: r.kind })}</Wrap> },
              { title: t('reports.campaign'), key: 'campaign', render: (_, r) => r.campaign.code },
              { title: t('reports.deadline'), key: 'deadline', render: (_, r) => <ReportDeadline report={r} /> },
              { title: t('reports.status'), key: 'status', render: (_, r) => <SubmissionStatusTag status={r.status} /> },
              {
                title: t('reports.latestVersion'),
                key: 'latest',
                render: (_, r) => {
                  const v = r.versions.at(-1);
                  return v ? (
                    <Space>
                      {formatDateTimeMinutes(v.submitted_at)}
                      <LateTag late={v.late} />
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t('reports.notSent')}</Typography.Text>
                  );
                },
              },
              { title: t('common.actions'), key: 'actions', render: (_, r) => <ReportActions report={r} size="small" /> },
            ]}
          />
        )}
      </Card>
      {opening && me.data && <OpenReportModal organizationId={me.data.organization.id} onClose={() => setOpening(false)} />}
    </Flex>
  );
}
