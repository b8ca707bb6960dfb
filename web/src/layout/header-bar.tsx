import { BankOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../auth/auth-context.tsx';
import { type Lang, useI18n } from '../i18n/i18n-context.tsx';
import { ChangePasswordModal } from './change-password-modal.tsx';

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
      data-testid="lang-switch"
    />
  );
}

export function HeaderBar() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const [changingPassword, setChangingPassword] = useState(false);
  const roleNames = me.roles.map((r) => r.name).join('、');
  return (
    <Flex justify="space-between" align="center" style={{ height: '100%' }}>
      <Space>
        <BankOutlined />
        <Typography.Text strong data-testid="header-unit">
          {me.user.unitName}
        </Typography.Text>
      </Space>
      <Space size="large">
        <LanguageSwitch />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
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
            {me.user.displayName}
            <DownOutlined />
          </Button>
        </Dropdown>
        {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
      </Space>
    </Flex>
  );
}
