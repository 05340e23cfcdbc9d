import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { registrationConflictState, type Registration } from '../api/registrations';
import { useRunRegistrationTransition } from './useRegistrationActions';

/** Returns a sent registration to its unit; the reason is required. */
export function ReturnRegistrationModal({ registration, onClose }: { registration: Registration; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { run, pending } = useRunRegistrationTransition();
  const { showError } = useApiFeedback();

  const onFinish = ({ reason }: { reason: string }) =>
    run(
      registration,
      { action: 'return', reason: reason.trim() },
      {
        onSuccess: onClose,
        onError: (e) => {
          if (registrationConflictState(e)) {
            onClose();
            return false;
          }
          showError(e, { form });
          return true;
        },
      },
    );

  return (
    <Modal
      open
      title={t('registrations.returnTitle', { unit: registration.organization.name })}
      okText={t('registrations.actions.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} name="registration-return" layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('registrations.returnReason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('registrations.returnReasonRequired') },
            { max: 2000, message: t('common.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
