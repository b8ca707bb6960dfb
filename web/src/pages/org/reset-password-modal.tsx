import { App, Form, Input, Modal } from 'antd';
import type { TUser } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { confirmRules, passwordRules } from './password-rules.ts';

interface Props {
  user: TUser;
  onClose: () => void;
  onDone: () => void;
}

export function ResetPasswordModal({ user, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async ({ password }) => {
      await orgApi.resetPassword(user.id, password);
      message.success(t('users.passwordReset', { name: user.displayName }));
      onDone();
    });
  return (
    <Modal
      open
      title={t('users.resetPasswordOf', { name: `${user.displayName}（${user.username}）` })}
      okText={t('common.confirm')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={submitting}
      mask={{ closable: false }}
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.resetHint')}
          rules={passwordRules(t, () => user.username)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirm')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
