import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface InspectionRecord {
  id: number;
  businessId: number;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  inspectorId: number | null;
  kind: string;
  fullScope: boolean;
  level: string;
  status: string;
  plannedOn: string | null;
  inspectedOn: string | null;
  result: string | null;
  score: number | null;
  visitId: number | null;
  visitStatus: string | null;
  publishDueOn: string | null;
  publishedAt: string | null;
  checklistVersionId: number | null;
  keyFailures: number | null;
  generalFailures: number | null;
  rectifyDueOn: string | null;
  followupId: number | null;
  followupOf: number | null;
  caseLeadRef: string | null;
  gradeWithheld: string | null;
  gradingRulesVersion: number | null;
  notes: string | null;
  version: number;
}

const select = `SELECT i.id, i.business_id AS "businessId", fb.entity_id AS "entityId", e.name AS "entityName", e.uscc,
    fb.station_id AS "stationId", s.name AS "stationName", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId",
    i.kind, i.full_scope AS "fullScope", i.level, i.status, i.planned_on AS "plannedOn", i.inspected_on AS "inspectedOn",
    i.result, i.score::float AS score, i.visit_id AS "visitId", v.status AS "visitStatus", v.publish_due_on AS "publishDueOn",
    v.published_at AS "publishedAt", i.checklist_version_id AS "checklistVersionId", i.key_failures AS "keyFailures",
    i.general_failures AS "generalFailures", i.rectify_due_on AS "rectifyDueOn", i.followup_id AS "followupId",
    i.followup_of AS "followupOf", i.case_lead_ref AS "caseLeadRef", i.grade_withheld AS "gradeWithheld", i.notes, i.version,
    i.grading_rules_version AS "gradingRulesVersion"
  FROM food_inspections i JOIN food_businesses fb ON fb.id = i.business_id JOIN entities e ON e.id = fb.entity_id
  JOIN org_units s ON s.id = fb.station_id LEFT JOIN spot_check_visits v ON v.id = i.visit_id`;

export async function findInspection(q: Queryable, id: number, lock = false): Promise<InspectionRecord | undefined> {
  const [row] = await q.query<InspectionRecord>(`${select} WHERE i.id = $1${lock ? ' FOR UPDATE OF i' : ''}`, [id]);
  return row;
}

export interface InspectionFilter {
  status?: string;
  businessId?: number;
  stationId?: number;
  mine?: boolean;
  beforeId?: number;
  /** Planned ones only: keyset after (planned_on, id), soonest first. */
  afterPlanned?: [string, number];
}

/**
 * Inspections of the businesses the caller may see (the food-business kind), newest first, keyset by id; the
 * planned ones soonest first (what an inspector works through), keyset by (planned_on, id).
 */
export async function listInspections(q: Queryable, reader: Actor, f: InspectionFilter, limit: number) {
  const w = readableWhere(reader, foodBusinessKind, new Where())
    .addIf(f.status, 'i.status = ?')
    .addIf(f.businessId, 'i.business_id = ?')
    .addIf(f.stationId, 'fb.station_id = ?')
    .addIf(f.beforeId, 'i.id < ?');
  if (f.afterPlanned) w.add('(i.planned_on, i.id) > (?::date, ?)', ...f.afterPlanned);
  if (f.mine)
    w.add('v.inspector_ids && ARRAY(SELECT vi.id FROM spot_check_inspectors vi WHERE vi.user_id = ?)', reader.userId);
  const order = f.status === 'planned' ? 'i.planned_on, i.id' : 'i.id DESC';
  return q.query<InspectionRecord>(`${select} ${w} ORDER BY ${order} LIMIT ${limit}`, w.params);
}

export async function insertInspection(
  q: Queryable,
  r: { businessId: number; kind: string; plannedOn: string; stationId: number; createdBy: number; followupOf?: number },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO food_inspections (business_id, kind, planned_on, station_id, created_by, followup_of)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [r.businessId, r.kind, r.plannedOn, r.stationId, r.createdBy, r.followupOf ?? null],
  );
  return row!.id;
}

