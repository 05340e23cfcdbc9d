import { useState } from 'react';
import { Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, PlusOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { hasCapability, useMe } from '@/lib/auth';
import { userListQuery, useSetUserActive, type User, type UserListParams } from '../api/users';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RolesModal } from './RolesModal';
import { UserFormModal } from './UserFormModal';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'roles'; userId: string };

const SORTABLE = ['username', 'display_name'] as const;

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useState<UserListParams>({ page: 1, per_page: 20, sort: 'username' });
  const list = useQuery(userListQuery(params));
  const setActive = useSetUserActive();
  const { showError, showSuccess } = useApiFeedback();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canCreate = hasCapability(me.data, 'users.manage');
  // Dialogs read the user from the list so they see grants and etags as they change.
  const dialogUser = dialog && dialog.kind !== 'create' ? list.data?.items.find((u) => u.id === dialog.userId) : undefined;

  const toggleActive = (u: User, active: boolean) =>
    setActive.mutate(
      { id: u.id, active },
      {
        onSuccess: () => showSuccess(active ? t('users.activated') : t('users.deactivated')),
        onError: (e) => showError(e),
      },
    );

  const sortOrder = (field: string) =>
    params.sort === field ? ('ascend' as const) : params.sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableProps<User>['columns'] = [
    { title: t('users.username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: sortOrder('username') },
    { title: t('users.displayName'), dataIndex: 'display_name', key: 'display_name', sorter: true, sortOrder: sortOrder('display_name') },
    { title: t('users.position'), dataIndex: 'position', key: 'position', responsive: ['lg'] },
    { title: t('users.organization'), key: 'organization', render: (_, u) => u.organization.name, responsive: ['md'] },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, u) => [...new Set(u.roles.map((r) => r.role))].map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
    },
    {
      title: t('users.status'),
      dataIndex: 'is_active',
      key: 'is_active',
      render: (active: boolean) => (active ? <Tag color="green">{t('users.active')}</Tag> : <Tag color="red">{t('users.inactive')}</Tag>),
      width: 130,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => {
        const can = (a: string) => u.allowed_actions.includes(a);
        return (
          <Space size={0} wrap>
            {can('update') && (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', userId: u.id })}>
                {t('common.edit')}
              </Button>
            )}
            {(can('grant_role') || can('revoke_role')) && (
              <Button type="link" size="small" icon={<SafetyCertificateOutlined />} onClick={() => setDialog({ kind: 'roles', userId: u.id })}>
                {t('users.manageRoles')}
              </Button>
            )}
            {can('reset_password') && (
              <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'password', userId: u.id })}>
                {t('users.resetPassword')}
              </Button>
            )}
            {can('deactivate') && (
              <Popconfirm
                title={t('users.deactivateConfirm', { name: u.display_name })}
                okText={t('users.deactivate')}
                cancelText={t('common.cancel')}
                onConfirm={() => toggleActive(u, false)}
              >
                <Button type="link" size="small" danger icon={<LockOutlined />}>
                  {t('users.deactivate')}
                </Button>
              </Popconfirm>
            )}
            {can('activate') && (
              <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => toggleActive(u, true)}>
                {t('users.activate')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const onTableChange: TableProps<User>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.columnKey === 'string' && (SORTABLE as readonly string[]).includes(s.columnKey) ? s.columnKey : null;
    setParams((p) => ({
      ...p,
      page: pagination.current ?? 1,
      per_page: pagination.pageSize ?? 20,
      sort: field && s?.order ? (s.order === 'descend' ? `-${field}` : field) : undefined,
    }));
  };

  return (
    <Card
      title={<Typography.Title level={3} style={{ margin: 0 }}>{t('users.title')}</Typography.Title>}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        )
      }
    >
      <Flex style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          enterButton
          onSearch={(q) => setParams((p) => ({ ...p, q: q || undefined, page: 1 }))}
          style={{ maxWidth: 420 }}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          scroll={{ x: 900 }}
          pagination={{
            current: params.page,
            pageSize: params.per_page,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { count: total }),
          }}
        />
      )}
      {dialog?.kind === 'create' && <UserFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && dialogUser && <UserFormModal user={dialogUser} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && dialogUser && <ResetPasswordModal user={dialogUser} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && dialogUser && <RolesModal user={dialogUser} onClose={() => setDialog(null)} />}
    </Card>
  );
}
