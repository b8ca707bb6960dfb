import type { ComponentType, LazyExoticComponent } from 'react';
import { type AppMenuEntry, appMenu } from './app-menu.tsx';
import { lazyNamed } from './lib/lazy-named.ts';

export interface AppPage extends AppMenuEntry {
  component: LazyExoticComponent<ComponentType>;
}

/** Each menu entry's page, loaded when first shown; the menu and the breadcrumb never import pages. */
const components: Record<string, LazyExoticComponent<ComponentType>> = {
  '/': lazyNamed(() => import('./pages/home/home-page.tsx'), 'HomePage'),
  '/org/units': lazyNamed(() => import('./pages/org/units-page.tsx'), 'UnitsPage'),
  '/org/users': lazyNamed(() => import('./pages/org/users-page.tsx'), 'UsersPage'),
  '/org/roles': lazyNamed(() => import('./pages/org/roles-page.tsx'), 'RolesPage'),
  '/audit': lazyNamed(() => import('./pages/audit/audit-page.tsx'), 'AuditPage'),
  '/audit/logins': lazyNamed(() => import('./pages/audit/login-log-page.tsx'), 'LoginLogPage'),
  '/province': lazyNamed(() => import('./pages/rollup/province-page.tsx'), 'ProvincePage'),
  '/entities': lazyNamed(() => import('./pages/entities/entities-page.tsx'), 'EntitiesPage'),
  '/entities/new': lazyNamed(() => import('./pages/entities/entity-create-page.tsx'), 'EntityCreatePage'),
  '/entities/import': lazyNamed(() => import('./pages/entities/entity-import-page.tsx'), 'EntityImportPage'),
  '/entities/:id': lazyNamed(() => import('./pages/entities/entity-detail-page.tsx'), 'EntityDetailPage'),
  '/complaints': lazyNamed(() => import('./pages/complaints/complaint-queue-page.tsx'), 'ComplaintQueuePage'),
  '/complaints/new': lazyNamed(() => import('./pages/complaints/complaint-intake-page.tsx'), 'ComplaintIntakePage'),
  '/complaints/analysis': lazyNamed(
    () => import('./pages/complaints/complaint-analysis-page.tsx'),
    'ComplaintAnalysisPage',
  ),
  '/complaints/:id': lazyNamed(() => import('./pages/complaints/complaint-detail-page.tsx'), 'ComplaintDetailPage'),
  '/cases/stats': lazyNamed(() => import('./pages/cases/stats/case-stats-page.tsx'), 'CaseStatsPage'),
  '/equipment/registry': lazyNamed(() => import('./pages/equipment/equipment-list-page.tsx'), 'EquipmentListPage'),
  '/equipment/due': lazyNamed(() => import('./pages/equipment/equipment-list-page.tsx'), 'EquipmentDuePage'),
  '/equipment/registry/:id': lazyNamed(
    () => import('./pages/equipment/equipment-detail-page.tsx'),
    'EquipmentDetailPage',
  ),
  '/equipment/map': lazyNamed(() => import('./pages/equipment/equipment-map-page.tsx'), 'EquipmentMapPage'),
  '/equipment/settings': lazyNamed(
    () => import('./pages/equipment/equipment-settings-page.tsx'),
    'EquipmentSettingsPage',
  ),
  '/drugs/pharmacies': lazyNamed(() => import('./pages/drugs/pharmacies-page.tsx'), 'PharmaciesPage'),
  '/drugs/pharmacies/:id': lazyNamed(() => import('./pages/drugs/pharmacy-page.tsx'), 'PharmacyPage'),
  '/drugs/attendance': lazyNamed(() => import('./pages/drugs/attendance-page.tsx'), 'PharmacyAttendancePage'),
  // 两品一械 (src/modules/cosmetics-devices).
  '/drugs/cd-businesses': lazyNamed(() => import('./pages/drugs/cd-businesses-page.tsx'), 'CdBusinessesPage'),
  '/drugs/cd-businesses/:id': lazyNamed(() => import('./pages/drugs/cd-business-page.tsx'), 'CdBusinessPage'),
  '/drugs/adverse-events': lazyNamed(() => import('./pages/drugs/cd-events-page.tsx'), 'CdEventsPage'),
  '/food/businesses': lazyNamed(() => import('./pages/food/food-businesses-page.tsx'), 'FoodBusinessesPage'),
  '/food/businesses/:id': lazyNamed(() => import('./pages/food/food-business-page.tsx'), 'FoodBusinessPage'),
  '/food/tiers': lazyNamed(() => import('./pages/food/tiers/food-tiers-page.tsx'), 'FoodTiersPage'),
  '/food/tiers/models': lazyNamed(() => import('./pages/food/tiers/food-tier-models-page.tsx'), 'FoodTierModelsPage'),
  '/food/grading-rules': lazyNamed(() => import('./pages/food/rules/food-rules-page.tsx'), 'FoodRulesPage'),
  '/food/plan': lazyNamed(() => import('./pages/food/tiers/food-plan-page.tsx'), 'FoodPlanPage'),
  '/food/honour-lists': lazyNamed(() => import('./pages/food/public/honour-lists-page.tsx'), 'HonourListsPage'),
  '/food/licences': lazyNamed(() => import('./pages/food/food-licences-page.tsx'), 'FoodLicencesPage'),
  '/drugs/sales': lazyNamed(() => import('./pages/drugs/drug-sales-page.tsx'), 'DrugSalesPage'),
  '/food/kitchen/alerts': lazyNamed(() => import('./pages/food/kitchen/kitchen-alerts-page.tsx'), 'KitchenAlertsPage'),
  '/food/kitchen/enrollments': lazyNamed(
    () => import('./pages/food/kitchen/kitchen-enrollments-page.tsx'),
    'KitchenEnrollmentsPage',
  ),
  '/food/licences/:id': lazyNamed(() => import('./pages/food/food-licence-page.tsx'), 'FoodLicencePage'),
  '/food/health-certificates': lazyNamed(
    () => import('./pages/food/food-certificates-page.tsx'),
    'FoodCertificatesPage',
  ),
  '/food/appeals': lazyNamed(() => import('./pages/food/appeals/food-appeals-page.tsx'), 'FoodAppealsPage'),
  '/food/inspections': lazyNamed(
    () => import('./pages/food/inspections/food-inspections-page.tsx'),
    'FoodInspectionsPage',
  ),
  '/food/inspections/:id': lazyNamed(
    () => import('./pages/food/inspections/food-inspection-page.tsx'),
    'FoodInspectionPage',
  ),
  // 特种设备 hazards, orders and lift plates (issue 14 points 3–4)
  '/equipment/directives': lazyNamed(
    () => import('./pages/equipment/hazards/directives-page.tsx'),
    'EquipmentDirectivesPage',
  ),
  '/equipment/directives/:id': lazyNamed(
    () => import('./pages/equipment/hazards/directive-page.tsx'),
    'EquipmentDirectivePage',
  ),
  '/equipment/supervisions': lazyNamed(
    () => import('./pages/equipment/hazards/supervisions-page.tsx'),
    'EquipmentSupervisionsPage',
  ),
  '/equipment/supervisions/:id': lazyNamed(
    () => import('./pages/equipment/hazards/supervision-page.tsx'),
    'EquipmentSupervisionPage',
  ),
  '/equipment/plates': lazyNamed(() => import('./pages/equipment/plates/plates-page.tsx'), 'EquipmentPlatesPage'),
  '/food/sampling/samples': lazyNamed(() => import('./pages/food/sampling/samples-page.tsx'), 'SamplingSamplesPage'),
  '/food/sampling/samples/:id': lazyNamed(() => import('./pages/food/sampling/sample-page.tsx'), 'SamplingSamplePage'),
  '/food/sampling/plans': lazyNamed(() => import('./pages/food/sampling/plans-page.tsx'), 'SamplingPlansPage'),
  '/food/sampling/pass-rates': lazyNamed(
    () => import('./pages/food/sampling/pass-rates-page.tsx'),
    'SamplingPassRatesPage',
  ),
  '/food/sampling/import': lazyNamed(() => import('./pages/food/sampling/import-page.tsx'), 'SamplingImportPage'),
  '/product/samples': lazyNamed(() => import('./pages/product/samples-page.tsx'), 'ProductSamplesPage'),
  '/product/samples/:id': lazyNamed(() => import('./pages/product/sample-page.tsx'), 'ProductSamplePage'),
  '/product/pass-rates': lazyNamed(() => import('./pages/product/pass-rates-page.tsx'), 'ProductPassRatesPage'),
  '/product/ccc': lazyNamed(() => import('./pages/product/ccc-page.tsx'), 'ProductCccPage'),
  '/product/settings': lazyNamed(() => import('./pages/product/settings-page.tsx'), 'ProductSettingsPage'),
  '/product/recalls': lazyNamed(() => import('./pages/product/recalls/recalls-page.tsx'), 'RecallsPage'),
  '/product/recalls/:id': lazyNamed(() => import('./pages/product/recalls/recall-page.tsx'), 'RecallPage'),
  '/product/alerts/import': lazyNamed(
    () => import('./pages/product/recalls/alerts-import-page.tsx'),
    'AlertsImportPage',
  ),
  '/product/alerts/matches': lazyNamed(
    () => import('./pages/product/recalls/alert-matches-page.tsx'),
    'AlertMatchesPage',
  ),
  '/credit': lazyNamed(() => import('./pages/credit/credit-overview-page.tsx'), 'CreditOverviewPage'),
  '/credit/abnormal': lazyNamed(() => import('./pages/credit/credit-list-page.tsx'), 'AbnormalListPage'),
  '/credit/serious': lazyNamed(() => import('./pages/credit/credit-list-page.tsx'), 'SeriousListPage'),
  '/credit/repairs': lazyNamed(() => import('./pages/credit/credit-repairs-page.tsx'), 'CreditRepairsPage'),
  '/credit/model': lazyNamed(() => import('./pages/credit/credit-model-page.tsx'), 'CreditModelPage'),
  '/credit/entities/:id': lazyNamed(() => import('./pages/credit/credit-entity-page.tsx'), 'CreditEntityPage'),
  '/spot-checks': lazyNamed(() => import('./pages/spot-checks/spot-checks-page.tsx'), 'SpotChecksPage'),
  '/spot-checks/catalog': lazyNamed(() => import('./pages/spot-checks/catalog-page.tsx'), 'SpotCheckCatalogPage'),
  '/spot-checks/visits': lazyNamed(() => import('./pages/spot-checks/visits-page.tsx'), 'VisitsPage'),
  '/spot-checks/tasks/new': lazyNamed(() => import('./pages/spot-checks/task-wizard-page.tsx'), 'TaskWizardPage'),
  '/spot-checks/tasks/:id': lazyNamed(() => import('./pages/spot-checks/task-detail-page.tsx'), 'TaskDetailPage'),
  '/spot-checks/visits/:id': lazyNamed(() => import('./pages/spot-checks/visit-page.tsx'), 'VisitPage'),
  '/cases/leads': lazyNamed(() => import('./pages/cases/leads-page.tsx'), 'CaseLeadsPage'),
  '/cases': lazyNamed(() => import('./pages/cases/cases-page.tsx'), 'CasesPage'),
  '/cases/approvals': lazyNamed(() => import('./pages/cases/approvals-page.tsx'), 'CaseApprovalsPage'),
  '/cases/disclosures': lazyNamed(() => import('./pages/cases/disclosures-page.tsx'), 'CaseDisclosuresPage'),
  '/cases/summary': lazyNamed(() => import('./pages/cases/summary-page.tsx'), 'CaseSummaryPage'),
  '/cases/evidence': lazyNamed(() => import('./pages/cases/evidence-capture-page.tsx'), 'EvidenceCapturePage'),
  '/cases/settings': lazyNamed(() => import('./pages/cases/case-settings-page.tsx'), 'CaseSettingsPage'),
  '/cases/:id': lazyNamed(() => import('./pages/cases/case-detail-page.tsx'), 'CaseDetailPage'),
  '/calendar': lazyNamed(() => import('./pages/calendar/calendar-page.tsx'), 'CalendarPage'),
  '/jobs': lazyNamed(() => import('./pages/jobs/jobs-page.tsx'), 'JobsPage'),
  '/reports/work': lazyNamed(() => import('./pages/reports/work-report-page.tsx'), 'WorkReportPage'),
  '/notifications': lazyNamed(() => import('./pages/notifications/notifications-page.tsx'), 'NotificationsPage'),
  '/stations/rating': lazyNamed(() => import('./pages/station-rating/rating-list-page.tsx'), 'StationRatingListPage'),
  '/stations/rating/checklist': lazyNamed(
    () => import('./pages/station-rating/checklist-page.tsx'),
    'StationRatingChecklistPage',
  ),
  '/stations/rating/:id': lazyNamed(
    () => import('./pages/station-rating/rating-detail-page.tsx'),
    'StationRatingDetailPage',
  ),
};

/** Every page behind the layout, in menu order. */
export const appPages: AppPage[] = appMenu.map((entry) => {
  const component = components[entry.path];
  if (!component) throw new Error(`no page for ${entry.path}`);
  return { ...entry, component };
});
