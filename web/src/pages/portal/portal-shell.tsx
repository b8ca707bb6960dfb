import { Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../layout/header-bar.tsx';

/** The public 12315 portal frame: no login, no staff menu. */
export function PortalShell({ children }: { children: ReactNode }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('portal.title')}{' '}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          // A profile (/portal/entities/<uscc>) belongs to the entity search.
          selectedKeys={[
            pathname.startsWith('/portal/entities/')
              ? '/portal/entities'
              : pathname.startsWith('/portal/food/')
                ? '/portal/food'
                : pathname,
          ]}
          onClick={({ key }) => navigate(key)}
          items={[
            { key: '/portal/complaint', label: t('portal.navComplaint') },
            { key: '/portal/track', label: t('portal.navTrack') },
            { key: '/portal/spot-checks', label: t('portal.navSpotChecks') },
            { key: '/portal/penalties', label: t('portal.navPenalties') },
            { key: '/portal/entities', label: t('entityProfile.nav') },
            { key: '/portal/food-business', label: t('portal.navFoodBusiness') },
            { key: '/portal/food', label: t('foodPublic.nav') },
            { key: '/portal/recalls', label: t('portalRecalls.nav') },
          ]}
          style={{ flex: 1, minWidth: 0 }}
        />
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 12px', display: 'flex', justifyContent: 'center' }}>
        <div style={{ width: '100%', maxWidth: 760 }}>{children}</div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('portal.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}

/** One key per form fill: a double click or a retry after a timeout sends the same key and makes one record. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
