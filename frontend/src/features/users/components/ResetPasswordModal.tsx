import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useResetPassword, type User } from '../api/users';
import { passwordRules } from './validation';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ new_password: string }>();
  const reset = useResetPassword();
  const { showError, showSuccess } = useApiFeedback();
  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.display_name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="reset-password"
        layout="vertical"
        onFinish={({ new_password }) =>
          reset.mutate(
            { id: user.id, newPassword: new_password },
            {
              onSuccess: () => {
                showSuccess(t('users.passwordReset'));
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item label={t('users.newPassword')} name="new_password" rules={passwordRules(t)} extra={t('users.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
