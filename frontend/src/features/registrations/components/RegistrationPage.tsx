import { Alert, Breadcrumb, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { DeadlineTag } from '@/features/campaigns/components/DeadlineTag';
import { hasCapability, useMe } from '@/lib/auth';
import { formatDate } from '@/lib/deadline';
import { registrationQuery } from '../api/registrations';
import { CommitmentsTable } from './CommitmentsTable';
import { RegisteredInitiativesTable } from './RegisteredInitiativesTable';
import { RegistrationActions } from './RegistrationActions';
import { SubmissionStatusTag } from '@/components/SubmissionStatusTag';
import { VersionHistory } from './VersionHistory';
import { ExportButtons } from './ExportButtons';

export default function RegistrationPage() {
  const { registrationId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const registration = useQuery(registrationQuery(registrationId));

  if (registration.isPending) return <PageSpinner />;
  if (registration.isError) return <QueryError error={registration.error} onRetry={() => void registration.refetch()} />;
  const r = registration.data;
  const d = r.deadline;
  const fromInbox = hasCapability(me.data, 'campaigns.extend_deadlines') && r.organization.id !== me.data?.organization.id;
  const lastReturn = r.status === 'returned' ? [...r.versions].reverse().find((v) => v.decision === 'returned') : undefined;
  const canSubmitLate = r.allowed_actions.includes('submit') || r.allowed_actions.includes('update');

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: fromInbox ? <Link to="/registrations/inbox">{t('registrations.backToInbox')}</Link> : <Link to="/registrations">{t('registrations.back')}</Link> },
          { title: `${r.campaign.code} — ${r.organization.name}` },
        ]}
      />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {t('registrations.title')} — {r.organization.name}
            </Typography.Title>
            <Space wrap>
              <SubmissionStatusTag status={r.status} />
              <ExportButtons registrationId={r.id} />
            </Space>
          </div>
          <RegistrationActions registration={r} />
        </Flex>
        {lastReturn && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title={t('registrations.statuses.returned')}
            description={`${lastReturn.decided_by?.display_name ?? ''}: ${lastReturn.reason ?? ''}`}
          />
        )}
        {d?.late_now && canSubmitLate && r.status !== 'submitted' && r.status !== 'received' && (
          <Alert
            style={{ marginTop: 16 }}
            type={d.late_policy === 'refuse' ? 'error' : 'warning'}
            showIcon
            title={d.late_policy === 'refuse' ? t('registrations.lateRefused') : t('registrations.lateWarning')}
          />
        )}
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'campaign', label: t('registrations.campaign'), children: <Link to={`/campaigns/${r.campaign.id}`}>{r.campaign.code}</Link> },
            { key: 'unit', label: t('registrations.unit'), children: r.organization.name },
            {
              key: 'deadline',
              label: t('registrations.deadline'),
              children: d ? (
                <Space wrap>
                  {formatDate(d.due_on)}
                  {d.effective_due_on !== d.due_on && <span>({t('registrations.deadlineExtended', { date: formatDate(d.effective_due_on) })})</span>}
                  <DeadlineTag dueOn={d.effective_due_on} />
                </Space>
              ) : (
                t('registrations.noDeadline')
              ),
            },
            ...(d ? [{ key: 'policy', label: t('registrations.latePolicy'), children: t(`registrations.latePolicies.${d.late_policy}`) }] : []),
          ]}
        />
      </Card>

      <Card title={t('registrations.initiatives')}>
        <RegisteredInitiativesTable initiatives={r.initiatives} />
      </Card>

      <Card title={t('registrations.commitments')}>
        <CommitmentsTable registration={r} commitments={r.commitments} editable={r.allowed_actions.includes('update')} />
      </Card>

      <Card title={t('registrations.versions')}>
        <VersionHistory registrationId={r.id} versions={r.versions} />
      </Card>
    </Flex>
  );
}
