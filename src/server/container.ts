import type { Db } from '../db/client.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
// Each module's resource kinds, registered with the access policy before any service runs (the access matrix
// covers every registered kind).
import '../modules/audit/access.ts';
import '../modules/cases/access.ts';
import '../modules/cosmetics-devices/access.ts';
import '../modules/credit/access.ts';
import '../modules/drug-sales/access.ts';
import '../modules/entities/access.ts';
import '../modules/equipment/access.ts';
import '../modules/food/access.ts';
import '../modules/food-public/access.ts';
import '../modules/food-sampling/access.ts';
import '../modules/pharmacies/access.ts';
import '../modules/product-quality/access.ts';
import '../modules/product-recalls/access.ts';
import '../modules/files/access.ts';
import '../modules/jobs/access.ts';
import '../modules/notifications/access.ts';
import '../modules/org/access.ts';
import '../modules/station-rating/access.ts';
import { type CheckpointLog, createAuditCheckpoints } from '../modules/audit/checkpoints.ts';
import { auditJobs } from '../modules/audit/jobs.ts';
import { createAuditService } from '../modules/audit/service.ts';
import { authJobs } from '../modules/auth/jobs.ts';
import { createAuthService } from '../modules/auth/service.ts';
import { createCalendarService } from '../modules/calendar/service.ts';
import { caseExecJobs } from '../modules/cases/exec-jobs.ts';
import { createCaseExec } from '../modules/cases/exec-service.ts';
import { caseSearchProvider } from '../modules/cases/global-search.ts';
import { caseDisclosureJobs } from '../modules/cases/jobs.ts';
import { casePendingItems } from '../modules/cases/pending.ts';
import { caseReportFigures } from '../modules/cases/report-figures.ts';
import { caseScreenFigures } from '../modules/cases/screen.ts';
import { createApprovalEngine } from '../modules/cases/services/approvals.ts';
import { createCaseWorkflow } from '../modules/cases/services/case-workflow.ts';
import { createCaseQueries } from '../modules/cases/services/cases.ts';
import { createDisclosureService, onCaseDecided, onDecisionAnnulled } from '../modules/cases/services/disclosures.ts';
import { createCaseDocumentService, issueDocument } from '../modules/cases/services/documents.ts';
import { createCaseLeadServices } from '../modules/cases/services/lead-module.ts';
import { onCaseClosed, onCaseFiled } from '../modules/cases/services/lead-outcomes.ts';
import { getCaseSettings } from '../modules/cases/services/settings.ts';
import { createCaseStats } from '../modules/cases/services/stats.ts';
import { createSummaryService } from '../modules/cases/services/summary.ts';
import { caseStatsJobs } from '../modules/cases/stats-jobs.ts';
import { complaintSearchProvider } from '../modules/complaints/global-search.ts';
import { complaintJobs } from '../modules/complaints/jobs.ts';
import { complaintPendingItems } from '../modules/complaints/pending.ts';
import { complaintReportFigures } from '../modules/complaints/report-figures.ts';
import { complaintScreenFigures } from '../modules/complaints/screen.ts';
import { createComplaintAnalysis } from '../modules/complaints/services/analysis.ts';
import { createComplaintAttachments } from '../modules/complaints/services/attachments.ts';
import { createComplaintService } from '../modules/complaints/services/complaints.ts';
import { createComplaintIdentity } from '../modules/complaints/services/identity.ts';
import { createComplaintNotices } from '../modules/complaints/services/notices.ts';
import { createOpen311 } from '../modules/complaints/services/open311.ts';
import { createPublicComplaints } from '../modules/complaints/services/public.ts';
import { createComplaintWorkflow } from '../modules/complaints/services/workflow.ts';
import { createCdInspectionService } from '../modules/cosmetics-devices/inspections.ts';
import { createCosmeticsDevices } from '../modules/cosmetics-devices/service.ts';
import { creditJobs } from '../modules/credit/jobs.ts';
import { creditPendingItems } from '../modules/credit/pending.ts';
import { creditReportFigures } from '../modules/credit/report-figures.ts';
import { creditScreenFigures } from '../modules/credit/screen.ts';
import { createCreditService } from '../modules/credit/service.ts';
import { drugSaleJobs } from '../modules/drug-sales/jobs.ts';
import { drugSalePendingItems } from '../modules/drug-sales/pending.ts';
import { createSaleImport } from '../modules/drug-sales/services/import.ts';
import { createDrugSaleMonitoring } from '../modules/drug-sales/services/monitoring.ts';
import { createDrugSales } from '../modules/drug-sales/services/sales.ts';
import { createEntityExportService } from '../modules/entities/export/service.ts';
import { entitySearchProvider } from '../modules/entities/global-search.ts';
import { createEntityImportService } from '../modules/entities/import/service.ts';
import { entityJobs } from '../modules/entities/jobs.ts';
import { createPublicEntities } from '../modules/entities/public.ts';
import { entityReportFigures } from '../modules/entities/report-figures.ts';
import { entityScreenFigures } from '../modules/entities/screen.ts';
import { createEntityService } from '../modules/entities/service.ts';
import { createEntityProfileService } from '../modules/entity-profile/service.ts';
import { equipmentJobs } from '../modules/equipment/jobs.ts';
import { equipmentPendingItems } from '../modules/equipment/pending.ts';
import { findEquipment, lastInspectionFailed } from '../modules/equipment/published.ts';
import { createEquipmentService } from '../modules/equipment/services/equipment.ts';
import { createEquipmentExport } from '../modules/equipment/services/export.ts';
import { createEquipmentImports } from '../modules/equipment/services/imports.ts';
import { createEquipmentSettings } from '../modules/equipment/services/settings.ts';
import { createFileService } from '../modules/files/service.ts';
import { foodSearchProvider } from '../modules/food/global-search.ts';
import { foodPendingItems } from '../modules/food/pending.ts';
import { createFoodService } from '../modules/food/services/food.ts';
import { createFoodImports } from '../modules/food/services/imports.ts';
import { foodAppealPendingItems } from '../modules/food-appeals/pending.ts';
import { createFoodAppealServices } from '../modules/food-appeals/services/index.ts';
import { foodInspectionJobs } from '../modules/food-inspections/jobs.ts';
import { createFoodInspectionService } from '../modules/food-inspections/services/inspections.ts';
import { kitchenPendingItems } from '../modules/food-kitchen/pending.ts';
import { createKitchenAlerts } from '../modules/food-kitchen/services/alerts.ts';
import { createKitchenEnrollments } from '../modules/food-kitchen/services/enrollments.ts';
import { createKitchenIngest } from '../modules/food-kitchen/services/ingest.ts';
import { createKitchenVendors } from '../modules/food-kitchen/services/vendors.ts';
import { createPlacardService } from '../modules/food-placards/services/placards.ts';
import { foodHonourPendingItems } from '../modules/food-public/pending.ts';
import { createHonourService } from '../modules/food-public/services/honour.ts';
import { createFoodPublicService } from '../modules/food-public/services/public.ts';
import { createFoodRulesService } from '../modules/food-rules/service.ts';
import { samplingFailuresForHonour } from '../modules/food-sampling/honour-failures.ts';
import { foodSamplingPendingItems } from '../modules/food-sampling/pending.ts';
import { createSampleNotice } from '../modules/food-sampling/services/notice.ts';
import { createSamplingPlanService } from '../modules/food-sampling/services/plans.ts';
import { createResultImport } from '../modules/food-sampling/services/result-import.ts';
import { createSampleService } from '../modules/food-sampling/services/samples.ts';
import { foodTierJobs } from '../modules/food-tiers/jobs.ts';
import { createSigningKeys } from '../modules/signing/published.ts';
import '../modules/equipment-hazards/access.ts';
import { equipmentHazardJobs } from '../modules/equipment-hazards/jobs.ts';
import { equipmentHazardPendingItems } from '../modules/equipment-hazards/pending.ts';
import { createDirectiveService } from '../modules/equipment-hazards/services/directives.ts';
import { createDirectiveDocument } from '../modules/equipment-hazards/services/document.ts';
import { createEvidenceFiles } from '../modules/equipment-hazards/services/evidence.ts';
import { createHazardExport } from '../modules/equipment-hazards/services/export.ts';
import { createHazardService } from '../modules/equipment-hazards/services/hazards.ts';
import { createSupervisionService } from '../modules/equipment-hazards/services/supervisions.ts';
import '../modules/equipment-plates/access.ts';
import { createPlateService } from '../modules/equipment-plates/service.ts';
import { foodPlanPendingItems } from '../modules/food-tiers/pending.ts';
import { createFoodPlanService } from '../modules/food-tiers/services/plan.ts';
import { createFoodTierService } from '../modules/food-tiers/services/tiers.ts';
import { createHealthService } from '../modules/health/service.ts';
import { createInboxService } from '../modules/inbox/service.ts';
import { createJobRunner } from '../modules/jobs/runner.ts';
import { createJobService } from '../modules/jobs/service.ts';
import { notificationJobs } from '../modules/notifications/jobs.ts';
import { createNotificationService } from '../modules/notifications/service.ts';
import { userSearchProvider } from '../modules/org/global-search.ts';
import { orgScreenFigures } from '../modules/org/screen.ts';
import { createOrgService } from '../modules/org/service.ts';
import { pharmacyJobs } from '../modules/pharmacies/jobs.ts';
import { pharmacyPendingItems } from '../modules/pharmacies/pending.ts';
import { createAttendanceService } from '../modules/pharmacies/services/attendance.ts';
import { createAttendanceImport } from '../modules/pharmacies/services/attendance-import.ts';
import { createGspService } from '../modules/pharmacies/services/gsp.ts';
import { createPharmacyService } from '../modules/pharmacies/services/pharmacies.ts';
import { productQualityPendingItems } from '../modules/product-quality/pending.ts';
import { createCccService } from '../modules/product-quality/services/ccc.ts';
import { createProductSampleExport } from '../modules/product-quality/services/export.ts';
import { createProductNotice } from '../modules/product-quality/services/notice.ts';
import { createProductPlanService } from '../modules/product-quality/services/plans.ts';
import { createProductResultImport } from '../modules/product-quality/services/result-import.ts';
import { createProductSampleService } from '../modules/product-quality/services/samples.ts';
import { createProductSettingsService } from '../modules/product-quality/services/settings.ts';
import { productAlertPendingItems } from '../modules/product-recalls/pending.ts';
import { createAlertImport } from '../modules/product-recalls/services/alert-import.ts';
import { createAlertService } from '../modules/product-recalls/services/alerts.ts';
import { createRecallExport } from '../modules/product-recalls/services/export.ts';
import { createRecallService } from '../modules/product-recalls/services/recalls.ts';
import { createReportService } from '../modules/reports/service.ts';
import { createRollupService } from '../modules/rollup/services/regions.ts';
import { createRegionsExport } from '../modules/rollup/services/regions-export.ts';
import { screenJobs } from '../modules/screen/jobs.ts';
import { createScreenService } from '../modules/screen/service.ts';
import { createSearchService } from '../modules/search/service.ts';
import { spotCheckPendingItems } from '../modules/spot-checks/pending.ts';
import { spotCheckReportFigures } from '../modules/spot-checks/report-figures.ts';
import { spotCheckScreenFigures } from '../modules/spot-checks/screen.ts';
import { createCatalogService } from '../modules/spot-checks/services/catalog.ts';
import { createTaskService } from '../modules/spot-checks/services/tasks.ts';
import { createVisitSignatureService } from '../modules/spot-checks/services/visit-signatures.ts';
import { createVisitService } from '../modules/spot-checks/services/visits.ts';
import { stationRatingPendingItems } from '../modules/station-rating/pending.ts';
import { createStationRatingService } from '../modules/station-rating/service.ts';
import { findCjkFont } from '../platform/pdf.ts';
import { createPiiCipher, resolveSecret } from '../platform/pii.ts';
import { resolveAuditKey } from './audit-key.ts';
import { foodAppealPolicy, importLimits, type TConfig } from './config.ts';
import { registerJobs } from './jobs.ts';

