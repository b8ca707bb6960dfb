import { Drawer, Grid, Layout, Spin, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { HeaderBar } from './header-bar.tsx';
import { SideMenu } from './side-menu.tsx';

const SIDER_BG = '#001529';
/** Ant Design Pro's width: the longest en-US entry of a group (indented 48 px) still fits at 1440 px. */
const SIDER_WIDTH = 256;

export function AppLayout() {
  const t = useT();
  const [collapsed, setCollapsed] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  // Below md (phones) the menu is a drawer over the page that closes after a choice; the sider would push the
  // content off screen and stay open.
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const { token } = theme.useToken();
  const title = (short: boolean) => (
    <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: short ? 16 : 17, whiteSpace: 'nowrap' }}>
        {short ? t('app.short') : t('app.siderTitle')}
      </Typography.Text>
    </div>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={SIDER_WIDTH}
          closable={false}
          styles={{ body: { padding: 0, background: SIDER_BG } }}
          data-testid="menu-drawer"
        >
          {title(false)}
          <SideMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={SIDER_WIDTH}>
          {title(collapsed)}
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, padding: narrow ? '0 8px' : '0 24px' }}>
          <HeaderBar narrow={narrow} onOpenMenu={() => setMenuOpen(true)} />
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
