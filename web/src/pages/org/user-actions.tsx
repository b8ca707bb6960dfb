import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { TUser } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { errorDetail } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';

interface Props {
  user: TUser;
  /** False when the user holds permissions or a data scope beyond mine: the server refuses every change. */
  manageable: boolean;
  onEdit: () => void;
  onResetPassword: () => void;
  /** Called with the user as the server now has it (version bumped). */
  onChanged: (user: TUser) => void;
}

export function UserActions({ user, manageable, onEdit, onResetPassword, onChanged }: Props) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      onChanged(await orgApi.getUser(user.id));
      message.success(done);
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };

  const toggleActive = () =>
    run(
      () => orgApi.updateUser(user.id, { active: !user.active, version: user.version }),
      user.active ? t('users.disabled', { name: user.displayName }) : t('users.enabled', { name: user.displayName }),
    );

  if (!manageable) {
    return (
      <Typography.Text type="secondary" data-testid="user-beyond-you">
        {t('users.beyondYou')}
      </Typography.Text>
    );
  }

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" onClick={onResetPassword}>
        {t('users.resetPassword')}
      </Button>
      {user.locked && (
        <Popconfirm
          title={t('users.unlockConfirm', { name: user.displayName })}
          onConfirm={() => run(() => orgApi.unlockUser(user.id), t('users.unlocked', { name: user.displayName }))}
        >
          <Button type="link" size="small">
            {t('users.unlock')}
          </Button>
        </Popconfirm>
      )}
      {user.id !== me.user.id && (
        <Popconfirm
          title={
            user.active
              ? t('users.disableConfirm', { name: user.displayName })
              : t('users.enableConfirm', { name: user.displayName })
          }
          onConfirm={toggleActive}
        >
          <Button type="link" size="small" danger={user.active}>
            {user.active ? t('users.disable') : t('users.enable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
