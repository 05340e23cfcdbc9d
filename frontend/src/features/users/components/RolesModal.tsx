import { Button, Empty, Flex, Form, List, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { ROLES, useGrantRole, useRevokeRole, type Role, type User } from '../api/users';

interface GrantValues {
  role: Role;
  organization_id: string;
}

/** The user's role grants (role × organisation subtree): revoke and grant, as the API allows. */
export function RolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GrantValues>();
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const { showError, showSuccess } = useApiFeedback();
  const canGrant = user.allowed_actions.includes('grant_role');
  const canRevoke = user.allowed_actions.includes('revoke_role');

  return (
    <Modal open title={t('users.manageRolesTitle', { name: user.display_name })} footer={null} onCancel={onClose} destroyOnHidden width={620}>
      {user.roles.length === 0 ? (
        <Empty description={t('users.noRoles')} />
      ) : (
        <List
          dataSource={user.roles}
          renderItem={(g) => (
            <List.Item
              actions={
                canRevoke
                  ? [
                      <Popconfirm
                        key="revoke"
                        title={t('users.revokeConfirm', { role: t(`roles.${g.role}`), org: g.organization_name })}
                        okText={t('users.revokeRole')}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          revoke.mutate(
                            { id: user.id, grantId: g.id },
                            { onSuccess: () => showSuccess(t('users.roleRevoked')), onError: (e) => showError(e) },
                          )
                        }
                      >
                        <Button size="small" danger icon={<DeleteOutlined />}>
                          {t('users.revokeRole')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Flex gap={8} wrap align="center">
                <Tag color="geekblue">{t(`roles.${g.role}`)}</Tag>
                <Typography.Text>{g.organization_name}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {canGrant && (
        <Form<GrantValues>
          form={form}
          name="grant-role"
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ role: 'staff', organization_id: user.organization.id }}
          onFinish={(body) =>
            grant.mutate(
              { id: user.id, body },
              { onSuccess: () => showSuccess(t('users.roleGranted')), onError: (e) => showError(e, { form }) },
            )
          }
        >
          <Typography.Title level={5}>{t('users.grantRole')}</Typography.Title>
          <Flex gap={12} wrap align="end">
            <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 200px', marginBottom: 0 }}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
            <Form.Item label={t('users.roleOrganization')} name="organization_id" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '2 1 260px', marginBottom: 0 }}>
              <OrganizationSelect />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={grant.isPending}>
              {t('users.grantRole')}
            </Button>
          </Flex>
        </Form>
      )}
    </Modal>
  );
}
