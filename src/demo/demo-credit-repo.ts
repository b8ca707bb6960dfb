import type { Db, Queryable } from '../db/client.ts';
import { latestClosedReportYear } from '../domain/credit-rules.ts';
import { shanghaiToday } from '../domain/deadlines.ts';
import { defaultRiskModel } from '../domain/risk-model.ts';
import { recomputeAllEntities } from '../modules/credit/services/risk.ts';

/**
 * Demo credit data over the loaded register, set-based so it stays fast at any size: two years of annual reports
 * (≈ 90 % filed; a few habitual non-filers miss both), the earlier year's non-filers on the abnormal list by one
 * decision, a handful listed more than 3 years ago (candidates for the serious list), then a full risk recompute.
 * Deterministic: hashint8 of the entity id decides who files.
 */
export async function seedCreditFacts(db: Queryable, today = shanghaiToday()) {
  const latest = latestClosedReportYear(today);
  const [bureau] = await db.query<{ id: number; name: string }>(
    'SELECT id, name FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1',
  );
  if (!bureau) throw new Error('演示信用数据需要先载入组织机构');
  const [reports] = await db.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO annual_reports (entity_id, report_year, filed_on, source)
       SELECT e.id, y, make_date(y + 1, 1, 1) + mod(abs(hashint8(e.id + y)), 180)::int, 'demo'
         FROM entities e CROSS JOIN (VALUES ($1::int), ($1::int - 1)) AS years(y)
        WHERE e.established_on <= make_date(y, 12, 31)
          AND mod(abs(hashint8(e.id)), 100) >= 4
          AND mod(abs(hashint8(e.id * 2 + y)), 100) >= 7
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [latest],
  );
  const listed = await listDemo(
    db,
    bureau.id,
    latest - 1,
    `${latest}-07-15`,
    `${bureau.name.slice(0, 4)}市监异〔${latest}〕1号`,
    `e.status = 'active' AND e.established_on <= make_date($1::int, 12, 31)
     AND NOT EXISTS (SELECT 1 FROM annual_reports r WHERE r.entity_id = e.id AND r.report_year = $1::int)`,
  );
  // Listed 4 years ago for a report never filed: past the 3-year period, so the serious-list proposal finds them.
  const old = await listDemo(
    db,
    bureau.id,
    latest - 4,
    `${latest - 3}-07-15`,
    `${bureau.name.slice(0, 4)}市监异〔${latest - 3}〕1号`,
    `e.status = 'active' AND e.established_on <= make_date($1::int, 12, 31) AND mod(abs(hashint8(e.id)), 100) < 1`,
  );
  return { annualReports: reports!.n, abnormalListed: listed + old };
}

/** One approved batch putting the matching entities on the abnormal list for `reportYear`, with their events. */
async function listDemo(
  db: Queryable,
  unitId: number,
  reportYear: number,
  listedOn: string,
  decisionNo: string,
  where: string,
) {
  const [batch] = await db.query<{ id: number }>(
    `INSERT INTO credit_listing_batches (list, ground, report_year, owner_unit_id, status, decision_no, reason, decided_on)
     VALUES ('abnormal', 'annualReportMissing', $1::int, $2, 'approved', $3, '未在规定期限内报送年度报告', $4) RETURNING id`,
    [reportYear, unitId, decisionNo, listedOn],
  );
  const [row] = await db.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO credit_listings (entity_id, station_id, list, ground, report_year, batch_id, status, listed_on,
         decision_no, reason)
       SELECT e.id, e.station_id, 'abnormal', 'annualReportMissing', $1::int, $2, 'listed', $3::date, $4, '未在规定期限内报送年度报告'
         FROM entities e WHERE ${where}
       RETURNING id, entity_id),
     ev AS (
       INSERT INTO credit_events (subject_type, subject_id, entity_id, action, from_status, to_status, at)
       SELECT 'listing', id, entity_id, 'list', 'proposed', 'listed', ($3::text || ' 10:00:00+08')::timestamptz FROM ins
       RETURNING 1)
     SELECT count(*)::int AS n FROM ev`,
    [reportYear, batch!.id, listedOn, decisionNo],
  );
  await db.query('UPDATE credit_listing_batches SET item_count = $2 WHERE id = $1', [batch!.id, row!.n]);
  return row!.n;
}

/** Demo credit data, then every entity's class under the default model. */
export async function loadDemoCredit(db: Db, today = shanghaiToday()) {
  const facts = await db.transaction((tx) => seedCreditFacts(tx, today));
  await db.exec('ANALYZE annual_reports, credit_listings');
  const recompute = await recomputeAllEntities(db, defaultRiskModel, today);
  const dist = await db.query<{ c: string; n: number }>(
    'SELECT risk_class AS c, count(*)::int AS n FROM entity_risk_classes GROUP BY 1 ORDER BY 1',
  );
  return { ...facts, classes: Object.fromEntries(dist.map((r) => [r.c, r.n])), recomputeSeconds: recompute.seconds };
}
