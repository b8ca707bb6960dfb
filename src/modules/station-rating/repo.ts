import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';
import type { ChecklistStandard, RatingStatus, StarBand } from '../../domain/station-rating.ts';
import { aggregateReach, readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';
import { stationRatingKind } from './access.ts';

export interface ChecklistRow {
  id: number;
  version: number;
  title: string;
  standards: ChecklistStandard[];
  bands: StarBand[];
  createdAt: string;
}

const checklistColumns = 'id, version, title, standards, bands, created_at AS "createdAt"';

export async function currentChecklist(q: Queryable): Promise<ChecklistRow> {
  const [row] = await q.query<ChecklistRow>(
    `SELECT ${checklistColumns} FROM station_rating_checklists ORDER BY version DESC LIMIT 1`,
  );
  if (!row) throw new Error('station_rating_checklists is empty: the migration seeds version 1');
  return row;
}

export async function checklistsByIds(q: Queryable, ids: readonly number[]): Promise<ChecklistRow[]> {
  return q.query<ChecklistRow>(
    `SELECT ${checklistColumns} FROM station_rating_checklists WHERE id = ANY($1::bigint[])`,
    [ids],
  );
}

/** A new version, unless someone saved one since `baseVersion` (then undefined). */
export async function insertChecklistVersion(
  tx: Queryable,
  c: { baseVersion: number; title: string; standards: ChecklistStandard[]; bands: StarBand[]; createdBy: number },
): Promise<ChecklistRow | undefined> {
  const [row] = await tx.query<ChecklistRow>(
    `INSERT INTO station_rating_checklists (version, title, standards, bands, created_by)
     SELECT $1::int + 1, $2, $3::jsonb, $4::jsonb, $5
      WHERE (SELECT max(version) FROM station_rating_checklists) = $1::int
     ON CONFLICT (version) DO NOTHING
     RETURNING ${checklistColumns}`,
    [c.baseVersion, c.title, JSON.stringify(c.standards), JSON.stringify(c.bands), c.createdBy],
  );
  return row;
}

export interface RatingRecord {
  id: number;
  stationId: number;
  stationName: string;
  year: number;
  checklistId: number;
  status: RatingStatus;
  totalScore: number;
  stars: number | null;
  createdBy: number | null;
  submittedBy: number | null;
  submittedByName: string | null;
  submittedAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewOpinion: string | null;
  version: number;
}

export async function findRating(q: Queryable, id: number): Promise<RatingRecord | undefined> {
  const [row] = await q.query<RatingRecord>(
    `SELECT r.id, r.station_id AS "stationId", u.name AS "stationName", r.year, r.checklist_id AS "checklistId",
            r.status, r.total_score AS "totalScore", r.stars, r.created_by AS "createdBy",
            r.submitted_by AS "submittedBy", su.display_name AS "submittedByName", r.submitted_at AS "submittedAt",
            ru.display_name AS "reviewedByName", r.reviewed_at AS "reviewedAt", r.review_opinion AS "reviewOpinion",
            r.version
       FROM station_ratings r
       JOIN org_units u ON u.id = r.station_id
       LEFT JOIN users su ON su.id = r.submitted_by
       LEFT JOIN users ru ON ru.id = r.reviewed_by
      WHERE r.id = $1`,
    [id],
  );
  return row;
}

export async function isStation(q: Queryable, unitId: number): Promise<boolean> {
  const rows = await q.query("SELECT 1 FROM org_units WHERE id = $1 AND kind = 'station'", [unitId]);
  return rows.length === 1;
}

/** A new draft; undefined when the station already has a rating for the year. */
export async function insertRating(
  tx: Queryable,
  r: { stationId: number; year: number; checklistId: number; createdBy: number },
): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO station_ratings (station_id, year, checklist_id, status, created_by)
     VALUES ($1, $2, $3, 'draft', $4) ON CONFLICT (station_id, year) DO NOTHING RETURNING id`,
    [r.stationId, r.year, r.checklistId, r.createdBy],
  );
  return row?.id;
}

export interface RatingListRow {
  stationId: number;
  stationName: string;
  ratingId: number | null;
  status: RatingStatus | null;
  totalScore: number | null;
  stars: number | null;
  checklistId: number | null;
}

/**
 * The stations the caller reaches with their rating of `year`, if any: every station (`all`), the caller's units
 * (`unit_and_below`, the same reach as the ratings' owning unit), or under `self` only stations with a rating of theirs.
 */
export async function listStationsWithRatings(q: Queryable, actor: Actor, year: number): Promise<RatingListRow[]> {
  const reach = aggregateReach(actor);
  const w = new Where();
  if ('unitIds' in reach) w.add('u.id = ANY(?::bigint[])', reach.unitIds);
  else if ('userId' in reach) readableWhere(actor, stationRatingKind, w);
  const y = w.param(year);
  return q.query<RatingListRow>(
    `SELECT u.id AS "stationId", u.name AS "stationName", r.id AS "ratingId", r.status, r.total_score AS "totalScore",
            r.stars, r.checklist_id AS "checklistId"
       FROM org_units u
       LEFT JOIN station_ratings r ON r.station_id = u.id AND r.year = ${y}::int
       ${w.add("u.kind = 'station'").add('u.active')}
      ORDER BY u.sort_order, u.id`,
    w.params,
  );
}

export interface ScoreRow {
  ratingId: number;
  itemCode: string;
  score: number;
  note: string;
}

export async function scoresOf(q: Queryable, ratingIds: readonly number[]): Promise<ScoreRow[]> {
  return q.query<ScoreRow>(
    `SELECT rating_id AS "ratingId", item_code AS "itemCode", score, note
       FROM station_rating_scores WHERE rating_id = ANY($1::bigint[]) ORDER BY item_code`,
    [ratingIds],
  );
}

/** Replaces the given items' scores (others stay) and recomputes the total; false when the version is stale. */
export async function saveScores(
  tx: Queryable,
  key: { id: number; version: number },
  scores: readonly { itemCode: string; score: number; note: string }[],
): Promise<boolean> {
  for (const s of scores) {
    await tx.query(
      `INSERT INTO station_rating_scores (rating_id, item_code, score, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (rating_id, item_code) DO UPDATE SET score = EXCLUDED.score, note = EXCLUDED.note`,
      [key.id, s.itemCode, s.score, s.note],
    );
  }
  const [sum] = await tx.query<{ total: number }>(
    'SELECT coalesce(sum(score), 0)::int AS total FROM station_rating_scores WHERE rating_id = $1',
    [key.id],
  );
  return updateVersioned(tx, 'station_ratings', key, { total_score: sum?.total ?? 0 });
}

export function setRatingStatus(
  tx: Queryable,
  key: { id: number; version: number },
  set: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  return updateVersioned(tx, 'station_ratings', key, set);
}

export async function linkRatingFile(
  tx: Queryable,
  link: { ratingId: number; fileId: number; itemCode: string; uploadedBy: number },
): Promise<void> {
  await tx.query(
    'INSERT INTO station_rating_files (file_id, rating_id, item_code, uploaded_by) VALUES ($1, $2, $3, $4)',
    [link.fileId, link.ratingId, link.itemCode, link.uploadedBy],
  );
}

export async function ratingFiles(q: Queryable, ratingId: number): Promise<{ fileId: number; itemCode: string }[]> {
  return q.query(
    `SELECT file_id AS "fileId", item_code AS "itemCode" FROM station_rating_files
      WHERE rating_id = $1 ORDER BY uploaded_at, file_id`,
    [ratingId],
  );
}

/** Submitted ratings in the caller's reach waiting for the district's review, oldest first, and their count. */
export async function pendingReviews(
  q: Queryable,
  actor: Actor,
  limit: number,
  countCap: number,
): Promise<{ items: { id: number; stationName: string; year: number }[]; count: number }> {
  const w = readableWhere(actor, stationRatingKind, new Where().add("r.status = 'submitted'"));
  const items = await q.query<{ id: number; stationName: string; year: number }>(
    `SELECT r.id, u.name AS "stationName", r.year FROM station_ratings r JOIN org_units u ON u.id = r.station_id
       ${w} ORDER BY r.submitted_at, r.id LIMIT ${w.param(limit)}`,
    w.params,
  );
  const c = readableWhere(actor, stationRatingKind, new Where().add("r.status = 'submitted'"));
  const [row] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM station_ratings r ${c} LIMIT ${c.param(countCap)}) x`,
    c.params,
  );
  return { items, count: row?.n ?? 0 };
}
