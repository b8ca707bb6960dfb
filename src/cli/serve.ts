import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { isDatabaseEmpty, loadDemo } from '../demo/demo.ts';
import { loadDemoCases } from '../demo/demo-cases.ts';
import { loadDemoComplaints } from '../demo/demo-complaints.ts';
import { loadDemoCredit } from '../demo/demo-credit-repo.ts';
import { loadDemoDrugSales } from '../demo/demo-drug-sales.ts';
import { loadDemoEquipmentHazards } from '../demo/demo-equipment-hazards-repo.ts';
import { loadDemoEquipment } from '../demo/demo-equipment-repo.ts';
import { loadDemoFoodAppeals } from '../demo/demo-food-appeals.ts';
import { loadDemoFoodHonour } from '../demo/demo-food-honour-repo.ts';
import { loadDemoFoodInspections } from '../demo/demo-food-inspections-repo.ts';
import { loadDemoFood } from '../demo/demo-food-repo.ts';
import { loadDemoFoodSampling } from '../demo/demo-food-sampling-repo.ts';
import { loadDemoFoodTiers } from '../demo/demo-food-tiers.ts';
import { DEMO_KITCHEN_VENDOR, loadDemoKitchen } from '../demo/demo-kitchen-repo.ts';
import { DEMO_PASSWORD, demoUsers } from '../demo/demo-org.ts';
import { loadDemoPharmacies } from '../demo/demo-pharmacies-repo.ts';
import { loadDemoProductQuality } from '../demo/demo-product-quality-repo.ts';
import { loadDemoProductRecalls } from '../demo/demo-product-recalls.ts';
import { loadDemoSpotChecks } from '../demo/demo-spot-checks.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
import { createCalendarService } from '../modules/calendar/service.ts';
import { createComplaintAnalysis } from '../modules/complaints/services/analysis.ts';
import { createFileService } from '../modules/files/service.ts';
import { loadBaseline } from '../modules/org/baseline.ts';
import { logRollupAtBoot } from '../modules/rollup/services/boot-check.ts';
import { createPiiCipher, type PiiCipher, resolveSecret } from '../platform/pii.ts';
import { buildApp } from '../server/app.ts';
import { resolveAuditKey } from '../server/audit-key.ts';
import { loadConfig } from '../server/config.ts';
import { assertSharedKeys } from '../server/deployment-keys.ts';
import { writeSchedules } from '../server/jobs.ts';
import { createShutdown } from './shutdown.ts';

const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Seed 001's district: 51,632 entities, then three years of 12315 items on them. */
export const DEMO_ENTITIES = 51_632;

