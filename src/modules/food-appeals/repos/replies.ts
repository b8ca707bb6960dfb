import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { ReplyStatus } from '../../../domain/food-appeals.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface ReplyRow {
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
  body: string;
  channel: 'portal' | 'paper';
  status: ReplyStatus;
  reviewDueOn: string | null;
  rejectReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  version: number;
}

const cols = `r.id, r.business_id AS "businessId", e.name AS "entityName", fb.station_id AS "stationId",
  s.name AS "stationName", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId", r.grade_id AS "gradeId",
  g.kind AS "gradeKind", g.grade AS "gradeValue", g.graded_on::text AS "gradedOn", g.status AS "gradeStatus", r.body,
  r.channel, r.status, r.review_due_on::text AS "reviewDueOn", r.reject_reason AS "rejectReason",
  r.published_at::text AS "publishedAt", r.created_at::text AS "createdAt", r.version`;
const from = `food_grade_replies r JOIN food_businesses fb ON fb.id = r.business_id JOIN entities e ON e.id = fb.entity_id
  JOIN org_units s ON s.id = fb.station_id JOIN food_grades g ON g.id = r.grade_id`;

export async function getReply(q: Queryable, id: number): Promise<ReplyRow | undefined> {
  const [row] = await q.query<ReplyRow>(`SELECT ${cols} FROM ${from} WHERE r.id = $1`, [id]);
  return row;
}

export async function listReplies(
  q: Queryable,
  actor: Actor,
  p: { status?: ReplyStatus; businessId?: number; after?: number; limit: number },
): Promise<ReplyRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  w.addIf(p.status, 'r.status = ?');
  w.addIf(p.businessId, 'r.business_id = ?');
  w.addIf(p.after, 'r.id < ?');
  return q.query<ReplyRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY r.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

export async function repliesOfBusiness(q: Queryable, businessId: number): Promise<ReplyRow[]> {
  return q.query<ReplyRow>(`SELECT ${cols} FROM ${from} WHERE r.business_id = $1 ORDER BY r.id DESC LIMIT 50`, [
    businessId,
  ]);
}

export async function insertReply(
  tx: Queryable,
  r: { businessId: number; gradeId: number; body: string; channel: 'portal' | 'paper'; reviewDueOn: string },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_grade_replies (business_id, grade_id, body, channel, review_due_on)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.businessId, r.gradeId, r.body, r.channel, r.reviewDueOn],
  );
  return Number(row!.id);
}

export async function reviewReply(
  tx: Queryable,
  key: { id: number; version: number },
  d: { status: 'published' | 'rejected'; reason: string | null; by: number },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE food_grade_replies SET status = $3, reject_reason = $4, reviewed_by = $5, reviewed_at = now(),
       published_at = CASE WHEN $3 = 'published' THEN now() END, updated_at = now(), version = version + 1
      WHERE id = $1 AND version = $2 AND status = 'submitted' RETURNING id`,
    [key.id, key.version, d.status, d.reason, d.by],
  );
  return rows.length === 1;
}

/** Public: the published replies, the newest per grade first. */
export async function publishedReplies(q: Queryable, businessId: number) {
  return q.query<{ gradeId: number; body: string; publishedAt: string }>(
    `SELECT r.grade_id AS "gradeId", r.body, r.published_at::text AS "publishedAt" FROM food_grade_replies r
      WHERE r.business_id = $1 AND r.status = 'published' ORDER BY r.published_at DESC, r.id DESC LIMIT 20`,
    [businessId],
  );
}
