import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../../src/contracts/permissions.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { ForbiddenPage } from '../pages/errors/forbidden-page.tsx';
import { loginPath, useAuth } from './auth-context.tsx';

export function FullPageSpin() {
  const t = useT();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/** Layout route: children render only with a session; otherwise to /login, remembering where we were. */
export function RequireAuth() {
  const { me, checking } = useAuth();
  const location = useLocation();
  if (checking) return <FullPageSpin />;
  if (!me) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  return <Outlet />;
}

export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { can } = useAuth();
  if (permission && !can(permission)) return <ForbiddenPage />;
  return children;
}
