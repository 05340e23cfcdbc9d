import { Form, Input, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

export type ReasonForm = FormInstance<{ reason: string }>;

interface ReasonModalProps {
  /** The form's name (its fields' ids). */
  name: string;
  title: string;
  okText: string;
  label: string;
  requiredMessage: string;
  pending: boolean;
  /** The trimmed reason, and the form to put a server's field errors on. */
  onSubmit: (reason: string, form: ReasonForm) => void;
  onClose: () => void;
}

/** A confirmation that needs a written reason (returning an initiative, a registration…). */
export function ReasonModal({ name, title, okText, label, requiredMessage, pending, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} name={name} layout="vertical" onFinish={({ reason }) => onSubmit(reason.trim(), form)}>
        <Form.Item
          label={label}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: requiredMessage },
            { max: 2000, message: t('common.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
