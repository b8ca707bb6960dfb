import { loadDemoCases } from '../../src/demo/demo-cases.ts';
import { copyDemoComplaints, demoComplaintTotal } from '../../src/demo/demo-complaints-copy.ts';
import { seedCreditFacts } from '../../src/demo/demo-credit-repo.ts';
import { settleRegister } from '../../src/demo/demo-entities-load.ts';
import { createComplaintAnalysis } from '../../src/modules/complaints/services/analysis.ts';
import type { ResultRow } from './report.ts';
import { loadBenchRegister, type ScenarioContext } from './scenario.ts';
import { loadStep } from './steps.ts';

/**
 * City-scale data behind the role home pages, loaded once into a kept database (`--reuse`): each step is recorded in
 * `bench_steps` and skipped when a rerun finds it done. Everything after the register and the 12315 items' COPY is
 * set-based SQL (generate_series, INSERT … SELECT), never row by row.
 */
export interface HomeDataOptions {
  today: string;
  /** 12315 items over three years (≈ 1 M). */
  complaints: number;
  /** Closed cases a year (open ones scale with it). */
  casesPerYear: number;
}

const step = (ctx: ScenarioContext, rows: ResultRow[], name: string, fn: () => Promise<number | undefined>) =>
  loadStep(ctx, rows, 'home', name, fn);

const exec = async (ctx: ScenarioContext, sql: string, params: unknown[] = []) =>
  (await ctx.db.query<{ n: number }>(sql, params))[0]?.n ?? 0;

/** Loads (or finds) the register, 12315 items with their clocks, cases, spot-check visits, credit and notifications. */
export async function loadHomeData(ctx: ScenarioContext, o: HomeDataOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const { db } = ctx;
  await step(ctx, rows, 'register', async () => {
    await loadBenchRegister(ctx);
    return ctx.entities;
  });
  await step(ctx, rows, 'bench users', () => benchUsers(ctx));
  await step(ctx, rows, '12315 items', async () => {
    // copyDemoComplaints' total is linear in perYear: scale it to the wanted total.
    const perYear = Math.round((100_000 * o.complaints) / demoComplaintTotal(100_000, 3, o.today));
    return (await copyDemoComplaints(db, { perYear, years: 3, today: o.today })).complaints;
  });
  await step(ctx, rows, '12315 backlog, handlers and clocks', () => complaintClocks(ctx, o.today));
  await step(ctx, rows, 'cases', async () => {
    const r = await loadDemoCases(db, {
      today: o.today,
      closedPerYear: o.casesPerYear,
      openScale: Math.max(1, Math.round(o.casesPerYear / 1000)),
    });
    return r.cases;
  });
  await step(ctx, rows, 'spot-check visits', () => spotCheckVisits(ctx, o.today));
  await step(ctx, rows, 'credit facts and pending decisions', async () => {
    await db.transaction((tx) => seedCreditFacts(tx, o.today));
    return pendingCredit(ctx, o.today);
  });
  await step(ctx, rows, 'notifications', () => notifications(ctx));
  await step(ctx, rows, '12315 monthly rollup', async () => {
    await createComplaintAnalysis(db).rebuildStats();
    await db.exec('ANALYZE');
    return undefined;
  });
  await step(ctx, rows, 'VACUUM (ANALYZE)', async () => {
    await settleRegister(db);
    await db.exec('VACUUM (ANALYZE)');
    return undefined;
  });
  return rows;
}

/**
 * A city's staff: 12 handlers per station (12315 and cases) and 6 per department, beside the demo accounts, with the
 * demo inspector's password hash (they never sign in; they own items and receive notifications).
 */
async function benchUsers(ctx: ScenarioContext): Promise<number> {
  return exec(
    ctx,
    `WITH ins AS (
       INSERT INTO users (username, display_name, unit_id, password_hash)
       SELECT o.code || '.h' || g, o.name || '经办人' || g, o.id,
              (SELECT password_hash FROM users WHERE username = 'admin')
         FROM org_units o CROSS JOIN generate_series(1, 12) g
        WHERE o.kind = 'station' OR (o.kind = 'department' AND g <= 6)
       RETURNING id)
     SELECT count(*)::int AS n FROM ins`,
  );
}

