import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from '../modules/audit/routes.ts';
import { calendarRoutes } from '../modules/calendar/routes.ts';
import { caseApprovalRoutes } from '../modules/cases/routes/approvals.ts';
import { caseRoutes } from '../modules/cases/routes/cases.ts';
import { disclosureRoutes } from '../modules/cases/routes/disclosures.ts';
import { caseDocumentRoutes } from '../modules/cases/routes/documents.ts';
import { caseExecRoutes } from '../modules/cases/routes/execution.ts';
import { caseLeadRoutes } from '../modules/cases/routes/leads.ts';
import { publicPenaltyRoutes } from '../modules/cases/routes/public-penalties.ts';
import { caseStatsRoutes } from '../modules/cases/routes/stats.ts';
import { complaintAnalysisRoutes } from '../modules/complaints/analysis-routes.ts';
import { publicComplaintRoutes } from '../modules/complaints/public-routes.ts';
import { complaintRoutes } from '../modules/complaints/routes.ts';
import { cosmeticsDevicesRoutes } from '../modules/cosmetics-devices/routes.ts';
import { creditRoutes } from '../modules/credit/routes.ts';
import { publicDrugSaleRoutes } from '../modules/drug-sales/public-routes.ts';
import { drugSaleRoutes } from '../modules/drug-sales/routes.ts';
import { entityExportRoutes } from '../modules/entities/export/routes.ts';
import { entityImportRoutes } from '../modules/entities/import/routes.ts';
import { entityRoutes } from '../modules/entities/routes.ts';
import { publicEntityRoutes } from '../modules/entity-profile/routes.ts';
import { equipmentRoutes } from '../modules/equipment/routes.ts';
import { equipmentHazardRoutes } from '../modules/equipment-hazards/routes.ts';
import { equipmentPlateRoutes, publicPlateRoutes } from '../modules/equipment-plates/routes.ts';
import { fileRoutes } from '../modules/files/routes.ts';
import { foodImportRoutes } from '../modules/food/import-routes.ts';
import { foodRoutes } from '../modules/food/routes.ts';
import { publicFoodAppealRoutes } from '../modules/food-appeals/public-routes.ts';
import { foodAppealRoutes } from '../modules/food-appeals/routes.ts';
import { foodInspectionRoutes } from '../modules/food-inspections/routes.ts';
import { kitchenRoutes } from '../modules/food-kitchen/routes.ts';
import { kitchenWebhookRoutes } from '../modules/food-kitchen/webhook-routes.ts';
import { foodPlacardRoutes, publicPlacardRoutes } from '../modules/food-placards/routes.ts';
import { publicFoodRoutes } from '../modules/food-public/public-routes.ts';
import { foodHonourRoutes } from '../modules/food-public/routes.ts';
import { foodRulesRoutes } from '../modules/food-rules/routes.ts';
import { foodSamplingRoutes, publicFoodSamplingRoutes } from '../modules/food-sampling/routes.ts';
import { foodTierRoutes } from '../modules/food-tiers/routes.ts';
import { inboxRoutes } from '../modules/inbox/routes.ts';
import { jobRoutes } from '../modules/jobs/routes.ts';
import { notificationRoutes } from '../modules/notifications/routes.ts';
import { orgRoutes } from '../modules/org/routes.ts';
import { publicPharmacistRoutes } from '../modules/pharmacies/public-routes.ts';
import { pharmacyRoutes } from '../modules/pharmacies/routes.ts';
import { productQualityRoutes } from '../modules/product-quality/routes.ts';
import { productRecallRoutes, publicProductRecallRoutes } from '../modules/product-recalls/routes.ts';
import { reportRoutes } from '../modules/reports/routes.ts';
import { rollupRoutes } from '../modules/rollup/routes.ts';
import { screenRoutes } from '../modules/screen/routes.ts';
import { searchRoutes } from '../modules/search/routes.ts';
import { publicSpotCheckRoutes } from '../modules/spot-checks/public-routes.ts';
import { spotCheckRoutes } from '../modules/spot-checks/routes.ts';
import { stationRatingRoutes } from '../modules/station-rating/routes.ts';
import type { TConfig } from './config.ts';
import type { Services } from './container.ts';

