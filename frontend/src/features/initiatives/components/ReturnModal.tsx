import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { conflictState, type Initiative } from '../api/initiatives';
import { useRunTransition } from './useTransition';

/** Returns a submitted initiative to its authors; the reason is required. */
export function ReturnModal({ initiative, onClose }: { initiative: Initiative; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { run, pending } = useRunTransition();
  const { showError } = useApiFeedback();

  const onFinish = ({ reason }: { reason: string }) =>
    run(
      initiative,
      { action: 'return', reason: reason.trim() },
      {
        onSuccess: onClose,
        onError: (e) => {
          // Someone acted first: the shared handler says in which state it is now.
          if (conflictState(e)) {
            onClose();
            return false;
          }
          // Anything else (a missing reason…) goes onto the field, with the toast.
          showError(e, { form });
          return true;
        },
      },
    );

  return (
    <Modal
      open
      title={t('initiatives.returnTitle', { title: initiative.title })}
      okText={t('initiatives.actions.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} name="initiative-return" layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('initiatives.returnReason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('initiatives.returnReasonRequired') },
            { max: 2000, message: t('common.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
