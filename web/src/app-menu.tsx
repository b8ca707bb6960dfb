import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CameraOutlined,
  CheckSquareOutlined,
  ContainerOutlined,
  CustomerServiceOutlined,
  ExperimentOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  InboxOutlined,
  LineChartOutlined,
  LoginOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../src/contracts/permissions.ts';
import type { MessageKey } from './i18n/zh-cn.ts';

/** A page behind the layout as the menu and the breadcrumb know it (its component: app-pages.tsx). */
export interface AppMenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** The menu entry and the route both need it; the API checks it again. */
  permission?: Permission;
  group?: MenuGroup;
  /** A route without a menu entry (a detail page); the menu highlights its parent by path prefix. */
  hideInMenu?: boolean;
}

export type MenuGroup = 'org' | 'audit' | 'credit' | 'spotCheck' | 'cases' | 'food';
export const menuGroups: Record<MenuGroup, { label: MessageKey; icon: ReactNode }> = {
  org: { label: 'nav.group.org', icon: <SettingOutlined /> },
  audit: { label: 'nav.group.audit', icon: <SafetyCertificateOutlined /> },
  credit: { label: 'nav.group.credit', icon: <FundOutlined /> },
  spotCheck: { label: 'nav.group.spotCheck', icon: <FileSearchOutlined /> },
  cases: { label: 'nav.group.cases', icon: <ReconciliationOutlined /> },
  food: { label: 'nav.group.food', icon: <ShopOutlined /> },
};

