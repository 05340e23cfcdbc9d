import { Card, Space, Table, Tag, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { SubmissionStatusTag } from '@/components/SubmissionStatusTag';
import { LateTag } from '@/components/VersionHistory';
import { formatDateTimeMinutes } from '@/lib/dates';
import { reportListQuery, type Report } from '../api/reports';
import { ReportDeadline } from './ReportDeadline';

/** The reports about an initiative (its acceptance report, and those with a line about it). */
export function InitiativeReportsCard({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const list = useQuery(reportListQuery({ initiative_id: initiativeId, per_page: 100 }));
  return (
    <Card
      title={
        <Space>
          <FileTextOutlined aria-hidden />
          {t('reports.aboutInitiative')}
        </Space>
      }
    >
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Report>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('reports.noInitiativeReports') }}
          columns={[
            { title: t('reports.reportTitle'), key: 'title', render: (_, r) => <Link to={`/reports/${r.id}`}>{r.title}</Link> },
            { title: t('reports.kind'), key: 'kind', render: (_, r) => <Tag>{t(`reports.kinds.${r.kind}`, { defaultValue: r.kind })}</Tag> },
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
          ]}
        />
      )}
    </Card>
  );
}
