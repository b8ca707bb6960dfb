import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import type { SamplingHazard } from '../../../domain/food-sampling.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { createSampleRepo, dateCol } from '../../../platform/sampling/sample-repo.ts';
import { foodSampleKind } from '../access.ts';

export interface SampleRow {
  id: number;
  planId: number | null;
  businessId: number;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  stage: string;
  foodCategory: string;
  foodName: string;
  batchNo: string;
  producerName: string;
  producerUscc: string | null;
  producedOn: string | null;
  quantity: string;
  samplers: string[];
  sampledOn: string;
  labName: string;
  status: string;
  deliveryDueOn: string;
  deliveredOn: string | null;
  resultDueOn: string | null;
  testedOn: string | null;
  reportNo: string | null;
  conclusion: 'pass' | 'fail' | null;
  noticeNo: string | null;
  notifiedOn: string | null;
  retestDueOn: string | null;
  retestRequestedOn: string | null;
  retestLab: string | null;
  retestConclusion: 'pass' | 'fail' | null;
  disposalDueOn: string | null;
  disposalNote: string | null;
  handledOn: string | null;
  caseLeadRef: string | null;
  publishedOn: string | null;
  createdBy: number | null;
  version: number;
}

const d = dateCol('fs');
const cols = `fs.id, fs.plan_id AS "planId", fs.business_id AS "businessId", fb.entity_id AS "entityId",
  e.name AS "entityName", e.uscc, fs.station_id AS "stationId", s.name AS "stationName", fs.stage,
  fs.food_category AS "foodCategory", fs.food_name AS "foodName", fs.batch_no AS "batchNo",
  fs.producer_name AS "producerName", fs.producer_uscc AS "producerUscc", ${d('produced_on', 'producedOn')},
  fs.quantity, fs.samplers, ${d('sampled_on', 'sampledOn')}, fs.lab_name AS "labName", fs.status,
  ${d('delivery_due_on', 'deliveryDueOn')}, ${d('delivered_on', 'deliveredOn')}, ${d('result_due_on', 'resultDueOn')},
  ${d('tested_on', 'testedOn')}, fs.report_no AS "reportNo", fs.conclusion, fs.notice_no AS "noticeNo",
  ${d('notified_on', 'notifiedOn')}, ${d('retest_due_on', 'retestDueOn')},
  ${d('retest_requested_on', 'retestRequestedOn')}, fs.retest_lab AS "retestLab",
  fs.retest_conclusion AS "retestConclusion", ${d('disposal_due_on', 'disposalDueOn')},
  fs.disposal_note AS "disposalNote", ${d('handled_on', 'handledOn')}, fs.case_lead_ref AS "caseLeadRef",
  ${d('published_on', 'publishedOn')}, fs.created_by AS "createdBy", fs.version`;
const from = `food_samples fs JOIN food_businesses fb ON fb.id = fs.business_id JOIN entities e ON e.id = fb.entity_id
  JOIN org_units s ON s.id = fs.station_id`;

export interface ItemRow {
  itemName: string;
  hazard: SamplingHazard;
  value: string;
  limit: string;
  standard: string;
  conclusion: 'pass' | 'fail';
  retest: boolean;
}

/** The columns a transition may set (snake_case, from the service's own code; never from input). */
export type SampleColumn =
  | 'delivered_on'
  | 'result_due_on'
  | 'tested_on'
  | 'report_no'
  | 'conclusion'
  | 'notice_no'
  | 'notified_on'
  | 'retest_due_on'
  | 'retest_requested_on'
  | 'retest_lab'
  | 'retest_conclusion'
  | 'disposal_due_on'
  | 'disposal_note'
  | 'handled_on'
  | 'case_lead_ref'
  | 'published_on';

/** The shared sampling repo over food_samples, its items and its events. */
const shared = createSampleRepo<SampleRow, ItemRow, SampleColumn>({
  samples: 'food_samples',
  items: 'food_sample_items',
  events: 'food_sample_events',
  itemColumns: [
    ['item_name', 'itemName'],
    ['hazard', 'hazard'],
    ['value', 'value'],
    ['limit_text', 'limit'],
    ['standard', 'standard'],
    ['conclusion', 'conclusion'],
  ],
  row: { alias: 'fs', cols, from },
});
export const { getSample, samplesByIds, updateSample, insertItems, listItems, insertEvent, listEvents } = shared;

export async function listSamples(
  db: Queryable,
  actor: Actor,
  f: { stationId?: number; status?: string; conclusion?: string; businessId?: number; q?: string },
  p: { afterId?: number; limit: number },
): Promise<SampleRow[]> {
  const w = readableWhere(actor, foodSampleKind, new Where());
  w.addIf(f.stationId, 'fs.station_id = ?').addIf(f.status, 'fs.status = ?').addIf(f.businessId, 'fs.business_id = ?');
  if (f.conclusion) w.add('coalesce(fs.retest_conclusion, fs.conclusion) = ?', f.conclusion);
  if (f.q) w.add('(e.name LIKE ? OR fs.food_name LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  return shared.listSamples(db, w, p);
}

/** The business a sample is taken from, with the station it lies in. */
export async function businessStation(db: Queryable, businessId: number) {
  const [row] = await db.query<{ id: number; stationId: number }>(
    'SELECT id, station_id AS "stationId" FROM food_businesses WHERE id = $1',
    [businessId],
  );
  return row;
}

export interface NewSample {
  planId: number | null;
  businessId: number;
  stationId: number;
  stage: string;
  foodCategory: string;
  foodName: string;
  batchNo: string;
  producerName: string;
  producerUscc: string | null;
  producedOn: string | null;
  quantity: string;
  samplers: string[];
  sampledOn: string;
  labName: string;
  deliveryDueOn: string;
  createdBy: number;
}

export async function insertSample(tx: Queryable, s: NewSample): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_samples (plan_id, business_id, station_id, stage, food_category, food_name, batch_no,
       producer_name, producer_uscc, produced_on, quantity, samplers, sampled_on, lab_name, delivery_due_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      s.planId,
      s.businessId,
      s.stationId,
      s.stage,
      s.foodCategory,
      s.foodName,
      s.batchNo,
      s.producerName,
      s.producerUscc,
      s.producedOn,
      s.quantity,
      s.samplers,
      s.sampledOn,
      s.labName,
      s.deliveryDueOn,
      s.createdBy,
    ],
  );
  return row!.id;
}

export async function correctSample(
  tx: Queryable,
  id: number,
  p: { batchNo?: string; producerName?: string; quantity?: string },
) {
  await tx.query(
    `UPDATE food_samples SET batch_no = coalesce($2, batch_no), producer_name = coalesce($3, producer_name),
       quantity = coalesce($4, quantity), version = version + 1 WHERE id = $1`,
    [id, p.batchNo ?? null, p.producerName ?? null, p.quantity ?? null],
  );
}