async function loadDemoData(db: Db, pii: PiiCipher): Promise<void> {
  const started = Date.now();
  let lastShown = -1;
  await loadDemo(
    db,
    (step, done, total) => {
      const pct = Math.floor((done / total) * 10);
      if (step === '市场主体' && pct === lastShown) return;
      lastShown = step === '市场主体' ? pct : -1;
      console.log(`  ${step} ${done.toLocaleString()}/${total.toLocaleString()}`);
    },
    { entities: DEMO_ENTITIES, pii },
  );
  const { complaints } = await loadDemoComplaints(db);
  await createComplaintAnalysis(db).rebuildStats();
  console.log(`  12315 事项 ${complaints.toLocaleString()} 件`);
  const credit = await loadDemoCredit(db);
  console.log(
    `  年报 ${credit.annualReports.toLocaleString()} 份，经营异常名录 ${credit.abnormalListed.toLocaleString()} 户，` +
      `信用风险分类 ${Object.entries(credit.classes)
        .map(([c, n]) => `${c} ${n}`)
        .join(' / ')}（${credit.recomputeSeconds.toFixed(1)} 秒）`,
  );
  const foodStarted = Date.now();
  const food = await loadDemoFood(db, shanghaiToday());
  console.log(
    `  食品经营者 ${food.businesses.toLocaleString()} 户、许可 ${food.licences.toLocaleString()} 份、健康证 ` +
      `${food.certificates.toLocaleString()} 份（${((Date.now() - foodStarted) / 1000).toFixed(1)} 秒）`,
  );
  const fiStarted = Date.now();
  const fi = await loadDemoFoodInspections(db, shanghaiToday());
  console.log(
    `  日常监督检查 ${fi.inspections.toLocaleString()} 次、量化分级 ${fi.grades.toLocaleString()} 条（${((Date.now() - fiStarted) / 1000).toFixed(1)} 秒）`,
  );
  const kitchenStarted = Date.now();
  const kitchen = await loadDemoKitchen(db, pii);
  console.log(
    `  明厨亮灶 ${kitchen.enrolled} 户、摄像头 ${kitchen.cameras} 个、告警 ${kitchen.alerts} 条` +
      `（${((Date.now() - kitchenStarted) / 1000).toFixed(1)} 秒）；演示平台 X-Vendor-Id ` +
      `${DEMO_KITCHEN_VENDOR.code}，密钥 ${DEMO_KITCHEN_VENDOR.secret}（仅演示，试用：npx shijian kitchen-alert-demo）`,
  );
  const sampling = await loadDemoFoodSampling(db, shanghaiToday());
  console.log(
    `  食品抽检 ${sampling.samples.toLocaleString()} 批次（不合格 ${sampling.failed}）、计划 ${sampling.plans} 项`,
  );
  const productStarted = Date.now();
  const product = await loadDemoProductQuality(db, shanghaiToday());
  console.log(
    `  产品质量监督抽查 ${product.samples} 批次（合格 ${product.passed}）、计划 ${product.plans} 项、3C 证书 ${product.certificates} 张、` +
      `免办 ${product.exemptions} 件（${((Date.now() - productStarted) / 1000).toFixed(1)} 秒）`,
  );
  const recallsStarted = Date.now();
  const recalls = await loadDemoProductRecalls(db, shanghaiToday());
  console.log(
    `  缺陷产品召回 ${recalls.recalls} 件；风险通报 ${recalls.alerts} 条，匹配登记主体 ${recalls.matches} 个（匹配 ` +
      `${recalls.importMillis} 毫秒，共 ${((Date.now() - recallsStarted) / 1000).toFixed(1)} 秒）`,
  );
  await loadDemoFoodTiers(db, shanghaiToday());
  const honour = await loadDemoFoodHonour(db, shanghaiToday());
  console.log(`  食品红黑榜 ${honour.lists} 份（上月，已发布）：红榜 ${honour.red} 户、黑榜 ${honour.black} 户`);
  const pharmacyStarted = Date.now();
  const pharmacies = await loadDemoPharmacies(db, shanghaiToday());
  console.log(
    `  零售药店 ${pharmacies.pharmacies} 家、执业药师 ${pharmacies.pharmacists} 名、阳光药师考勤 ` +
      `${pharmacies.days.toLocaleString()} 天（${((Date.now() - pharmacyStarted) / 1000).toFixed(1)} 秒）`,
  );
  const drugStarted = Date.now();
  const drugs = await loadDemoDrugSales(db, pii, shanghaiToday());
  console.log(
    `  重点药品购药登记 ${drugs.registrations.toLocaleString()} 条（近60日）、异常预警 ${drugs.alerts} 条；两品一械经营者 ${drugs.cdBusinesses} 户、不良事件 ${drugs.adverseEvents} 份` +
      `（${((Date.now() - drugStarted) / 1000).toFixed(1)} 秒）`,
  );
  const equipmentStarted = Date.now();
  const eq = await loadDemoEquipment(db, shanghaiToday());
  console.log(
    `  特种设备 ${eq.equipment.toLocaleString()} 台（检验记录 ${eq.inspections.toLocaleString()} 条、维保记录 ` +
      `${eq.maintenance.toLocaleString()} 条，${((Date.now() - equipmentStarted) / 1000).toFixed(1)} 秒）`,
  );
  const calendar = createCalendarService(db);
  console.log(await loadDemoFoodAppeals(db, { today: shanghaiToday(), calendar: await calendar.calendar() }));
  const spotChecks = await loadDemoSpotChecks(db, {
    calendar: calendar.calendar,
    files: createFileService(db, { maxBytes: 1 }),
  });
  console.log(`  双随机抽查 ${spotChecks.visits} 户（一个已完成的联合抽查任务）`);
  const cases = await loadDemoCases(db);
  console.log(`  执法办案 ${cases.cases} 件、案件线索 ${cases.leads} 条（${cases.seconds.toFixed(1)} 秒）`);
  // 特种设备 hazards and orders (issue 14 point 3): after the equipment register's demo, on its lifts.
  const hazardsStarted = Date.now();
  const hazards = await loadDemoEquipmentHazards(db, shanghaiToday());
  console.log(
    `  特种设备隐患 ${hazards.hazards} 条、安全监察指令书 ${hazards.directives} 份（${((Date.now() - hazardsStarted) / 1000).toFixed(1)} 秒）`,
  );
  // PGlite runs no autovacuum: without fresh statistics the planner walks every planned food inspection for an
  // inspector's inbox (10.5 s measured, 0.15 s after ANALYZE).
  // The register (entities, licences, events) was analysed right after its load (settleRegister) and the later steps
  // do not rewrite it: every other table, in one statement.
  const analyzeStarted = Date.now();
  const tables = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename NOT IN ('entities', 'entity_licences', 'entity_events')`,
  );
  await db.exec(`ANALYZE ${tables.map((t) => t.name).join(', ')}`);
  console.log(`  统计信息更新（ANALYZE，${((Date.now() - analyzeStarted) / 1000).toFixed(1)} 秒）`);
  console.log(`演示数据载入完成，用时 ${Math.round((Date.now() - started) / 1000)} 秒`);
}

export async function serve(args: string[]): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  console.log(`数据库：${db.kind === 'pglite' ? `嵌入式 PGlite（${config.DATA_DIR}）` : 'PostgreSQL 服务器'}`);
  await migrate(db, (m) => console.log(`  ${m}`));
  // Before anything is written with them: every node on this database must hold the same keys.
  await assertSharedKeys(db, { SECRET_KEY: resolveSecret(config), AUDIT_KEY: resolveAuditKey(config) });
  // A province: each subscribed city's schema version, said plainly at boot; the app serves either way.
  await logRollupAtBoot(db, (line) => console.warn(line));

  // The embedded database is the demo install; a real server gets demo data only when asked.
  const wantDemo = args.includes('--demo') || (db.kind === 'pglite' && !args.includes('--no-demo'));
  if (await isDatabaseEmpty(db)) {
    if (wantDemo) {
      console.log('首次启动，正在载入演示数据（示范区：组织机构、约5.2万户市场主体、三年12315事项）……');
      await loadDemoData(db, createPiiCipher(resolveSecret(config)));
      console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：${demoUsers.map((u) => u.username).join(', ')}`);
    } else {
      const { password } = await loadBaseline(db);
      console.log(`首次启动：已创建管理员 admin，初始密码 ${password}（只显示这一次，请登录后修改）`);
    }
  }

  const { server, services } = await buildApp({ config, db, webDist, soleDatabaseUser: db.kind === 'pglite' });
  await writeSchedules(db, services.jobDefinitions);
  // The screen's rollup is refreshed every 5 minutes; a stale one (the server was down) is refreshed at once.
  await services.screen.enqueueIfStale();
  if (config.WORKERS) services.jobRunner.start();
  await server.listen({ port: config.PORT, host: config.HOST });
  console.log(`Shijian 已启动：http://localhost:${config.PORT}  （接口文档 /api/docs）`);

  const shutdown = createShutdown({
    steps: [() => services.jobRunner.stop(), () => server.close(), () => db.close()],
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    log: (message) => console.log(message),
    exit: (code) => process.exit(code),
  });
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
