import { App, Form, Input, Modal } from 'antd';
import { authApi } from '../api/auth.ts';
import { useMe } from '../auth/auth-context.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { useFormSubmit } from '../lib/use-form-submit.ts';
import { NewPasswordFields } from '../pages/org/new-password-fields.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The user's own password; the server signs out their other sessions. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async ({ currentPassword, newPassword }) => {
      await authApi.changePassword({ currentPassword, newPassword });
      message.success(t('password.changed'));
      onClose();
    });
  return (
    <Modal
      open
      title={t('header.changePassword')}
      okText={t('common.confirm')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={submitting}
      mask={{ closable: false }}
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" autoComplete="off" data-testid="change-password-form">
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('users.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" username={() => me.user.username} extra={t('password.othersSignedOut')} />
      </Form>
    </Modal>
  );
}
