import { Form, Input } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { confirmRules, passwordRules } from './password-rules.ts';

/** A new password and its confirmation, checked against the server's policy as the user types. */
export function NewPasswordFields({ name, username, extra }: { name: string; username: () => string; extra: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name={name} label={t('users.newPassword')} extra={extra} rules={passwordRules(t, username)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('users.confirm')} dependencies={[name]} rules={confirmRules(t, name)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