export async function businessFacts(q: Queryable, businessId: number) {
  const [row] = await q.query<{
    id: number;
    entityId: number;
    stationId: number;
    createdBy: number | null;
    inspectorId: number | null;
    firstLicenceOn: string | null;
    lastIncidentOn: string | null;
    licences: { kind: string; categories: string[] }[];
  }>(
    `SELECT fb.id, fb.entity_id AS "entityId", fb.station_id AS "stationId", fb.created_by AS "createdBy",
            fb.inspector_id AS "inspectorId",
            (SELECT min(l.issued_on) FROM food_licences l WHERE l.business_id = fb.id
              AND l.status IN ('active', 'renewed')) AS "firstLicenceOn",
            (SELECT max(x.occurred_on) FROM food_incidents x WHERE x.business_id = fb.id) AS "lastIncidentOn",
            coalesce((SELECT json_agg(json_build_object('kind', l.kind, 'categories', l.categories))
               FROM food_licences l WHERE l.business_id = fb.id AND l.status = 'active'), '[]') AS licences
       FROM food_businesses fb WHERE fb.id = $1`,
    [businessId],
  );
  return row;
}

export async function activeChecklist(q: Queryable, businessType: string) {
  const [row] = await q.query<{ id: number }>(
    'SELECT id FROM food_checklist_versions WHERE business_type = $1 AND active',
    [businessType],
  );
  return row?.id;
}

export interface ChecklistItem {
  id: number;
  seq: number;
  section: string;
  code: string;
  name: string;
  key: boolean;
}

export async function checklist(q: Queryable, versionId: number) {
  const [version] = await q.query<{ id: number; businessType: string; version: string; title: string; basis: string }>(
    `SELECT id, business_type AS "businessType", version, title, basis FROM food_checklist_versions WHERE id = $1`,
    [versionId],
  );
  const items = await q.query<ChecklistItem>(
    'SELECT id, seq, section, code, name, key FROM food_checklist_items WHERE version_id = $1 ORDER BY seq',
    [versionId],
  );
  return { version: version!, items };
}

export async function checklistVersions(q: Queryable) {
  return q.query<{ id: number; businessType: string; version: string; title: string; active: boolean; items: number }>(
    `SELECT v.id, v.business_type AS "businessType", v.version, v.title, v.active,
            (SELECT count(*)::int FROM food_checklist_items i WHERE i.version_id = v.id) AS items
       FROM food_checklist_versions v ORDER BY v.business_type, v.effective_on DESC`,
  );
}

export interface ResultRow {
  itemId: number;
  outcome: 'pass' | 'fail' | 'na';
  notes: string | null;
  fileIds: number[];
}

export async function resultsOf(q: Queryable, inspectionId: number): Promise<ResultRow[]> {
  return q.query<ResultRow>(
    `SELECT item_id AS "itemId", outcome, notes, file_ids AS "fileIds" FROM food_inspection_results
      WHERE inspection_id = $1`,
    [inspectionId],
  );
}

export async function upsertResults(q: Queryable, inspectionId: number, rows: ResultRow[], by: number) {
  await q.query(
    `INSERT INTO food_inspection_results (inspection_id, item_id, outcome, notes, file_ids, recorded_by)
     SELECT $1, t.item, t.outcome, t.notes, ARRAY(SELECT jsonb_array_elements_text(t.files)::bigint), $6
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::jsonb[]) AS t (item, outcome, notes, files)
     ON CONFLICT (inspection_id, item_id) DO UPDATE SET outcome = EXCLUDED.outcome, notes = EXCLUDED.notes,
       file_ids = EXCLUDED.file_ids, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [
      inspectionId,
      rows.map((r) => r.itemId),
      rows.map((r) => r.outcome),
      rows.map((r) => r.notes),
      rows.map((r) => JSON.stringify(r.fileIds)),
      by,
    ],
  );
}

/** A food plan of its own per inspection (kind 'food'): the visit engine's UNIQUE (plan_id, entity_id) holds. */
export async function certificatesOf(q: Queryable, businessId: number, today: string) {
  return q.query<{ id: number; staffName: string; certificateNo: string; validUntil: string; expired: boolean }>(
    `SELECT id, staff_name AS "staffName", certificate_no AS "certificateNo", valid_until AS "validUntil",
            valid_until < $2::date AS expired
       FROM food_health_certificates WHERE business_id = $1 AND status = 'active' ORDER BY valid_until, id`,
    [businessId, today],
  );
}

/** Writes a dynamic grade, superseding the current one (inside the caller's transaction). */
export async function writeDynamicGrade(
  q: Queryable,
  g: { businessId: number; grade: string; score: number; inspectionId: number; gradedOn: string; createdBy: number },
): Promise<number> {
  const old = await q.query<{ id: number }>(
    `UPDATE food_grades SET status = 'superseded', superseded_on = $2
      WHERE business_id = $1 AND kind = 'dynamic' AND status = 'current' RETURNING id`,
    [g.businessId, g.gradedOn],
  );
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO food_grades (business_id, kind, grade, score, inspection_id, graded_on, created_by)
     VALUES ($1, 'dynamic', $2, $3, $4, $5, $6) RETURNING id`,
    [g.businessId, g.grade, g.score, g.inspectionId, g.gradedOn, g.createdBy],
  );
  if (old.length)
    await q.query('UPDATE food_grades SET superseded_by = $1 WHERE id = ANY($2::bigint[])', [
      row!.id,
      old.map((o) => o.id),
    ]);
  return row!.id;
}

