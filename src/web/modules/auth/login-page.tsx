import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LIMITS } from '../../../contracts';
import { useAuth } from '../../app/auth';
import { PASSWORD_PATH } from '../../app/guards';
import { useI18n } from '../../app/i18n';
import { LanguageSwitch } from '../../app/layout';

type LoginForm = { username: string; password: string };

function safeNext(state: unknown): string {
  const next = (state as { next?: unknown } | null)?.next;
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/';
}

export default function LoginPage() {
  const { state, login } = useAuth();
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(location.state);

  if (state.status === 'signed-in') {
    return <Navigate to={state.me.mustChangePassword ? PASSWORD_PATH : next} replace />;
  }

  const notice =
    state.status === 'anonymous' && !error
      ? state.reason === 'idle' || state.reason === 'expired'
        ? t('auth.sessionExpired')
        : state.reason === 'logout'
          ? t('auth.loggedOut')
          : null
      : null;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      void navigate(me.mustChangePassword ? PASSWORD_PATH : next, { replace: true });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #1f4e8c 0%, #3a6fb0 45%, #f3f5f8 45%)' }}
    >
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 30px rgba(0,0,0,0.12)' }}>
        <Flex justify="space-between" align="start" gap={8} style={{ marginBottom: 8 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.shortTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          <LanguageSwitch size="small" />
        </Flex>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('auth.loginTitle')}
        </Typography.Title>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        {notice ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input id="username" prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={LIMITS.usernameMax * 2} size="large" />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" maxLength={LIMITS.passwordMax} size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('auth.login')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          {t('auth.footer')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
