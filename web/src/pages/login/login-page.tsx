import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import type { TLoginBody } from '../../../../src/contracts/auth.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorText } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../layout/header-bar.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

/** Only same-site paths: `?next=//evil.example` must not turn the login page into an open redirect. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const { me, login, probeError, endedReason } = useAuth();
  const [params] = useSearchParams();
  const [form] = Form.useForm<TLoginBody>();
  const { submit, submitting, failure, clear } = useFormSubmit(form);

  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;

  const onFinish = () =>
    submit(async ({ username, password }) => {
      await login(username, password);
    });

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e8eefc 0%, #f5f7fa 60%)', padding: 16 }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {endedReason && !failure && (
          <Alert type="warning" showIcon title={endedReason} style={{ marginBottom: 16 }} data-testid="session-ended" />
        )}
        {probeError && !failure && (
          <Alert type="error" showIcon title={errorText(t, probeError).detail} style={{ marginBottom: 16 }} />
        )}
        <FormAlert failure={failure} />
        <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={clear} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
