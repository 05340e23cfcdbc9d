import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import { campaignKeys, useUpdateCampaign, type Campaign } from '../api/campaigns';

interface Values {
  code: string;
  title: string;
  year: number;
  theme?: string | null;
  issued_on: Dayjs;
}

export function CampaignEditModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCampaign(campaign);
  const qc = useQueryClient();
  const { showError, showSuccess } = useApiFeedback();

  const onFinish = (v: Values) =>
    update.mutate(
      { code: v.code.trim(), title: v.title.trim(), year: v.year, theme: v.theme?.trim() || null, issued_on: toIsoDate(v.issued_on) ?? undefined },
      {
        onSuccess: () => {
          showSuccess(t('app.saved'));
          onClose();
        },
        onError: (e) =>
          showError(e, {
            form,
            onStale: () => {
              void qc.invalidateQueries({ queryKey: campaignKeys.detail(campaign.id) });
              onClose();
            },
          }),
      },
    );

  return (
    <Modal
      open
      title={t('campaigns.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        name="campaign-edit"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ code: campaign.code, title: campaign.title, year: campaign.year, theme: campaign.theme, issued_on: fromIsoDate(campaign.issued_on) }}
      >
        <Form.Item label={t('campaigns.code')} name="code" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('campaigns.titleField')} name="title" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item label={t('campaigns.year')} name="year" rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('campaigns.issuedOn')} name="issued_on" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label={t('campaigns.theme')} name="theme">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