/** Every page behind the layout, in menu order. */
export const appMenu: AppMenuEntry[] = [
  {
    path: '/',
    label: 'nav.home',
    icon: <HomeOutlined />,
  },
  {
    path: '/org/units',
    label: 'nav.units',
    icon: <ApartmentOutlined />,
    permission: 'org:unit:read',
    group: 'org',
  },
  {
    path: '/org/users',
    label: 'nav.users',
    icon: <UserOutlined />,
    permission: 'org:user:read',
    group: 'org',
  },
  {
    path: '/org/roles',
    label: 'nav.roles',
    icon: <TeamOutlined />,
    permission: 'org:role:read',
    group: 'org',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit:read',
    group: 'audit',
  },
  {
    path: '/audit/logins',
    label: 'nav.logins',
    icon: <LoginOutlined />,
    permission: 'audit:login:read',
    group: 'audit',
  },
  {
    path: '/entities',
    label: 'nav.entities',
    icon: <ShopOutlined />,
    permission: 'entity:read',
  },
  {
    path: '/entities/new',
    label: 'entities.create',
    icon: <ShopOutlined />,
    permission: 'entity:write',
    hideInMenu: true,
  },
  {
    path: '/entities/import',
    label: 'entities.import',
    icon: <ShopOutlined />,
    permission: 'entity:write',
    hideInMenu: true,
  },
  {
    path: '/entities/:id',
    label: 'nav.entities',
    icon: <ShopOutlined />,
    permission: 'entity:read',
    hideInMenu: true,
  },
  {
    path: '/complaints',
    label: 'nav.complaints',
    icon: <CustomerServiceOutlined />,
    permission: 'complaint:read',
  },
  {
    path: '/complaints/new',
    label: 'nav.complaintsNew',
    icon: <FileAddOutlined />,
    permission: 'complaint:write',
  },
  {
    path: '/complaints/analysis',
    label: 'nav.complaintsAnalysis',
    icon: <BarChartOutlined />,
    permission: 'complaint:read',
  },
  {
    path: '/complaints/:id',
    label: 'nav.complaints',
    icon: <CustomerServiceOutlined />,
    permission: 'complaint:read',
    hideInMenu: true,
  },
  {
    path: '/cases/stats',
    label: 'nav.caseStats',
    icon: <BarChartOutlined />,
    permission: 'case:read',
    group: 'cases',
  },
  {
    path: '/food/licences',
    label: 'nav.foodLicences',
    icon: <FileProtectOutlined />,
    permission: 'food:read',
    group: 'food',
  },
  {
    path: '/food/licences/:id',
    label: 'food.licence.title',
    icon: <FileProtectOutlined />,
    permission: 'food:read',
    hideInMenu: true,
  },
  {
    path: '/food/health-certificates',
    label: 'nav.foodCertificates',
    icon: <ProfileOutlined />,
    permission: 'food:read',
    group: 'food',
  },
  {
    path: '/food/sampling/samples',
    label: 'nav.foodSamplingSamples',
    icon: <ExperimentOutlined />,
    permission: 'food:read',
    group: 'food',
  },
  {
    path: '/food/sampling/samples/:id',
    label: 'foodSampling.sample.title',
    icon: <ExperimentOutlined />,
    permission: 'food:read',
    hideInMenu: true,
  },
  {
    path: '/food/sampling/plans',
    label: 'nav.foodSamplingPlans',
    icon: <ScheduleOutlined />,
    permission: 'food:read',
    group: 'food',
  },
  {
    path: '/food/sampling/pass-rates',
    label: 'nav.foodSamplingRates',
    icon: <LineChartOutlined />,
    permission: 'food:read',
    group: 'food',
  },
  {
    path: '/food/sampling/import',
    label: 'nav.foodSamplingImport',
    icon: <UploadOutlined />,
    permission: 'food:write',
    group: 'food',
  },
  {
    path: '/credit',
    label: 'nav.credit',
    icon: <BarChartOutlined />,
    permission: 'credit:read',
    group: 'credit',
  },
  {
    path: '/credit/abnormal',
    label: 'nav.creditAbnormal',
    icon: <FundOutlined />,
    permission: 'credit:read',
    group: 'credit',
  },
  {
    path: '/credit/serious',
    label: 'nav.creditSerious',
    icon: <FundOutlined />,
    permission: 'credit:read',
    group: 'credit',
  },
  {
    path: '/credit/repairs',
    label: 'nav.creditRepairs',
    icon: <FundOutlined />,
    permission: 'credit:read',
    group: 'credit',
  },
  {
    path: '/credit/model',
    label: 'nav.creditModel',
    icon: <SettingOutlined />,
    permission: 'credit:read',
    group: 'credit',
  },
  {
    path: '/credit/entities/:id',
    label: 'nav.credit',
    icon: <FundOutlined />,
    permission: 'credit:read',
    hideInMenu: true,
  },
  {
    path: '/spot-checks',
    label: 'nav.spotChecks',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    group: 'spotCheck',
  },
  {
    path: '/spot-checks/catalog',
    label: 'nav.spotCheckCatalog',
    icon: <ProfileOutlined />,
    permission: 'spotcheck:read',
    group: 'spotCheck',
  },
  {
    path: '/spot-checks/visits',
    label: 'nav.spotCheckVisits',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    group: 'spotCheck',
  },
  {
    path: '/spot-checks/tasks/new',
    label: 'nav.spotChecks',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:write',
    hideInMenu: true,
  },
  {
    path: '/spot-checks/tasks/:id',
    label: 'nav.spotChecks',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    hideInMenu: true,
  },
  {
    path: '/spot-checks/visits/:id',
    label: 'nav.spotCheckVisits',
    icon: <FileSearchOutlined />,
    permission: 'spotcheck:read',
    hideInMenu: true,
  },
  ...caseMenu(),
  {
    path: '/calendar',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    permission: 'calendar:read',
  },
  {
    path: '/jobs',
    label: 'nav.jobs',
    icon: <ScheduleOutlined />,
    permission: 'jobs:read',
  },
  {
    path: '/reports/work',
    label: 'nav.workReport',
    icon: <FileTextOutlined />,
    permission: 'dashboard:read',
  },
  {
    path: '/notifications',
    label: 'notifications.title',
    icon: <BellOutlined />,
    hideInMenu: true,
  },
  { path: '/stations/rating', label: 'nav.stationRating', icon: <TrophyOutlined />, permission: 'rating:read' },
  {
    path: '/stations/rating/checklist',
    label: 'nav.stationRatingChecklist',
    icon: <TrophyOutlined />,
    permission: 'rating:settings',
    hideInMenu: true,
  },
  {
    path: '/stations/rating/:id',
    label: 'nav.stationRating',
    icon: <TrophyOutlined />,
    permission: 'rating:read',
    hideInMenu: true,
  },
];

/** 执法办案: the case pages and the statistics page. */
function caseMenu(): AppMenuEntry[] {
  const entry = (path: string, label: MessageKey, icon: ReactNode, permission: Permission, hideInMenu = false) => ({
    path,
    label,
    icon,
    permission,
    group: 'cases' as const,
    hideInMenu,
  });
  return [
    entry('/cases/leads', 'nav.caseLeads', <InboxOutlined />, 'case:read'),
    entry('/cases', 'nav.cases', <ContainerOutlined />, 'case:read'),
    entry('/cases/approvals', 'nav.caseApprovals', <CheckSquareOutlined />, 'case:read'),
    entry('/cases/disclosures', 'nav.caseDisclosures', <NotificationOutlined />, 'case:read'),
    entry('/cases/summary', 'nav.caseSummary', <FileProtectOutlined />, 'case:write'),
    entry('/cases/evidence', 'nav.caseEvidence', <CameraOutlined />, 'case:write'),
    entry('/cases/settings', 'nav.caseSettings', <SettingOutlined />, 'case:settings'),
    entry('/cases/:id', 'nav.cases', <ContainerOutlined />, 'case:read', true),
  ];
}
