import { useState } from 'react';
import { Button, Card, Empty, Flex, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { campaignOptionsQuery } from '@/features/initiatives/api/initiatives';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useMe } from '@/lib/auth';
import { formatDateTimeMinutes } from '@/lib/dates';
import { registrationListQuery, useOpenRegistration, type Registration } from '../api/registrations';
import { SubmissionStatusTag } from '@/components/SubmissionStatusTag';

/** For a unit's head or focal officer: pick an open campaign, open the unit's registration. */
export default function RegistrationsHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const orgId = me.data?.organization.id;
  const campaigns = useQuery(campaignOptionsQuery('open'));
  const list = useQuery({ ...registrationListQuery({ organization_id: orgId, per_page: 100 }), enabled: !!orgId });
  const open = useOpenRegistration();
  const { showError } = useApiFeedback();
  const [campaignId, setCampaignId] = useState<string | undefined>();

  const onOpen = () => {
    if (!campaignId) return;
    open.mutate({ campaign_id: campaignId }, { onSuccess: (r) => void navigate(`/registrations/${r.id}`), onError: (e) => showError(e) });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('registrations.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t('registrations.intro')}</Typography.Paragraph>
        {campaigns.isError ? (
          <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : campaigns.data && campaigns.data.items.length === 0 ? (
          <Empty description={t('registrations.noOpenCampaigns')} />
        ) : (
          <Space wrap>
            <Select
              style={{ minWidth: 360 }}
              loading={campaigns.isPending || !orgId}
              aria-label={t('registrations.campaign')}
              placeholder={t('registrations.selectCampaign')}
              value={campaignId}
              onChange={setCampaignId}
              // A unit registers for the plans of the authorities above it, not its own.
              options={(orgId ? (campaigns.data?.items ?? []) : [])
                .filter((c) => c.organization.id !== orgId)
                .map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))}
            />
            <Button type="primary" disabled={!campaignId} loading={open.isPending} onClick={onOpen}>
              {t('registrations.open')}
            </Button>
          </Space>
        )}
      </Card>
      <Card title={t('registrations.unitRegistrations')}>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Registration>
            rowKey="id"
            size="small"
            loading={list.isPending}
            pagination={false}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('registrations.inboxEmpty') }}
            columns={[
              { title: t('registrations.campaign'), key: 'campaign', render: (_, r) => <Link to={`/registrations/${r.id}`}>{`${r.campaign.code} — ${r.campaign.title}`}</Link> },
              { title: t('registrations.status'), key: 'status', render: (_, r) => <SubmissionStatusTag status={r.status} /> },
              { title: t('registrations.latestVersion'), key: 'latest', render: (_, r) => formatDateTimeMinutes(r.versions.at(-1)?.submitted_at) },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
