import { App, Form, Modal } from 'antd';
import type { TUser } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

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
      title={t('users.resetPasswordOf', {
        name: t('users.nameWithUsername', { name: user.displayName, username: user.username }),
      })}
      okText={t('common.confirm')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={submitting}
      mask={{ closable: false }}
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" autoComplete="off">
        <NewPasswordFields name="password" username={() => user.username} extra={t('users.resetHint')} />
      </Form>
    </Modal>
  );
}
