import { Form, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { campaignKeys, useAddMilestone, useUpdateMilestone, type Milestone } from '../api/campaigns';
import { MilestoneFields } from './MilestoneFields';
import { EMPTY_MILESTONE, milestoneFromForm, milestoneToForm, type MilestoneFormValues } from './milestone-form';

/** Adds a milestone, or edits `milestone` (PATCH with its etag). */
export function MilestoneModal({ campaignId, milestone, onClose }: { campaignId: string; milestone?: Milestone; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MilestoneFormValues>();
  const add = useAddMilestone(campaignId);
  const edit = useUpdateMilestone(campaignId);
  const qc = useQueryClient();
  const { showError, showSuccess } = useApiFeedback();

  const onError = (e: unknown) =>
    showError(e, {
      form,
      onStale: () => {
        void qc.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
        onClose();
      },
    });
  const onSuccess = () => {
    showSuccess(t('app.saved'));
    onClose();
  };

  const onFinish = (v: MilestoneFormValues) => {
    const body = milestoneFromForm(v);
    if (milestone) edit.mutate({ milestone, body }, { onSuccess, onError });
    else add.mutate(body, { onSuccess, onError });
  };

  return (
    <Modal
      open
      title={milestone ? t('milestones.editTitle') : t('milestones.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || edit.isPending}
      destroyOnHidden
    >
      <Form<MilestoneFormValues>
        form={form}
        name="milestone"
        layout="vertical"
        onFinish={onFinish}
        initialValues={milestone ? milestoneToForm(milestone) : EMPTY_MILESTONE}
      >
        <MilestoneFields />
      </Form>
    </Modal>
  );
}
