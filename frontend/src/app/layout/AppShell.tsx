import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Flex, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { useEvaluationMenu } from '@/features/evaluation/api/menu';
import { useMe, useSession, type Me } from '@/lib/auth';
import { menuItems, selectedMenuKey } from './menu';
import type { LoginState } from '../RequireAuth';

const { Header, Sider, Content } = Layout;

function UserSummary({ me }: { me: Me }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const roles = [...new Set(me.roles.map((r) => r.role))];
  return (
    <Flex vertical align="end" style={{ lineHeight: 1.3, minWidth: 0 }} aria-label={t('shell.userMenu')}>
      <Typography.Text strong ellipsis data-testid="current-user">
        {me.user.display_name}
      </Typography.Text>
      {screens.md && (
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {me.organization.name}
        </Typography.Text>
      )}
      {screens.lg && (
        <span aria-label={t('shell.roles')}>
          {roles.map((r) => (
            <Tag key={r} color="geekblue" style={{ marginInlineEnd: 4, fontSize: 11 }}>
              {t(`roles.${r}`)}
            </Tag>
          ))}
        </span>
      )}
    </Flex>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { signOut } = useSession();
  const me = useMe();
  const evaluationMenu = useEvaluationMenu(me.data);
  const [collapsed, setCollapsed] = useState(false);
  const selected = selectedMenuKey(location.pathname);

  const logout = async () => {
    await signOut();
    const state: LoginState = { reason: 'logged_out' };
    void navigate('/login', { replace: true, state });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="dark" width={232}>
        <Link to="/" style={{ display: 'block', padding: '16px 20px', color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? 'CCHC' : t('app.name')}
        </Link>
        <nav aria-label={t('shell.menu')}>
          <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={menuItems(me.data, t, evaluationMenu)} />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, height: 'auto', minHeight: 64, borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={5} style={{ margin: 0 }} ellipsis>
            {t('app.fullName')}
          </Typography.Title>
          <Space size="middle" align="center">
            {me.data && <UserSummary me={me.data} />}
            <LanguageSwitch />
            <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()}>
              {t('auth.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          {me.isPending ? (
            <PageSpinner />
          ) : me.isError ? (
            <QueryError error={me.error} onRetry={() => void me.refetch()} />
          ) : (
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          )}
        </Content>
      </Layout>
    </Layout>
  );
}