export async function gradesOf(q: Queryable, businessId: number) {
  return q.query<{
    id: number;
    kind: 'dynamic' | 'annual';
    grade: string;
    score: number | null;
    inspectionId: number | null;
    year: number | null;
    gradedOn: string;
    status: string;
    supersededOn: string | null;
  }>(
    `SELECT id, kind, grade, score::float AS score, inspection_id AS "inspectionId", year, graded_on AS "gradedOn", status,
            superseded_on AS "supersededOn"
       FROM food_grades WHERE business_id = $1 ORDER BY graded_on DESC, id DESC LIMIT 200`,
    [businessId],
  );
}

export async function gradeOfInspection(q: Queryable, inspectionId: number) {
  const [row] = await q.query<{ id: number; grade: string; score: number; status: string }>(
    `SELECT id, grade, score::float AS score, status FROM food_grades WHERE inspection_id = $1 AND kind = 'dynamic'
      ORDER BY id DESC LIMIT 1`,
    [inspectionId],
  );
  return row;
}

export async function insertIncident(
  q: Queryable,
  r: { businessId: number; occurredOn: string; summary: string; createdBy: number },
) {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO food_incidents (business_id, occurred_on, summary, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [r.businessId, r.occurredOn, r.summary, r.createdBy],
  );
  return row!.id;
}

/** planned → inProgress on its visit and checklist version; false when the version or status moved on. */
export async function markStarted(
  tx: Queryable,
  p: { id: number; version: number; visitId: number; checklistVersionId: number },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE food_inspections SET status = 'inProgress', visit_id = $3, checklist_version_id = $4,
            version = version + 1
      WHERE id = $1 AND version = $2 AND status = 'planned' RETURNING id`,
    [p.id, p.version, p.visitId, p.checklistVersionId],
  );
  return rows.length === 1;
}

/** inProgress → done with the result and its consequences; false when the version or status moved on. */
export async function markDone(
  tx: Queryable,
  p: {
    id: number;
    version: number;
    inspectedOn: string;
    result: string;
    score: number;
    keyFailures: number;
    generalFailures: number;
    rectifyDueOn: string | null;
    followupId: number | null;
    caseLeadRef: string | null;
    gradeWithheld: string | null;
    notes: string | null;
    gradingRulesVersion: number | null;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE food_inspections SET status = 'done', inspected_on = $3, result = $4, score = $5,
            key_failures = $6, general_failures = $7, rectify_due_on = $8, followup_id = $9,
            case_lead_ref = $10, grade_withheld = $11, notes = $12, grading_rules_version = $13, version = version + 1
      WHERE id = $1 AND version = $2 AND status = 'inProgress' RETURNING id`,
    [
      p.id,
      p.version,
      p.inspectedOn,
      p.result,
      p.score,
      p.keyFailures,
      p.generalFailures,
      p.rectifyDueOn,
      p.followupId,
      p.caseLeadRef,
      p.gradeWithheld,
      p.notes,
      p.gradingRulesVersion,
    ],
  );
  return rows.length === 1;
}
