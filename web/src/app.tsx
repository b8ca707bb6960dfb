import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { appPages } from './app-pages.tsx';
import { AuthProvider } from './auth/auth-context.tsx';
import { FullPageSpin, RequireAuth, RequirePermission } from './auth/guards.tsx';
import { I18nProvider, useI18n } from './i18n/i18n-context.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { lazyNamed } from './lib/lazy-named.ts';
import { NotFoundPage } from './pages/errors/not-found-page.tsx';

const LoginPage = lazyNamed(() => import('./pages/login/login-page.tsx'), 'LoginPage');
const PortalComplaintPage = lazyNamed(() => import('./pages/portal/portal-complaint-page.tsx'), 'PortalComplaintPage');
const PortalFoodBusinessPage = lazyNamed(
  () => import('./pages/portal/portal-food-business-page.tsx'),
  'PortalFoodBusinessPage',
);
const PortalTrackPage = lazyNamed(() => import('./pages/portal/portal-track-page.tsx'), 'PortalTrackPage');
const PortalPenaltiesPage = lazyNamed(() => import('./pages/portal/portal-penalties-page.tsx'), 'PortalPenaltiesPage');
const PortalEntitiesPage = lazyNamed(() => import('./pages/portal/portal-entities-page.tsx'), 'PortalEntitiesPage');
const PortalRecallsPage = lazyNamed(() => import('./pages/portal/portal-recalls-page.tsx'), 'PortalRecallsPage');
const PortalEntityPage = lazyNamed(() => import('./pages/portal/portal-entity-page.tsx'), 'PortalEntityPage');
const PortalPlatePage = lazyNamed(() => import('./pages/equipment/plates/portal-plate-page.tsx'), 'PortalPlatePage');
const PortalPlacardPage = lazyNamed(() => import('./pages/portal/portal-placard-page.tsx'), 'PortalPlacardPage');
const PortalDrugSalesPage = lazyNamed(() => import('./pages/portal/portal-drug-sales-page.tsx'), 'PortalDrugSalesPage');
const PortalFoodPage = lazyNamed(() => import('./pages/food/public/portal-food-page.tsx'), 'PortalFoodPage');
const PortalFoodGradePage = lazyNamed(
  () => import('./pages/food/public/portal-food-page.tsx'),
  'PortalFoodBusinessPage',
);
const PharmacistCheckinPage = lazyNamed(
  () => import('./pages/portal/pharmacist-checkin-page.tsx'),
  'PharmacistCheckinPage',
);
const ScreenPage = lazyNamed(() => import('./pages/screen/screen-page.tsx'), 'ScreenPage');
const PortalSpotChecksPage = lazyNamed(
  () => import('./pages/portal/portal-spot-checks-page.tsx'),
  'PortalSpotChecksPage',
);

function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        }
      />
      {/* The public 12315 portal: no login, outside the staff layout. */}
      <Route
        path="/portal/complaint"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalComplaintPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/food-business"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalFoodBusinessPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/drug-sales"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalDrugSalesPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/pharmacist"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PharmacistCheckinPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/track"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalTrackPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/spot-checks"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalSpotChecksPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/penalties"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalPenaltiesPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/entities"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalEntitiesPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/food"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalFoodPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/food/:id"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalFoodGradePage />
          </Suspense>
        }
      />
      <Route
        path="/portal/recalls"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalRecallsPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/entities/:uscc"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalEntityPage />
          </Suspense>
        }
      />
      <Route
        path="/portal/plate"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalPlatePage />
          </Suspense>
        }
      />
      <Route
        path="/portal/placard"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PortalPlacardPage />
          </Suspense>
        }
      />
      <Route element={<RequireAuth />}>
        {/* 智慧大脑: a full-screen page for the wall display, outside the staff layout. */}
        <Route
          path="/screen"
          element={
            <RequirePermission permission="screen:read">
              <Suspense fallback={<FullPageSpin />}>
                <ScreenPage />
              </Suspense>
            </RequirePermission>
          }
        />
        <Route element={<AppLayout />}>
          {appPages.map(({ path, permission, component: Page }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequirePermission permission={permission}>
                  <Page />
                </RequirePermission>
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function LocalisedApp() {
  const { lang } = useI18n();
  const locale = useMemo(() => {
    // Date pickers and the calendar take month and weekday names from dayjs, so it must switch before they render.
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
    return lang === 'zh-CN' ? zhCN : enUS;
  }, [lang]);
  return (
    <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#1d4ed8' } }}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalisedApp />
    </I18nProvider>
  );
}
