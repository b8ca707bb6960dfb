import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { AppealStatus } from '../../../domain/food-appeals.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface AppealRow {
  id: number;
  businessId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  inspectorId: number | null;
  gradeId: number;
  gradeKind: 'dynamic' | 'annual';
  gradeValue: string;
  gradedOn: string;
  gradeStatus: 'current' | 'superseded' | 'withdrawn';
  grounds: string;
  channel: 'portal' | 'paper';
  receivedOn: string;
  dueOn: string;
  status: AppealStatus;
  outcomeReason: string | null;
  newGrade: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  fileIds: number[];
  version: number;
}

const cols = `a.id, a.business_id AS "businessId", e.name AS "entityName", fb.station_id AS "stationId",
  s.name AS "stationName", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId", a.grade_id AS "gradeId",
  g.kind AS "gradeKind", g.grade AS "gradeValue", g.graded_on::text AS "gradedOn", g.status AS "gradeStatus",
  a.grounds, a.channel, a.received_on::text AS "receivedOn", a.due_on::text AS "dueOn", a.status,
  a.outcome_reason AS "outcomeReason", ng.grade AS "newGrade", a.decided_at::text AS "decidedAt",
  du.display_name AS "decidedByName", a.file_ids AS "fileIds", a.version`;
const from = `food_grade_appeals a JOIN food_businesses fb ON fb.id = a.business_id JOIN entities e ON e.id = fb.entity_id
  JOIN org_units s ON s.id = fb.station_id JOIN food_grades g ON g.id = a.grade_id
  LEFT JOIN food_grades ng ON ng.id = a.new_grade_id LEFT JOIN users du ON du.id = a.decided_by`;

const fix = (r: AppealRow): AppealRow => ({ ...r, fileIds: (r.fileIds ?? []).map(Number) });

export async function getAppeal(q: Queryable, id: number): Promise<AppealRow | undefined> {
  const [row] = await q.query<AppealRow>(`SELECT ${cols} FROM ${from} WHERE a.id = $1`, [id]);
  return row && fix(row);
}

export async function listAppeals(
  q: Queryable,
  actor: Actor,
  p: { status?: AppealStatus; businessId?: number; after?: number; limit: number },
): Promise<AppealRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  w.addIf(p.status, 'a.status = ?');
  w.addIf(p.businessId, 'a.business_id = ?');
  w.addIf(p.after, 'a.id < ?');
  const rows = await q.query<AppealRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY a.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
  return rows.map(fix);
}

export async function appealsOfBusiness(q: Queryable, businessId: number): Promise<AppealRow[]> {
  const rows = await q.query<AppealRow>(
    `SELECT ${cols} FROM ${from} WHERE a.business_id = $1 ORDER BY a.id DESC LIMIT 50`,
    [businessId],
  );
  return rows.map(fix);
}

export async function insertAppeal(
  tx: Queryable,
  a: {
    businessId: number;
    gradeId: number;
    grounds: string;
    channel: 'portal' | 'paper';
    contactName?: string;
    contactPhone?: string;
    receivedOn: string;
    dueOn: string;
    recordedBy: number | null;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_grade_appeals (business_id, grade_id, grounds, channel, contact_name, contact_phone, received_on,
       due_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      a.businessId,
      a.gradeId,
      a.grounds,
      a.channel,
      a.contactName ?? null,
      a.contactPhone ?? null,
      a.receivedOn,
      a.dueOn,
      a.recordedBy,
    ],
  );
  return Number(row!.id);
}

/** The decision, only if nobody decided first (version and status still as read). */
export async function decideAppeal(
  tx: Queryable,
  key: { id: number; version: number },
  d: { status: AppealStatus; reason: string; newGradeId: number | null; by: number },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE food_grade_appeals SET status = $3, outcome_reason = $4, new_grade_id = $5, decided_by = $6,
       decided_at = now(), updated_at = now(), version = version + 1
      WHERE id = $1 AND version = $2 AND status = 'pending' RETURNING id`,
    [key.id, key.version, d.status, d.reason, d.newGradeId, d.by],
  );
  return rows.length === 1;
}

export async function setNewGrade(tx: Queryable, id: number, gradeId: number): Promise<void> {
  await tx.query('UPDATE food_grade_appeals SET new_grade_id = $2 WHERE id = $1', [id, gradeId]);
}

export async function addAppealFiles(tx: Queryable, id: number, fileIds: readonly number[]): Promise<void> {
  await tx.query('UPDATE food_grade_appeals SET file_ids = file_ids || $2::bigint[] WHERE id = $1', [id, fileIds]);
}

export async function insertEvent(
  tx: Queryable,
  e: {
    subject: 'appeal' | 'reply' | 'revisit';
    subjectId: number;
    action: string;
    from: string | null;
    to: string | null;
    actorId: number | null;
    note?: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO food_appeal_events (subject, subject_id, action, from_status, to_status, actor_id, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.subject, e.subjectId, e.action, e.from, e.to, e.actorId, e.note ?? null],
  );
}

/** Public: every appeal of the business with its outcome (never the grounds or the contact). */
export async function publicAppeals(q: Queryable, businessId: number) {
  return q.query<{
    gradeId: number;
    receivedOn: string;
    status: AppealStatus;
    outcomeReason: string | null;
    newGrade: string | null;
    decidedAt: string | null;
  }>(
    `SELECT a.grade_id AS "gradeId", a.received_on::text AS "receivedOn", a.status, a.outcome_reason AS "outcomeReason",
            ng.grade AS "newGrade", a.decided_at::text AS "decidedAt"
       FROM food_grade_appeals a LEFT JOIN food_grades ng ON ng.id = a.new_grade_id
      WHERE a.business_id = $1 ORDER BY a.id DESC LIMIT 50`,
    [businessId],
  );
}
