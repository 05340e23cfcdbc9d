import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, FieldTimeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useMe } from '@/lib/auth';
import { formatDate } from '@/lib/deadline';
import {
  CAMPAIGN_TRANSITIONS,
  campaignQuery,
  useCampaignTransition,
  useDeleteMilestone,
  type Campaign,
  type CampaignTransition,
  type Extension,
  type Milestone,
} from '../api/campaigns';
import { CampaignEditModal } from './CampaignEditModal';
import { CampaignStatusTag } from './CampaignStatusTag';
import { ExtensionModal } from './ExtensionModal';
import { MilestoneModal } from './MilestoneModal';
import { MilestoneTimeline } from './MilestoneTimeline';

function TransitionButtons({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const transition = useCampaignTransition(campaign.id);
  const { showError, showSuccess } = useApiFeedback();
  const allowed = CAMPAIGN_TRANSITIONS.filter((a) => campaign.allowed_actions.includes(a));
  const run = (action: CampaignTransition) =>
    transition.mutate(action, {
      onSuccess: () => showSuccess(t('campaigns.actionDone', { action: t(`campaigns.actions.${action}`) })),
      onError: (e) => showError(e),
    });
  return (
    <>
      {allowed.map((action) => (
        <Popconfirm
          key={action}
          title={t('campaigns.confirmAction', { action: t(`campaigns.actions.${action}`), code: campaign.code })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => run(action)}
        >
          <Button type={action === 'open' ? 'primary' : 'default'} danger={action === 'archive'} loading={transition.isPending && transition.variables === action}>
            {t(`campaigns.actions.${action}`)}
          </Button>
        </Popconfirm>
      ))}
    </>
  );
}

function ExtensionsTable({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const byId = new Map(campaign.milestones.map((m) => [m.id, m]));
  return (
    <Table<Extension>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={campaign.extensions}
      locale={{ emptyText: t('campaigns.noExtensions') }}
      scroll={{ x: 700 }}
      columns={[
        { title: t('extensions.milestone'), key: 'milestone', render: (_, e) => byId.get(e.milestone_id)?.title ?? '' },
        { title: t('extensions.unit'), key: 'unit', render: (_, e) => e.organization.name },
        {
          title: t('milestones.dueOn'),
          key: 'original',
          render: (_, e) => formatDate(byId.get(e.milestone_id)?.due_on),
          width: 120,
        },
        { title: t('extensions.newDueOn'), dataIndex: 'due_on', key: 'due_on', render: (d: string) => <strong>{formatDate(d)}</strong>, width: 120 },
        { title: t('extensions.reason'), dataIndex: 'reason', key: 'reason' },
      ]}
    />
  );
}

export default function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const campaign = useQuery(campaignQuery(campaignId));
  const deleteMilestone = useDeleteMilestone(campaignId);
  const { showError, showSuccess } = useApiFeedback();
  const [editing, setEditing] = useState(false);
  const [milestoneModal, setMilestoneModal] = useState<{ open: boolean; milestone?: Milestone }>({ open: false });
  const [extending, setExtending] = useState(false);

  if (campaign.isPending) return <PageSpinner />;
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const can = (a: string) => c.allowed_actions.includes(a);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/campaigns">{t('campaigns.backToList')}</Link> }, { title: c.code }]} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Space align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {c.code}
              </Typography.Title>
              <CampaignStatusTag status={c.status} />
            </Space>
            <Typography.Paragraph style={{ fontSize: 16, marginTop: 8, marginBottom: 0 }}>{c.title}</Typography.Paragraph>
          </div>
          <Space wrap>
            <TransitionButtons campaign={c} />
            {can('update') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('campaigns.actions.update')}
              </Button>
            )}
          </Space>
        </Flex>
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: t('campaigns.code'), children: c.code },
            { key: 'year', label: t('campaigns.year'), children: c.year },
            { key: 'issued_on', label: t('campaigns.issuedOn'), children: formatDate(c.issued_on) },
            { key: 'org', label: t('campaigns.organization'), children: c.organization.name },
            { key: 'theme', label: t('campaigns.theme'), children: c.theme || t('common.none'), span: 2 },
            {
              key: 'acceptance_evidence',
              label: t('campaigns.acceptanceEvidence'),
              span: 3,
              children: c.acceptance_evidence.length
                ? c.acceptance_evidence
                    .map((anyOf) => anyOf.map((x) => t(`files.categories.${x}`)).join(` ${t('campaigns.or')} `))
                    .join('; ')
                : t('common.none'),
            },
          ]}
        />
      </Card>

      <Card
        title={
          <Space>
            <CalendarOutlined />
            {t('campaigns.milestones')}
          </Space>
        }
        extra={
          <Space wrap>
            {can('manage_milestones') && (
              <Button icon={<PlusOutlined />} onClick={() => setMilestoneModal({ open: true })}>
                {t('milestones.addTitle')}
              </Button>
            )}
            {can('grant_extension') && c.milestones.length > 0 && (
              <Button icon={<FieldTimeOutlined />} onClick={() => setExtending(true)}>
                {t('campaigns.actions.grant_extension')}
              </Button>
            )}
          </Space>
        }
      >
        <MilestoneTimeline
          milestones={c.milestones}
          extensions={c.extensions}
          unitId={me.data?.organization.id}
          onEdit={can('manage_milestones') ? (m) => setMilestoneModal({ open: true, milestone: m }) : undefined}
          onDelete={can('delete_milestone') ? (m) =>
            deleteMilestone.mutate(m.id, {
              onSuccess: () => showSuccess(t('milestones.deleted')),
              onError: (e) => showError(e),
            }) : undefined
          }
        />
      </Card>

      <Card title={t('campaigns.extensions')}>
        <ExtensionsTable campaign={c} />
      </Card>

      {editing && <CampaignEditModal campaign={c} onClose={() => setEditing(false)} />}
      {milestoneModal.open && (
        <MilestoneModal campaignId={c.id} milestone={milestoneModal.milestone} onClose={() => setMilestoneModal({ open: false })} />
      )}
      {extending && <ExtensionModal campaign={c} onClose={() => setExtending(false)} />}
    </Flex>
  );
}
