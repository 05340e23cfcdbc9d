import { useState } from 'react';
import { Alert, Checkbox, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useRoundTransition, type Round } from '../api/evaluation';

/** Closes the round after the meeting, with the members present (all ticked to start with). */
export function CloseRoundModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ present: string[] }>();
  const transition = useRoundTransition(round.id);
  const { showSuccess, toText } = useApiFeedback();
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = ({ present }: { present: string[] }) => {
    setProblem(null);
    transition.mutate(
      { action: 'close', presentMemberIds: present ?? [] },
      {
        onSuccess: () => {
          showSuccess(t('evaluation.actions.closed'));
          onClose();
        },
        // `undecided_entries`, `no_model_selected`: the sentence stays in the dialog.
        onError: (e) => setProblem(toText(e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('evaluation.actions.closeTitle')}
      okText={t('evaluation.actions.close')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transition.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('evaluation.actions.closeHint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} name="round-close" layout="vertical" onFinish={onFinish} initialValues={{ present: round.members.map((m) => m.user.id) }}>
        <Form.Item label={t('evaluation.actions.attendance')} name="present">
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={round.members.map((m) => ({ value: m.user.id, label: `${m.user.display_name} — ${t(`evaluation.roles.${m.role}`)}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
