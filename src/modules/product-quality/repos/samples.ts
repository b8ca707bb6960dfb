import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { createSampleRepo, dateCol } from '../../../platform/sampling/sample-repo.ts';
import { productSampleKind } from '../access.ts';

export interface SampleRow {
  id: number;
  planId: number | null;
  entityId: number;
  entityName: string;
  uscc: string;
  partyRole: 'producer' | 'seller';
  stationId: number;
  stationName: string;
  categoryCode: string;
  categoryName: string;
  productName: string;
  model: string;
  batchNo: string;
  sampledOn: string;
  labName: string;
  status: string;
  testedOn: string | null;
  reportNo: string | null;
  conclusion: 'pass' | 'fail' | null;
  noticeNo: string | null;
  receivedOn: string | null;
  objectionDueOn: string | null;
  retestRequestedOn: string | null;
  retestConclusion: 'pass' | 'fail' | null;
  rectifyDueOn: string | null;
  caseLeadRef: string | null;
  followUpOf: number | null;
  createdBy: number | null;
  version: number;
}

const d = dateCol('ps');
const cols = `ps.id, ps.plan_id AS "planId", ps.entity_id AS "entityId", e.name AS "entityName", e.uscc,
  ps.party_role AS "partyRole", ps.station_id AS "stationId", s.name AS "stationName",
  ps.category_code AS "categoryCode", c.name AS "categoryName", ps.product_name AS "productName", ps.model,
  ps.batch_no AS "batchNo", ${d('sampled_on', 'sampledOn')}, ps.lab_name AS "labName", ps.status,
  ${d('tested_on', 'testedOn')}, ps.report_no AS "reportNo", ps.conclusion, ps.notice_no AS "noticeNo",
  ${d('received_on', 'receivedOn')}, ${d('objection_due_on', 'objectionDueOn')},
  ${d('retest_requested_on', 'retestRequestedOn')}, ps.retest_conclusion AS "retestConclusion",
  ${d('rectify_due_on', 'rectifyDueOn')}, ps.case_lead_ref AS "caseLeadRef", ps.follow_up_of AS "followUpOf",
  ps.created_by AS "createdBy", ps.version`;
const from = `product_samples ps JOIN entities e ON e.id = ps.entity_id JOIN org_units s ON s.id = ps.station_id
  JOIN product_categories c ON c.code = ps.category_code`;

export interface ItemRow {
  itemName: string;
  value: string;
  standard: string;
  conclusion: 'pass' | 'fail';
  retest: boolean;
}

/** The columns a transition may set (from the service's own code, never from input). */
export type SampleColumn =
  | 'tested_on'
  | 'report_no'
  | 'conclusion'
  | 'notice_no'
  | 'received_on'
  | 'objection_due_on'
  | 'retest_requested_on'
  | 'retest_conclusion'
  | 'rectify_due_on'
  | 'case_lead_ref';

/** The shared sampling repo over product_samples, its items and its events. */
const shared = createSampleRepo<SampleRow, ItemRow, SampleColumn>({
  samples: 'product_samples',
  items: 'product_sample_items',
  events: 'product_sample_events',
  itemColumns: [
    ['item_name', 'itemName'],
    ['value', 'value'],
    ['standard', 'standard'],
    ['conclusion', 'conclusion'],
  ],
  row: { alias: 'ps', cols, from },
});
export const { getSample, samplesByIds, updateSample, insertItems, listItems, insertEvent, listEvents } = shared;

