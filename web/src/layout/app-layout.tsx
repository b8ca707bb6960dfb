import { Layout, Spin, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { HeaderBar } from './header-bar.tsx';
import { SideMenu } from './side-menu.tsx';

export function AppLayout() {
  const t = useT();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away entirely (its trigger stays) and the content loses its wide margins.
  const [narrow, setNarrow] = useState(false);
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        breakpoint="md"
        collapsedWidth={narrow ? 0 : 80}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
      >
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: collapsed ? 16 : 17, whiteSpace: 'nowrap' }}>
            {collapsed ? t('app.short') : t('app.siderTitle')}
          </Typography.Text>
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, padding: narrow ? '0 12px 0 48px' : '0 24px' }}>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ margin: narrow ? 8 : 24 }}>
          <div
            style={{
              background: token.colorBgContainer,
              borderRadius: token.borderRadiusLG,
              padding: narrow ? 12 : 24,
              minHeight: 360,
            }}
          >
            <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
