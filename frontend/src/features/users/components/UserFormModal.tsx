import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useMe } from '@/lib/auth';
import { ROLES, useCreateUser, useUpdateUser, type Role, type User } from '../api/users';
import { emailRules, passwordRules, usernameRules } from './validation';

interface Values {
  username: string;
  display_name: string;
  position?: string;
  email?: string;
  organization_id: string;
  password: string;
  /** Named like the API's field so its errors land here: `roles[0].role`. */
  roles: [{ role: Role }];
}

/** Creates a user (with an initial password and a first role), or edits `user`'s profile. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const { showError, showSuccess } = useApiFeedback();
  // The API refuses grants outside the caller's subtree; offer the caller's own unit first.
  const defaultOrg = me.data?.organization.id;

  const onFinish = (v: Values) => {
    const profile = { display_name: v.display_name.trim(), position: v.position?.trim() || null, email: v.email?.trim() || null };
    if (user) {
      update.mutate(
        { user, body: profile },
        {
          onSuccess: () => {
            showSuccess(t('app.saved'));
            onClose();
          },
          onError: (e) => showError(e, { form, onStale: onClose }),
        },
      );
    } else {
      create.mutate(
        {
          ...profile,
          username: v.username.trim().toLowerCase(),
          organization_id: v.organization_id,
          password: v.password,
          // The first role applies to the user's own organisation (the API's default).
          roles: [{ role: v.roles[0].role }],
        },
        {
          onSuccess: (u) => {
            showSuccess(t('users.created', { username: u.username }));
            onClose();
          },
          onError: (e) => showError(e, { form }),
        },
      );
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle') : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          user
            ? { display_name: user.display_name, position: user.position ?? undefined, email: user.email ?? undefined }
            : { organization_id: defaultOrg, roles: [{ role: 'staff' }] }
        }
      >
        {!user && (
          <Form.Item label={t('users.username')} name="username" rules={usernameRules(t)}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label={t('users.displayName')} name="display_name" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200, message: t('common.tooLong', { max: 200 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('users.position')} name="position" rules={[{ max: 200, message: t('common.tooLong', { max: 200 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('users.email')} name="email" rules={emailRules(t)}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        {!user && (
          <>
            <Form.Item label={t('users.organization')} name="organization_id" rules={[{ required: true, message: t('common.required') }]}>
              <OrganizationSelect />
            </Form.Item>
            <Form.Item label={t('users.role')} name={['roles', 0, 'role']} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
            <Form.Item label={t('users.initialPassword')} name="password" rules={passwordRules(t)} extra={t('users.passwordHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
