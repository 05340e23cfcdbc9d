import { Suspense, type ReactElement } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Flex, Layout, Space, Typography } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { PageSpinner } from '@/components/PageSpinner';
import { useSession } from '@/lib/auth';

const { Header, Content, Footer } = Layout;

/** The frame of the public pages for a visitor: the app's name, the language, "Đăng nhập". */
function VisitorFrame() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, paddingInline: 16, height: 'auto', minHeight: 64 }}>
        <Link to="/showcase" style={{ color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <Space>
          <LanguageSwitch type="default" />
          <Link to="/login" state={{ from: location.pathname + location.search }}>
            <Button type="primary" icon={<LoginOutlined aria-hidden />}>
              {t('showcase.login')}
            </Button>
          </Link>
        </Space>
      </Header>
      <Content style={{ padding: 16 }}>
        <Flex vertical style={{ maxWidth: 1200, margin: '0 auto', width: '100%' }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Flex>
      </Content>
      <Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
      </Footer>
    </Layout>
  );
}

/**
 * The showcase is public: nobody is sent to the login page from here. A visitor gets the
 * public frame; someone signed in stays in the app's shell (`shell`), with its menu.
 */
export function PublicLayout({ shell }: { shell: ReactElement }) {
  const { restoring, token } = useSession();
  if (restoring) return <PageSpinner />;
  return token === null ? <VisitorFrame /> : shell;
}