export async function listSamples(
  db: Queryable,
  actor: Actor,
  f: { stationId?: number; status?: string; categoryCode?: string; q?: string },
  p: { afterId?: number; limit: number },
): Promise<SampleRow[]> {
  const w = readableWhere(actor, productSampleKind, new Where());
  w.addIf(f.stationId, 'ps.station_id = ?')
    .addIf(f.status, 'ps.status = ?')
    .addIf(f.categoryCode, 'ps.category_code = ?');
  if (f.q) w.add('(e.name LIKE ? OR ps.product_name LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  return shared.listSamples(db, w, p);
}

export async function followUps(db: Queryable, id: number) {
  return db.query<{ id: number; status: string; conclusion: 'pass' | 'fail' | null }>(
    `SELECT id, status, coalesce(retest_conclusion, conclusion) AS conclusion FROM product_samples
      WHERE follow_up_of = $1 ORDER BY id`,
    [id],
  );
}

export interface NewSample {
  planId: number | null;
  entityId: number;
  partyRole: string;
  stationId: number;
  categoryCode: string;
  productName: string;
  model: string;
  batchNo: string;
  sampledOn: string;
  labName: string;
  followUpOf: number | null;
  createdBy: number;
}

export async function insertSample(tx: Queryable, s: NewSample): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO product_samples (plan_id, entity_id, party_role, station_id, category_code, product_name, model,
       batch_no, sampled_on, lab_name, follow_up_of, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      s.planId,
      s.entityId,
      s.partyRole,
      s.stationId,
      s.categoryCode,
      s.productName,
      s.model,
      s.batchNo,
      s.sampledOn,
      s.labName,
      s.followUpOf,
      s.createdBy,
    ],
  );
  return row!.id;
}

export async function correctSample(tx: Queryable, id: number, p: { model?: string; batchNo?: string }) {
  await tx.query(
    `UPDATE product_samples SET model = coalesce($2, model), batch_no = coalesce($3, batch_no), version = version + 1
      WHERE id = $1`,
    [id, p.model ?? null, p.batchNo ?? null],
  );
}

/** The next 不合格通知书 number of a year: 产品抽查通〔2026〕N号, numbered per year. */
/** Advisory-lock class of the notice numbers (the year is the second key): one writer per year draws a number. */
const NOTICE_NO_LOCK = 7301201;

/** The year's next notice number; the lock (held to commit) keeps two notices served at once from drawing the same. */
export async function nextNoticeNo(tx: Queryable, year: number): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [NOTICE_NO_LOCK, year]);
  const prefix = `产品抽查通〔${year}〕`;
  const [row] = await tx.query<{ n: number }>(
    `SELECT coalesce(max(substring(notice_no FROM '〔\\d{4}〕(\\d+)号')::int), 0) + 1 AS n
       FROM product_samples WHERE notice_no LIKE $1`,
    [`${prefix}%`],
  );
  return `${prefix}${row!.n}号`;
}

/** 合格率 grouped by category, station or year; a 复检 conclusion replaces the first one. */
export async function passRates(
  db: Queryable,
  reach: { unitIds?: readonly number[]; userId?: number },
  p: { by: 'category' | 'station' | 'year'; year?: number; stationId?: number },
) {
  const w = new Where().add('ps.conclusion IS NOT NULL').add('ps.follow_up_of IS NULL');
  if (reach.unitIds) w.add('ps.station_id = ANY(?::bigint[])', reach.unitIds);
  if (reach.userId !== undefined) w.add('ps.created_by = ?', reach.userId);
  if (p.year) w.add('ps.sampled_on BETWEEN ?::date AND ?::date', `${p.year}-01-01`, `${p.year}-12-31`);
  w.addIf(p.stationId, 'ps.station_id = ?');
  const group = {
    category: { key: 'ps.category_code', label: 'c.name', order: 'min(c.sort)' },
    station: { key: 'ps.station_id::text', label: 's.name', order: 'min(ps.station_id)' },
    year: { key: `to_char(ps.sampled_on, 'YYYY')`, label: `to_char(ps.sampled_on, 'YYYY') || '年'`, order: '1' },
  }[p.by];
  return db.query<{ key: string; label: string; tested: number; passed: number; failed: number }>(
    `SELECT ${group.key} AS key, ${group.label} AS label, count(*)::int AS tested,
            count(*) FILTER (WHERE coalesce(ps.retest_conclusion, ps.conclusion) = 'pass')::int AS passed,
            count(*) FILTER (WHERE coalesce(ps.retest_conclusion, ps.conclusion) = 'fail')::int AS failed
       FROM product_samples ps JOIN product_categories c ON c.code = ps.category_code
       JOIN org_units s ON s.id = ps.station_id ${w}
      GROUP BY 1, 2 ORDER BY ${group.order}, 1`,
    w.params,
  );
}

export async function entityStation(db: Queryable, entityId: number) {
  const [row] = await db.query<{ id: number; stationId: number | null; name: string }>(
    'SELECT id, station_id AS "stationId", name FROM entities WHERE id = $1',
    [entityId],
  );
  return row;
}
