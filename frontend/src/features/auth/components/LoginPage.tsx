import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '@/api/problem';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { PageSpinner } from '@/components/PageSpinner';
import { useErrorMessage } from '@/hooks/useApiFeedback';
import { useSession } from '@/lib/auth';
import { useLoginMutation, type LoginRequest } from '../api/login';

interface LoginState {
  from?: string;
  reason?: 'expired' | 'logged_out';
}

/** Only come back to a path inside the SPA (never an absolute URL someone slipped in). */
function safeReturnPath(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const toText = useErrorMessage();
  const { restoring, token, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const login = useLoginMutation();
  const [form] = Form.useForm<LoginRequest>();

  if (restoring) return <PageSpinner />;
  if (token !== null && !login.isPending) return <Navigate to={safeReturnPath(state.from)} replace />;

  const onFinish = (values: LoginRequest) => {
    login.mutate(values, {
      onSuccess: (res) => {
        signIn(res.access_token);
        void navigate(safeReturnPath(state.from), { replace: true });
      },
      onError: (error) => {
        const fields = formFieldErrors(error);
        if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      },
    });
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #fff5f5 0%, #f0f2f5 60%)', padding: 16 }}>
      <Flex justify="end" style={{ width: '100%', maxWidth: 420, marginBottom: 8 }}>
        <LanguageSwitch type="default" />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Flex vertical gap={4} style={{ marginBottom: 24, textAlign: 'center' }}>
          <Typography.Title level={2} style={{ margin: 0, color: '#a61d24' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.title')}
        </Typography.Title>

        {state.reason === 'expired' && !login.isError && (
          <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {state.reason === 'logged_out' && !login.isError && (
          <Alert type="info" showIcon title={t('auth.loggedOut')} style={{ marginBottom: 16 }} />
        )}
        {login.isError && <Alert type="error" showIcon title={toText(login.error)} style={{ marginBottom: 16 }} />}

        <Form form={form} name="login" layout="vertical" requiredMark={false} onFinish={onFinish} disabled={login.isPending}>
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