/**
 * The 12315 items' handlers and legal clocks. The demo's draws close nearly everything older than ten days; a city
 * carries a backlog: 6 % of the complaints of the last 120 days stay in mediation (60-day clock from acceptance, some
 * overdue) and 4 % of the reports of the last 60 days stay under verification. Every item gets its intake clock
 * (met for all but the newly received), handled by one of its station's people (the demo chief, inspector and
 * the bench handlers).
 */
async function complaintClocks(ctx: ScenarioContext, today: string): Promise<number> {
  await ctx.db.query(
    `UPDATE complaints SET status = 'mediating'
      WHERE kind = 'complaint' AND status = 'closed' AND received_on > $1::date - 120 AND mod(id * 7919, 100) < 6`,
    [today],
  );
  await ctx.db.query(
    `UPDATE complaints SET status = 'verifying'
      WHERE kind = 'report' AND status = 'closed' AND received_on > $1::date - 60 AND mod(id * 7919, 100) < 4`,
    [today],
  );
  await ctx.db.exec(`
    CREATE TEMP TABLE station_staff AS
      SELECT u.unit_id AS station_id, array_agg(u.id ORDER BY u.id) AS ids
        FROM users u JOIN org_units o ON o.id = u.unit_id AND o.kind = 'station' GROUP BY u.unit_id;
    UPDATE complaints c SET handler_id = s.ids[1 + mod(c.id, cardinality(s.ids))]
      FROM station_staff s WHERE s.station_id = c.station_id;
    DROP TABLE station_staff;`);
  const intake = await exec(
    ctx,
    `WITH ins AS (
       INSERT INTO complaint_deadlines (complaint_id, step, started_on, due_on, met_at)
       SELECT c.id, CASE c.kind WHEN 'complaint' THEN 'acceptance' WHEN 'report' THEN 'reportVerification'
                                ELSE 'inquiryAnswer' END,
              c.received_on, c.received_on + CASE c.kind WHEN 'report' THEN 21 ELSE 9 END,
              CASE WHEN c.status = 'received' OR (c.kind = 'report' AND c.status = 'verifying') THEN NULL
                   ELSE c.received_at + interval '1 day' END
         FROM complaints c
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
  );
  const mediation = await exec(
    ctx,
    `WITH ins AS (
       INSERT INTO complaint_deadlines (complaint_id, step, started_on, due_on)
       SELECT id, 'mediation', received_on + 1, received_on + 61 FROM complaints WHERE status = 'mediating'
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
  );
  await ctx.db.exec('ANALYZE complaints; ANALYZE complaint_deadlines');
  return intake + mediation;
}

/**
 * 双随机 over the year: ≈ 360 bench inspectors beside the demo's, and four plans of ≈ 2 % of the register each
 * (a visit per drawn entity, two inspectors of its station; the demo inspector of the station in every tenth).
 * The first half-year's plan is published; the second's visits are inspected (some waiting for 公示, some overdue)
 * or still assigned past the period (overdue); the plan ending this week and the one ending with the year are
 * mostly assigned.
 */
async function spotCheckVisits(ctx: ScenarioContext, today: string): Promise<number> {
  const { db } = ctx;
  await db.exec(`
    INSERT INTO spot_check_inspectors (name, department_id, station_id, qualifications)
    SELECT '检查员' || g, d.id, s.id, '{行政执法证}'
      FROM generate_series(1, 6) g
      CROSS JOIN (SELECT id FROM org_units WHERE kind = 'department' LIMIT 5) d
      CROSS JOIN (SELECT id FROM org_units WHERE kind = 'station') s;`);
  const weekEnd = await db.query<{ d: string }>(
    `SELECT ($1::date + (7 - extract(isodow FROM $1::date)::int))::text AS d`,
    [today],
  );
  const year = today.slice(0, 4);
  const plans: [string, string, string][] = [
    [`${year}年上半年双随机`, `${year}-01-01`, `${year}-06-30`],
    [`${year}年下半年第一批`, `${year}-07-01`, `${year}-11-30`],
    [`${year}年第四季度专项`, `${year}-10-01`, weekEnd[0]!.d],
    [`${year}年下半年第二批`, `${year}-08-01`, `${year}-12-31`],
  ];
  let n = 0;
  for (const [i, [name, start, end]] of plans.entries()) {
    n += await exec(
      ctx,
      `WITH plan AS (
         INSERT INTO spot_check_plans (name, period_start, period_end, owner_unit_id)
         VALUES ($1, $2, $3, (SELECT id FROM org_units WHERE kind = 'bureau' LIMIT 1)) RETURNING id),
       staff AS (
         SELECT station_id, array_agg(id ORDER BY id) FILTER (WHERE user_id IS NULL) AS pool,
                min(id) FILTER (WHERE user_id IS NOT NULL) AS demo
           FROM spot_check_inspectors WHERE station_id IS NOT NULL GROUP BY station_id),
       drawn AS (
         SELECT e.id AS entity_id, e.station_id, mod(abs(hashint8(e.id * 31 + $4)), 100) AS h,
                s.pool, s.demo
           FROM entities e JOIN staff s ON s.station_id = e.station_id
          WHERE e.status = 'active' AND mod(abs(hashint8(e.id + $4)), 50) = 0),
       ins AS (
         INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids, status, inspected_on,
                                        publish_due_on, published_at)
         SELECT (SELECT id FROM plan), d.entity_id, d.station_id, '{}',
                ARRAY[CASE WHEN mod(d.h, 10) = 0 AND d.demo IS NOT NULL THEN d.demo
                           ELSE d.pool[1 + mod(d.entity_id, cardinality(d.pool))] END,
                      d.pool[1 + mod(d.entity_id + 7, cardinality(d.pool))]],
                st.status,
                CASE WHEN st.status <> 'assigned' THEN st.inspected END,
                CASE WHEN st.status <> 'assigned' THEN st.inspected + 28 END,
                CASE WHEN st.status = 'published' THEN (st.inspected + 20)::timestamptz END
           FROM drawn d CROSS JOIN LATERAL (
             SELECT CASE
                      WHEN $4 = 0 THEN 'published'
                      WHEN $4 = 1 THEN CASE WHEN d.h < 70 THEN 'published' WHEN d.h < 90 THEN 'inspected' ELSE 'assigned' END
                      ELSE CASE WHEN d.h < 15 THEN 'published' WHEN d.h < 35 THEN 'inspected' ELSE 'assigned' END
                    END AS status,
                    LEAST($5::date - 1, $2::date + mod(d.h * 37, GREATEST(1, $3::date - $2::date))) AS inspected) st
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [name, start, end, i, today],
    );
  }
  await db.exec('ANALYZE spot_check_visits; ANALYZE spot_check_inspectors; ANALYZE spot_check_plans');
  return n;
}

/** Decisions waiting in the credit module: a proposed batch per station and 2,000 repair applications. */
async function pendingCredit(ctx: ScenarioContext, today: string): Promise<number> {
  const batches = await exec(
    ctx,
    `WITH ins AS (
       INSERT INTO credit_listing_batches (list, ground, report_year, owner_unit_id, status, item_count)
       SELECT 'abnormal', 'annualReport', $1::int, id, 'proposed', 100 + mod(id * 37, 400)
         FROM org_units WHERE kind = 'station'
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [Number(today.slice(0, 4)) - 1],
  );
  const repairs = await exec(
    ctx,
    `WITH ins AS (
       INSERT INTO credit_repairs (entity_id, listing_id, station_id, status, applicant_name, application_text, applied_on)
       SELECT l.entity_id, l.id, l.station_id, CASE WHEN mod(l.id, 3) = 0 THEN 'reviewed' ELSE 'applied' END,
              '申请人', '已补报年度报告，申请信用修复', $1::date - mod(l.id, 30)::int
         FROM credit_listings l WHERE l.status = 'listed' ORDER BY l.id LIMIT 2000
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [today],
  );
  return batches + repairs;
}

/** A year of notifications for every account: 3,000 each, the newest 2 % unread. */
async function notifications(ctx: ScenarioContext): Promise<number> {
  return exec(
    ctx,
    `WITH ins AS (
       INSERT INTO notifications (user_id, kind, title, link, created_at, read_at)
       SELECT u.id, 'assigned', '新的待办事项 ' || g, '/complaints', now() - (g || ' hours')::interval,
              CASE WHEN g > 60 THEN now() - (g || ' hours')::interval + interval '1 hour' END
         FROM users u CROSS JOIN generate_series(1, 3000) g
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
  );
}
