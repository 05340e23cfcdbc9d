import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { formatDate } from '@/lib/deadline';
import { DATE_FORMAT, toIsoDate } from '@/lib/dates';
import { useGrantExtension, type Campaign } from '../api/campaigns';

interface Values {
  milestone_id: string;
  organization_id: string;
  due_on: Dayjs;
  reason: string;
}

/** An authority extends one milestone's deadline for one unit, with a recorded reason. */
export function ExtensionModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const grant = useGrantExtension(campaign.id);
  const { showError, showSuccess } = useApiFeedback();
  const milestoneId = Form.useWatch('milestone_id', form);
  const milestone = campaign.milestones.find((m) => m.id === milestoneId);

  const onFinish = (v: Values) =>
    grant.mutate(
      { milestone_id: v.milestone_id, organization_id: v.organization_id, due_on: toIsoDate(v.due_on) ?? '', reason: v.reason.trim() },
      {
        onSuccess: () => {
          showSuccess(t('extensions.granted'));
          onClose();
        },
        onError: (e) => showError(e, { form }),
      },
    );

  return (
    <Modal
      open
      title={t('extensions.grant')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={grant.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} name="extension" layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('extensions.milestone')} name="milestone_id" rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={[...campaign.milestones]
              .sort((a, b) => a.due_on.localeCompare(b.due_on))
              .map((m) => ({ value: m.id, label: `${formatDate(m.due_on)} — ${m.title}` }))}
          />
        </Form.Item>
        <Form.Item label={t('extensions.unit')} name="organization_id" rules={[{ required: true, message: t('common.required') }]}>
          <OrganizationSelect selectable={(n) => n.id !== campaign.organization.id} />
        </Form.Item>
        <Form.Item
          label={t('extensions.newDueOn')}
          name="due_on"
          dependencies={['milestone_id']}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value || !milestone || (toIsoDate(value) ?? '') > milestone.due_on
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('extensions.dueAfterOriginal', { date: formatDate(milestone.due_on) }))),
            },
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('extensions.reason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 1000, message: t('common.tooLong', { max: 1000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
