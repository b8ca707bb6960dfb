import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FundOutlined,
  HomeOutlined,
  LoginOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '../../src/contracts/permissions.ts';
import type { MessageKey } from './i18n/zh-cn.ts';
import { lazyNamed } from './lib/lazy-named.ts';

export interface AppPage {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** The menu entry and the route both need it; the API checks it again. */
  permission?: Permission;
  group?: MenuGroup;
  /** A route without a menu entry (a detail page); the menu highlights its parent by path prefix. */
  hideInMenu?: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export type MenuGroup = 'org' | 'audit' | 'credit' | 'spotCheck';
export const menuGroups: Record<MenuGroup, { label: MessageKey; icon: ReactNode }> = {
  org: { label: 'nav.group.org', icon: <SettingOutlined /> },
  audit: { label: 'nav.group.audit', icon: <SafetyCertificateOutlined /> },
  credit: { label: 'nav.group.credit', icon: <FundOutlined /> },
  spotCheck: { label: 'nav.group.spotCheck', icon: <FileSearchOutlined /> },
};

/** Every page behind the layout, in menu order. */
export const appPages: AppPage[] = [
  {
    path: '/',
    label: 'nav.home',
    icon: <HomeOutlined />,
    component: lazyNamed(() => import('./pages/home/home-page.tsx'), 'HomePage'),
  },
  {
    path: '/org/units',
    label: 'nav.units',
    icon: <ApartmentOutlined />,
    permission: 'org:unit:read',
    group: 'org',
    component: lazyNamed(() => import('./pages/org/units-page.tsx'), 'UnitsPage'),
  },
  {
    path: '/org/users',
    label: 'nav.users',
    icon: <UserOutlined />,
    permission: 'org:user:read',
    group: 'org',
    component: lazyNamed(() => import('./pages/org/users-page.tsx'), 'UsersPage'),
  },
  {
    path: '/org/roles',
    label: 'nav.roles',
    icon: <TeamOutlined />,
    permission: 'org:role:read',
    group: 'org',
    component: lazyNamed(() => import('./pages/org/roles-page.tsx'), 'RolesPage'),
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit:read',
    group: 'audit',
    component: lazyNamed(() => import('./pages/audit/audit-page.tsx'), 'AuditPage'),
  },
  {
    path: '/audit/logins',
    label: 'nav.logins',
    icon: <LoginOutlined />,
    permission: 'audit:login:read',
    group: 'audit',
    component: lazyNamed(() => import('./pages/audit/login-log-page.tsx'), 'LoginLogPage'),
  },
  {
    path: '/entities',
    label: 'nav.entities',
    icon: <ShopOutlined />,
    permission: 'entity:read',
    component: lazyNamed(() => import('./pages/entities/entities-page.tsx'), 'EntitiesPage'),
  },
  {
    path: '/entities/new',
    label: 'entities.create',
    icon: <ShopOutlined />,
    permission: 'entity:write',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/entities/entity-create-page.tsx'), 'EntityCreatePage'),
  },
  {
    path: '/entities/import',
    label: 'entities.import',
    icon: <ShopOutlined />,
    permission: 'entity:write',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/entities/entity-import-page.tsx'), 'EntityImportPage'),
  },
  {
    path: '/entities/:id',
    label: 'nav.entities',
    icon: <ShopOutlined />,
    permission: 'entity:read',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/entities/entity-detail-page.tsx'), 'EntityDetailPage'),
  },
  {
    path: '/complaints',
    label: 'nav.complaints',
    icon: <CustomerServiceOutlined />,
    permission: 'complaint:read',
    component: lazyNamed(() => import('./pages/complaints/complaint-queue-page.tsx'), 'ComplaintQueuePage'),
  },
  {
    path: '/complaints/new',
    label: 'nav.complaintsNew',
    icon: <FileAddOutlined />,
    permission: 'complaint:write',
    component: lazyNamed(() => import('./pages/complaints/complaint-intake-page.tsx'), 'ComplaintIntakePage'),
  },
  {
    path: '/complaints/analysis',
    label: 'nav.complaintsAnalysis',
    icon: <BarChartOutlined />,
    permission: 'complaint:read',
    component: lazyNamed(() => import('./pages/complaints/complaint-analysis-page.tsx'), 'ComplaintAnalysisPage'),
  },
  {
    path: '/complaints/:id',
    label: 'nav.complaints',
    icon: <CustomerServiceOutlined />,
    permission: 'complaint:read',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/complaints/complaint-detail-page.tsx'), 'ComplaintDetailPage'),
  },
  {
    path: '/credit',
    label: 'nav.credit',
    icon: <BarChartOutlined />,
    permission: 'credit:read',
    group: 'credit',
    component: lazyNamed(() => import('./pages/credit/credit-overview-page.tsx'), 'CreditOverviewPage'),
  },
  {
    path: '/credit/abnormal',
    label: 'nav.creditAbnormal',
    icon: <FundOutlined />,
    permission: 'credit:read',
    group: 'credit',
    component: lazyNamed(() => import('./pages/credit/credit-list-page.tsx'), 'AbnormalListPage'),
  },
  {
    path: '/credit/serious',
    label: 'nav.creditSerious',
    icon: <FundOutlined />,
    permission: 'credit:read',
    group: 'credit',
    component: lazyNamed(() => import('./pages/credit/credit-list-page.tsx'), 'SeriousListPage'),
  },
  {
    path: '/credit/repairs',
    label: 'nav.creditRepairs',
    icon: <FundOutlined />,
    permission: 'credit:read',
    group: 'credit',
    component: lazyNamed(() => import('./pages/credit/credit-repairs-page.tsx'), 'CreditRepairsPage'),
  },
  {
    path: '/credit/model',
    label: 'nav.creditModel',
    icon: <SettingOutlined />,
    permission: 'credit:read',
    group: 'credit',
    component: lazyNamed(() => import('./pages/credit/credit-model-page.tsx'), 'CreditModelPage'),
  },
  {
    path: '/credit/entities/:id',
    label: 'nav.credit',
    icon: <FundOutlined />,
    permission: 'credit:read',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/credit/credit-entity-page.tsx'), 'CreditEntityPage'),
  },
  {
    path: '/spot-checks',
    label: 'nav.spotChecks',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    group: 'spotCheck',
    component: lazyNamed(() => import('./pages/spot-checks/spot-checks-page.tsx'), 'SpotChecksPage'),
  },
  {
    path: '/spot-checks/catalog',
    label: 'nav.spotCheckCatalog',
    icon: <ProfileOutlined />,
    permission: 'spotcheck:read',
    group: 'spotCheck',
    component: lazyNamed(() => import('./pages/spot-checks/catalog-page.tsx'), 'SpotCheckCatalogPage'),
  },
  {
    path: '/spot-checks/visits',
    label: 'nav.spotCheckVisits',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    group: 'spotCheck',
    component: lazyNamed(() => import('./pages/spot-checks/visits-page.tsx'), 'VisitsPage'),
  },
  {
    path: '/spot-checks/tasks/new',
    label: 'nav.spotChecks',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:write',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/spot-checks/task-wizard-page.tsx'), 'TaskWizardPage'),
  },
  {
    path: '/spot-checks/tasks/:id',
    label: 'nav.spotChecks',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/spot-checks/task-detail-page.tsx'), 'TaskDetailPage'),
  },
  {
    path: '/spot-checks/visits/:id',
    label: 'nav.spotCheckVisits',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    hideInMenu: true,
    component: lazyNamed(() => import('./pages/spot-checks/visit-page.tsx'), 'VisitPage'),
  },
  {
    path: '/calendar',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    permission: 'calendar:read',
    component: lazyNamed(() => import('./pages/calendar/calendar-page.tsx'), 'CalendarPage'),
  },
  {
    path: '/jobs',
    label: 'nav.jobs',
    icon: <ScheduleOutlined />,
    permission: 'jobs:read',
    component: lazyNamed(() => import('./pages/jobs/jobs-page.tsx'), 'JobsPage'),
  },
];