/** The one place where real dependencies are wired together; `now` lets tests move the clock of caches. */
export function createServices(
  db: Db,
  config: TConfig,
  opts: { now?: () => Date; log?: CheckpointLog; soleDatabaseUser?: boolean; readDb?: Db } = {},
) {
  const log = opts.log;
  // Read-only work (analysis, exports, portal and open data, screen, search) may be served by a streaming replica
  // (src/db/read-router.ts); without DATABASE_READ_URL it is the primary. Everything else reads and writes `db`.
  const readDb = opts.readDb ?? db;
  const jobRunner = createJobRunner(db, {
    pollMs: config.JOB_POLL_MS,
    soleDatabaseUser: opts.soleDatabaseUser,
    log: (msg, err) => log?.error({ err }, msg),
  });
  const pii = createPiiCipher(resolveSecret(config));
  const auditCheckpoints = createAuditCheckpoints(db, {
    key: resolveAuditKey(config),
    every: config.AUDIT_CHECKPOINT_EVERY,
    log,
  });
  const calendar = createCalendarService(db, opts.now);
  const complaintDeps = { pii, calendar: calendar.calendar };
  const complaints = createComplaintService(db, complaintDeps);
  const complaintWorkflow = createComplaintWorkflow(db, complaintDeps, complaints);
  const complaintAnalysis = createComplaintAnalysis(readDb);
  const caseStats = createCaseStats(readDb, opts.now);
  const files = createFileService(db, { maxBytes: config.FILE_MAX_BYTES });
  const jobs = createJobService(db);
  const credit = createCreditService(db, {
    files,
    jobs,
    fontConfig: config,
    recomputeParallel: config.CREDIT_RECOMPUTE_PARALLEL,
  });
  const caseApprovals = createApprovalEngine(db);
  const caseLeads = createCaseLeadServices(db, { calendar: calendar.calendar, approvals: caseApprovals, pii });
  const caseWorkflow = createCaseWorkflow(db, {
    approvals: caseApprovals,
    calendar: calendar.calendar,
    settings: getCaseSettings,
    now: opts.now,
    hooks: { onCaseFiled, onCaseClosed, onCaseDecided, onDecisionAnnulled },
    documents: { issueDocument },
  });
  const caseExec = createCaseExec(db, {
    files,
    calendar: calendar.calendar,
    workflow: caseWorkflow,
    today: () => shanghaiToday(opts.now?.() ?? new Date()),
  });
  const spotCheckCatalog = createCatalogService(db);
  const complaintAttachments = createComplaintAttachments(db, { files, complaints });
  const entityImports = createEntityImportService(db, { pii, jobs, limits: importLimits(config) });
  const caseDisclosures = createDisclosureService(db, { now: opts.now });
  const spotCheckVisits = createVisitService(db, { calendar: calendar.calendar, files });
  const notifications = createNotificationService(db, { now: opts.now });
  const kitchenVendors = createKitchenVendors(db, { pii });
  const kitchenIngest = createKitchenIngest(db, {
    vendors: kitchenVendors,
    files,
    calendar: calendar.calendar,
    now: opts.now,
    config: {
      replayWindowSeconds: config.KITCHEN_REPLAY_WINDOW_SECONDS,
      snapshotMaxBytes: config.KITCHEN_SNAPSHOT_MAX_BYTES,
      dedupeMinutes: config.KITCHEN_DEDUPE_MINUTES,
      followupAlerts: config.KITCHEN_FOLLOWUP_ALERTS,
      caseLeadAlerts: config.KITCHEN_CASE_LEAD_ALERTS,
      windowDays: config.KITCHEN_ESCALATION_DAYS,
      immediateFollowup: ['rodent'],
      followupWorkingDays: 3,
    },
  });
  const today = () => shanghaiToday(opts.now?.() ?? new Date());
  const foodTiers = createFoodTierService(db, { today });
  const foodPlan = createFoodPlanService(db, { today, calendar: calendar.calendar, tiers: foodTiers });
  // 智慧大脑: every module with figures on the leader's screen registers its provider here (src/modules/screen).
  const screen = createScreenService(
    readDb,
    [
      orgScreenFigures(),
      entityScreenFigures(),
      complaintScreenFigures(),
      creditScreenFigures(),
      spotCheckScreenFigures(),
      caseScreenFigures(),
    ],
    { now: opts.now, enqueue: (kind) => jobs.enqueue({ kind, payload: {} }) },
  );

  const foodRules = createFoodRulesService(db);
  const foodInspections = createFoodInspectionService(db, {
    calendar: calendar.calendar,
    jobs,
    rules: foodRules,
    now: opts.now,
  });
  // 特种设备 (issue 14)
  const equipment = createEquipmentService(db, { now: opts.now });
  const productSamples = createProductSampleService(db, { calendar: calendar.calendar, now: opts.now });
  const equipmentSettings = createEquipmentSettings(db, { now: opts.now });
  // 特种设备 hazards and 指令书 (issue 14 point 3)
  const equipmentDirectives = createDirectiveService(db, { calendar: calendar.calendar, now: opts.now });
  const equipmentHazards = createHazardService(db, {
    calendar: calendar.calendar,
    now: opts.now,
    lastInspectionFailed: (id) => lastInspectionFailed(db, id),
  });
  const pharmacyAttendance = createAttendanceService(db, {
    geofenceMetres: config.PHARMACY_GEOFENCE_METRES,
    now: opts.now,
  });
  const drugSaleMonitoring = createDrugSaleMonitoring(db, { now: opts.now });
  const jobDefinitions = [
    ...authJobs(db, { sessionIdleMinutes: config.SESSION_IDLE_MINUTES }),
    ...auditJobs(auditCheckpoints),
    ...complaintJobs({
      workflow: complaintWorkflow,
      analysis: complaintAnalysis,
      attachments: complaintAttachments,
      uploadUnclaimedHours: config.UPLOAD_UNCLAIMED_HOURS,
    }),
    ...creditJobs(credit.risk),
    ...caseExecJobs(caseExec, config.UPLOAD_UNCLAIMED_HOURS),
    ...entityJobs(entityImports),
    ...caseStatsJobs({ stats: caseStats }),
    ...caseDisclosureJobs(caseDisclosures),
    ...notificationJobs(notifications),
    ...screenJobs(screen),
    ...foodTierJobs(foodTiers),
    ...foodInspectionJobs(foodInspections),
    ...equipmentJobs(equipmentSettings),
    // 特种设备 hazards (issue 14 point 3)
    ...equipmentHazardJobs(equipmentDirectives),
    ...pharmacyJobs(pharmacyAttendance),
    ...drugSaleJobs(drugSaleMonitoring),
  ];
  registerJobs(jobRunner, jobDefinitions);

  // "My pending items": every module with steps that fall due registers its provider here (src/modules/inbox).
  const rollup = createRollupService(db, { now: opts.now });
  const inbox = createInboxService(
    [
      complaintPendingItems(db),
      spotCheckPendingItems(db),
      creditPendingItems(db),
      casePendingItems(db, caseApprovals),
      stationRatingPendingItems(db),
      foodPendingItems(db),
      kitchenPendingItems(db),
      foodAppealPendingItems(db),
      foodPlanPendingItems(db),
      foodSamplingPendingItems(db),
      equipmentHazardPendingItems(db),
      productQualityPendingItems(db),
      productAlertPendingItems(db),
      foodHonourPendingItems(db, { publishByDay: config.FOOD_HONOUR_PUBLISH_BY_DAY }),
      equipmentPendingItems(db),
      pharmacyPendingItems(db),
      drugSalePendingItems(db),
    ],
    { now: opts.now },
  );

  const org = createOrgService(db);
  // One Ed25519 signing service for every signed QR code (食品公示牌, 电梯使用标志).
  const signingKeys = createSigningKeys(db, { signingKey: config.PLACARD_SIGNING_KEY, pii });
  const foodPlacardKeys = signingKeys;
  // 工作总结: every module with figures for the annual report registers its provider here (src/modules/reports).
  const reports = createReportService(
    [
      entityReportFigures(db),
      complaintReportFigures(db),
      spotCheckReportFigures(db),
      creditReportFigures(db),
      caseReportFigures(db),
    ],
    { units: () => org.listUnits(), font: () => findCjkFont(config), now: opts.now },
  );

  return {
    db,
    pii,
    reports,
    auth: createAuthService(db, {
      sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
      loginMaxFailures: config.LOGIN_MAX_FAILURES,
      loginLockMinutes: config.LOGIN_LOCK_MINUTES,
    }),
    org,
    health: createHealthService(db, { now: opts.now }),
    audit: createAuditService(db, auditCheckpoints),
    auditCheckpoints,
    calendar,
    jobs,
    jobRunner,
    jobDefinitions,
    files,
    entities: createEntityService(db, { pii }),
    entityImports,
    entityExports: createEntityExportService(readDb),
    complaints,
    complaintWorkflow,
    complaintAttachments,
    complaintIdentity: createComplaintIdentity(db, { pii, complaints }),
    complaintNotices: createComplaintNotices(db, { complaints, font: () => findCjkFont(config) }),
    publicComplaints: createPublicComplaints(readDb),
    open311: createOpen311(readDb, { complaints }),
    complaintAnalysis,
    caseStats,
    credit,
    caseApprovals,
    caseLeads,
    caseWorkflow,
    cases: createCaseQueries(db, { now: opts.now }),
    caseExec,
    kitchenVendors,
    kitchenIngest,
    kitchenEnrollments: createKitchenEnrollments(db),
    kitchenAlerts: createKitchenAlerts(db, { files }),
    spotCheckCatalog,
    spotCheckTasks: createTaskService(db, spotCheckCatalog, { drawParallel: config.DRAW_PARALLEL }),
    spotCheckVisits,
    spotCheckSignatures: createVisitSignatureService(db, {
      visits: spotCheckVisits,
      files,
      font: () => findCjkFont(config),
    }),
    caseDocuments: createCaseDocumentService(db, { font: () => findCjkFont(config) }),
    caseSummary: createSummaryService(db, {
      pii,
      calendar: calendar.calendar,
      today: () => shanghaiToday(opts.now?.()),
    }),
    caseDisclosures,
    entityProfiles: createEntityProfileService({
      entities: createPublicEntities(readDb),
      credit,
      spotChecks: spotCheckVisits,
      penalties: caseDisclosures,
      now: opts.now,
    }),
    inbox,
    notifications,
    screen,
    rollup,
    rollupExport: createRegionsExport(db, rollup),
    stationRatings: createStationRatingService(db, { files }),
    equipment,
    equipmentExport: createEquipmentExport(readDb, equipment),
    equipmentImports: createEquipmentImports(db, { limits: importLimits(config), now: opts.now }),
    equipmentSettings,
    food: createFoodService(db, { calendar: calendar.calendar, now: opts.now }),
    foodImports: createFoodImports(db, { calendar: calendar.calendar, limits: importLimits(config) }),
    foodPlacardKeys,
    signingKeys,
    // 特种设备 hazards, 指令书 and lift plates (issue 14 points 3–4), reading the register's inspections and 维保.
    equipmentHazards,
    equipmentHazardExport: createHazardExport(readDb),
    equipmentEvidenceFiles: createEvidenceFiles(db, { files }),
    equipmentSupervisions: createSupervisionService(db, {
      hazards: equipmentHazards,
      calendar: calendar.calendar,
      now: opts.now,
    }),
    equipmentDirectives,
    equipmentDirectiveDocument: createDirectiveDocument(db, { font: () => findCjkFont(config) }),
    equipmentPlates: createPlateService(db, {
      keys: signingKeys,
      now: opts.now,
      lastMaintenanceOf: async (id) => (await findEquipment(db, id))?.lastMaintainedOn ?? null,
    }),
    foodPlacards: createPlacardService(db, {
      keys: foodPlacardKeys,
      font: () => findCjkFont(config),
      now: opts.now,
    }),
    foodAppeals: createFoodAppealServices(db, {
      calendar: calendar.calendar,
      policy: foodAppealPolicy(config),
      files,
      now: opts.now,
    }),
    foodTiers,
    foodPlan,
    foodHonour: createHonourService(db, { now: opts.now, samplingFailures: samplingFailuresForHonour }),
    foodPublic: createFoodPublicService(readDb, { now: opts.now }),
    foodInspections,
    foodRules,
    pharmacies: createPharmacyService(db, { geofenceMetres: config.PHARMACY_GEOFENCE_METRES, now: opts.now }),
    pharmacyAttendance,
    pharmacyAttendanceImport: createAttendanceImport(db, { limits: importLimits(config) }),
    pharmacyGsp: createGspService(db, { calendar: calendar.calendar, now: opts.now }),
    foodSamples: createSampleService(db, {
      calendar: calendar.calendar,
      deadlines: {
        deliveryWorkingDays: config.FOOD_SAMPLING_DELIVERY_WORKING_DAYS,
        resultWorkingDays: config.FOOD_SAMPLING_RESULT_WORKING_DAYS,
        retestWorkingDays: config.FOOD_SAMPLING_RETEST_WORKING_DAYS,
        disposalDays: config.FOOD_SAMPLING_DISPOSAL_DAYS,
      },
      now: opts.now,
    }),
    foodSamplingPlans: createSamplingPlanService(db),
    foodSamplingNotice: createSampleNotice(db, {
      font: () => findCjkFont(config),
      retestWorkingDays: config.FOOD_SAMPLING_RETEST_WORKING_DAYS,
    }),
    foodSamplingImport: createResultImport(db, { limits: importLimits(config), now: opts.now }),
    drugSales: createDrugSales(db, { pii, now: opts.now }),
    drugSaleMonitoring,
    cosmeticsDevices: createCosmeticsDevices(db, { now: opts.now }),
    cdInspections: createCdInspectionService(db, { calendar: calendar.calendar, now: opts.now }),
    drugSaleImports: createSaleImport(db, { pii, now: opts.now, limits: importLimits(config) }),
    // 产品质量监督抽查 and 3C (issue 14, points 10–11).
    productSamples,
    productSampleExport: createProductSampleExport(readDb, productSamples),
    productPlans: createProductPlanService(db),
    productSettings: createProductSettingsService(db),
    productCcc: createCccService(db, { now: opts.now }),
    productNotice: createProductNotice(db, { font: () => findCjkFont(config) }),
    productImport: createProductResultImport(db, { limits: importLimits(config), now: opts.now }),
    productRecalls: createRecallService(db, { files, now: opts.now }),
    productRecallExport: createRecallExport(readDb, { now: opts.now }),
    productAlerts: createAlertService(db, { calendar: calendar.calendar }),
    productAlertImport: createAlertImport(db, { limits: importLimits(config), now: opts.now }),
    // The header search: one provider per module, each scoped by its own access kind.
    search: createSearchService([
      entitySearchProvider(readDb, { pii }),
      complaintSearchProvider(readDb),
      caseSearchProvider(readDb),
      userSearchProvider(readDb),
      foodSearchProvider(readDb),
    ]),
  };
}

export type Services = ReturnType<typeof createServices>;
