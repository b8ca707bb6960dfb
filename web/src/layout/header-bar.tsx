import { BankOutlined, DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../auth/auth-context.tsx';
import { type Lang, useI18n } from '../i18n/i18n-context.tsx';
import { ChangePasswordModal } from './change-password-modal.tsx';
import { GlobalSearch } from './global-search.tsx';
import { NotificationBell } from './notification-bell.tsx';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: t('lang.zhCN'), value: 'zh-CN' },
        { label: t('lang.enUS'), value: 'en-US' },
      ]}
      data-testid="lang-switch"
    />
  );
}

/** On a phone (narrow) the header keeps one line: menu button, the unit name cut short, language, avatar. */
export function HeaderBar({ narrow = false, onOpenMenu }: { narrow?: boolean; onOpenMenu?: () => void }) {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const [changingPassword, setChangingPassword] = useState(false);
  const roleNames = me.roles.map((r) => r.name).join(t('common.separator'));
  return (
    <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={onOpenMenu}
            aria-label={t('header.menu')}
            data-testid="menu-toggle"
          />
        )}
        {!narrow && <BankOutlined />}
        <Typography.Text strong ellipsis={{ tooltip: me.user.unitName }} data-testid="header-unit">
          {me.user.unitName}
        </Typography.Text>
      </Flex>
      <Space size={narrow ? 'small' : 'large'} style={{ flexShrink: 0 }}>
        <GlobalSearch narrow={narrow} />
        <LanguageSwitch />
        <NotificationBell />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...(narrow ? [{ key: 'name', label: me.user.displayName, disabled: true }] : []),
              { key: 'roles', label: roleNames || t('header.noRole'), disabled: true },
              { type: 'divider' },
              { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
              { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
            ],
            onClick: ({ key }) => {
              if (key === 'logout') void logout();
              if (key === 'password') setChangingPassword(true);
            },
          }}
        >
          <Button type="text" data-testid="user-menu">
            <Avatar size="small" icon={<UserOutlined />} />
            {!narrow && me.user.displayName}
            <DownOutlined />
          </Button>
        </Dropdown>
        {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
      </Space>
    </Flex>
  );
}