/** Every business module's routes, under /api/v1. */
export const moduleRoutes: FastifyPluginAsyncZod<{ services: Services; config: TConfig }> = async (
  app,
  { services, config },
) => {
  await app.register(orgRoutes, { org: services.org });
  await app.register(auditRoutes, { audit: services.audit });
  await app.register(calendarRoutes, { calendar: services.calendar });
  await app.register(jobRoutes, { jobs: services.jobs });
  await app.register(notificationRoutes, { notifications: services.notifications });
  await app.register(fileRoutes, { files: services.files });
  await app.register(entityRoutes, { entities: services.entities });
  await app.register(entityImportRoutes, { imports: services.entityImports });
  await app.register(entityExportRoutes, { exports: services.entityExports });
  // Analysis before the item routes, so /complaints/analysis is not taken for an id.
  await app.register(complaintAnalysisRoutes, {
    analysis: services.complaintAnalysis,
    complaints: services.complaints,
  });
  await app.register(complaintRoutes, {
    complaints: services.complaints,
    workflow: services.complaintWorkflow,
    attachments: services.complaintAttachments,
    identity: services.complaintIdentity,
    notices: services.complaintNotices,
  });
  await app.register(creditRoutes, { credit: services.credit });
  await app.register(caseStatsRoutes, { stats: services.caseStats });
  await app.register(caseApprovalRoutes, { approvals: services.caseApprovals });
  await app.register(caseLeadRoutes, services.caseLeads);
  await app.register(caseRoutes, { cases: services.cases, workflow: services.caseWorkflow });
  await app.register(caseDocumentRoutes, { documents: services.caseDocuments, summary: services.caseSummary });
  await app.register(caseExecRoutes, { exec: services.caseExec });
  await app.register(publicComplaintRoutes, {
    complaints: services.complaints,
    portal: services.publicComplaints,
    attachments: services.complaintAttachments,
    rateLimits: {
      perMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
      uploadsPerMinute: config.PUBLIC_UPLOAD_RATE_LIMIT_PER_MINUTE,
    },
  });
  await app.register(spotCheckRoutes, {
    catalog: services.spotCheckCatalog,
    tasks: services.spotCheckTasks,
    visits: services.spotCheckVisits,
    signatures: services.spotCheckSignatures,
  });
  await app.register(publicSpotCheckRoutes, {
    visits: services.spotCheckVisits,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(searchRoutes, { search: services.search });
  await app.register(disclosureRoutes, { disclosures: services.caseDisclosures });
  await app.register(inboxRoutes, { inbox: services.inbox });
  await app.register(screenRoutes, { screen: services.screen });
  await app.register(rollupRoutes, { rollup: services.rollup, rollupExport: services.rollupExport });
  await app.register(publicPenaltyRoutes, {
    disclosures: services.caseDisclosures,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(publicEntityRoutes, {
    profiles: services.entityProfiles,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(stationRatingRoutes, { ratings: services.stationRatings });
  await app.register(reportRoutes, { reports: services.reports });
  await app.register(equipmentRoutes, {
    equipment: services.equipment,
    exporter: services.equipmentExport,
    imports: services.equipmentImports,
    settings: services.equipmentSettings,
  });
  await app.register(foodRoutes, { food: services.food });
  await app.register(foodImportRoutes, { imports: services.foodImports });
  await app.register(kitchenRoutes, {
    vendors: services.kitchenVendors,
    enrollments: services.kitchenEnrollments,
    alerts: services.kitchenAlerts,
  });
  await app.register(kitchenWebhookRoutes, {
    ingest: services.kitchenIngest,
    snapshotMaxBytes: config.KITCHEN_SNAPSHOT_MAX_BYTES,
  });
  await app.register(foodPlacardRoutes, { placards: services.foodPlacards });
  await app.register(publicPlacardRoutes, {
    placards: services.foodPlacards,
    keys: services.foodPlacardKeys,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  // 特种设备 hazards, 指令书 and lift plates (issue 14 points 3–4)
  await app.register(equipmentHazardRoutes, {
    hazards: services.equipmentHazards,
    directives: services.equipmentDirectives,
    document: services.equipmentDirectiveDocument,
    evidence: services.equipmentEvidenceFiles,
    exporter: services.equipmentHazardExport,
    supervisions: services.equipmentSupervisions,
  });
  await app.register(equipmentPlateRoutes, { plates: services.equipmentPlates });
  await app.register(publicPlateRoutes, {
    plates: services.equipmentPlates,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(foodAppealRoutes, { ...services.foodAppeals, maxBytes: config.FILE_MAX_BYTES });
  await app.register(publicFoodAppealRoutes, {
    portal: services.foodAppeals.portal,
    accessPerMinute: config.FOOD_ACCESS_RATE_LIMIT_PER_MINUTE,
    publicPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
    uploadsPerMinute: config.PUBLIC_UPLOAD_RATE_LIMIT_PER_MINUTE,
    maxBytes: config.FILE_MAX_BYTES,
  });
  await app.register(drugSaleRoutes, {
    sales: services.drugSales,
    monitoring: services.drugSaleMonitoring,
    imports: services.drugSaleImports,
  });
  await app.register(cosmeticsDevicesRoutes, { cd: services.cosmeticsDevices, inspections: services.cdInspections });
  await app.register(publicDrugSaleRoutes, {
    sales: services.drugSales,
    imports: services.drugSaleImports,
    accessPerMinute: config.DRUG_ACCESS_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(foodTierRoutes, { tiers: services.foodTiers, plan: services.foodPlan });
  await app.register(foodHonourRoutes, { honour: services.foodHonour });
  await app.register(publicFoodRoutes, {
    food: services.foodPublic,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(foodInspectionRoutes, { inspections: services.foodInspections });
  await app.register(foodRulesRoutes, { rules: services.foodRules });
  await app.register(foodSamplingRoutes, {
    samples: services.foodSamples,
    plans: services.foodSamplingPlans,
    importResults: services.foodSamplingImport,
    notice: services.foodSamplingNotice,
  });
  await app.register(publicFoodSamplingRoutes, {
    plans: services.foodSamplingPlans,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(pharmacyRoutes, {
    pharmacies: services.pharmacies,
    attendance: services.pharmacyAttendance,
    importAttendance: services.pharmacyAttendanceImport,
    gsp: services.pharmacyGsp,
  });
  await app.register(publicPharmacistRoutes, {
    attendance: services.pharmacyAttendance,
    perMinute: config.PHARMACIST_ACCESS_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(productQualityRoutes, {
    samples: services.productSamples,
    plans: services.productPlans,
    settings: services.productSettings,
    ccc: services.productCcc,
    importResults: services.productImport,
    notice: services.productNotice,
    exporter: services.productSampleExport,
  });
  await app.register(productRecallRoutes, {
    recalls: services.productRecalls,
    exporter: services.productRecallExport,
    alerts: services.productAlerts,
    importAlerts: services.productAlertImport,
    maxUploadBytes: config.FILE_MAX_BYTES,
  });
  await app.register(publicProductRecallRoutes, {
    recalls: services.productRecalls,
    rateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
  });
};
