import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { campaignOptionsQuery, initiativeListQuery } from '@/features/initiatives/api/initiatives';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { formatDate } from '@/lib/deadline';
import { REPORT_KINDS, useOpenReport, type ReportKind } from '../api/reports';

interface FormValues {
  campaign_id?: string;
  kind?: ReportKind;
  initiative_id?: string;
  milestone_id?: string;
}

/** Only these initiatives have an acceptance report (the API refuses the others). */
const UNDER_WAY = new Set(['registered', 'in_progress', 'completed']);

/**
 * "Lập báo cáo": a campaign the unit takes part in, the kind of report and, for an acceptance
 * report, the initiative. The API opens the report, or hands back the one already open.
 */
export function OpenReportModal({ organizationId, onClose }: { organizationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const campaignId = Form.useWatch('campaign_id', form);
  const kind = Form.useWatch('kind', form);
  const campaigns = useQuery(campaignOptionsQuery('open'));
  const initiatives = useQuery({
    ...initiativeListQuery({ campaign_id: campaignId, organization_id: organizationId, per_page: 100 }),
    enabled: kind === 'acceptance' && !!campaignId,
  });
  const open = useOpenReport();
  const { showError } = useApiFeedback();

  // A unit reports on the plans of the authorities above it, not on its own.
  const campaignOptions = (campaigns.data?.items ?? []).filter((c) => c.organization.id !== organizationId);
  const milestones = campaignOptions.find((c) => c.id === campaignId)?.milestones ?? [];
  const underWay = (initiatives.data?.items ?? []).filter((i) => UNDER_WAY.has(i.status));

  const onFinish = (v: FormValues) => {
    if (!v.campaign_id || !v.kind) return;
    open.mutate(
      {
        campaign_id: v.campaign_id,
        kind: v.kind,
        initiative_id: v.kind === 'acceptance' ? v.initiative_id : undefined,
        milestone_id: v.milestone_id,
      },
      { onSuccess: (r) => void navigate(`/reports/${r.id}`), onError: (e) => showError(e, { form }) },
    );
  };

  return (
    <Modal
      open
      title={t('reports.openTitle')}
      okText={t('reports.open')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={open.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reports.openHint')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        name="report-open"
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<FormValues>) => {
          // Another campaign has other milestones and initiatives.
          if ('campaign_id' in changed) form.setFieldsValue({ milestone_id: undefined, initiative_id: undefined });
        }}
      >
        <Form.Item label={t('reports.campaign')} name="campaign_id" rules={[{ required: true, message: t('reports.campaignRequired') }]}>
          <Select
            loading={campaigns.isPending}
            placeholder={t('reports.selectCampaign')}
            options={campaignOptions.map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))}
            notFoundContent={t('reports.noOpenCampaigns')}
          />
        </Form.Item>
        <Form.Item label={t('reports.kind')} name="kind" rules={[{ required: true, message: t('reports.kindRequired') }]}>
          <Select<ReportKind> placeholder={t('reports.selectKind')} options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'acceptance' && (
          <Form.Item label={t('reports.initiative')} name="initiative_id" rules={[{ required: true, message: t('reports.initiativeRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!campaignId}
              loading={initiatives.isFetching}
              placeholder={t('reports.selectInitiative')}
              notFoundContent={t('reports.noInitiatives')}
              options={underWay.map((i) => ({ value: i.id, label: i.title }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('reports.milestone')}
          name="milestone_id"
          extra={kind === 'year_end_summary' ? t('reports.milestoneYearEnd') : undefined}
          rules={[{ required: kind === 'year_end_summary', message: t('reports.milestoneRequired') }]}
        >
          <Select
            allowClear
            disabled={!campaignId}
            placeholder={t('reports.defaultMilestone')}
            options={milestones.map((m) => ({ value: m.id, label: `${m.title} (${t('reports.dueOn', { date: formatDate(m.effective_due_on) })})` }))}
          />
        </Form.Item>
      </Form>
      {campaigns.isError && <Alert type="error" showIcon title={t('app.genericError')} />}
    </Modal>
  );
}
