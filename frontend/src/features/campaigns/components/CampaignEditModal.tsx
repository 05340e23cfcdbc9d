import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import { FILE_CATEGORIES, type FileCategory } from '@/features/files/api/files';
import { campaignKeys, useUpdateCampaign, type Campaign } from '../api/campaigns';

interface Values {
  code: string;
  title: string;
  year: number;
  theme?: string | null;
  issued_on: Dayjs;
  /** Each requirement: any one of its categories. */
  acceptance_evidence: { any_of: FileCategory[] }[];
}

export function CampaignEditModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCampaign(campaign);
  const qc = useQueryClient();
  const { showError, showSuccess } = useApiFeedback();

  const onFinish = (v: Values) =>
    update.mutate(
      {
        code: v.code.trim(),
        title: v.title.trim(),
        year: v.year,
        theme: v.theme?.trim() || null,
        issued_on: toIsoDate(v.issued_on) ?? undefined,
        acceptance_evidence: (v.acceptance_evidence ?? []).map((r) => r.any_of ?? []),
      },
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
        initialValues={{
          code: campaign.code,
          title: campaign.title,
          year: campaign.year,
          theme: campaign.theme,
          issued_on: fromIsoDate(campaign.issued_on),
          acceptance_evidence: campaign.acceptance_evidence.map((any_of) => ({ any_of })),
        }}
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
        <Form.Item label={t('campaigns.acceptanceEvidence')} extra={t('campaigns.acceptanceEvidenceHelp')}>
          <Form.List name="acceptance_evidence">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" style={{ width: '100%' }}>
                    <Form.Item
                      name={[field.name, 'any_of']}
                      noStyle
                      rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
                    >
                      <Select<FileCategory[]>
                        mode="multiple"
                        style={{ minWidth: 420 }}
                        aria-label={t('campaigns.acceptanceRequirement', { n: String(i + 1) })}
                        placeholder={t('campaigns.acceptanceAnyOf')}
                        options={FILE_CATEGORIES.map((c) => ({ value: c, label: t(`files.categories.${c}`) }))}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                {fields.length < 6 && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ any_of: [] })}>
                    {t('campaigns.addAcceptanceRequirement')}
                  </Button>
                )}
              </Space>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
