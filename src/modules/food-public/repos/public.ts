import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';

/**
 * What the portal and the open data read about food businesses: registry name and address, the station, the active
 * licence, current grades, the latest done inspection, the published reply. Never staff, never certificates.
 */
const businessColumns = `fb.id, e.name, e.address, o.name AS "stationName",
  (SELECT fl.licence_no FROM food_licences fl WHERE fl.business_id = fb.id AND fl.status = 'active'
    ORDER BY fl.issued_on DESC, fl.id DESC LIMIT 1) AS "licenceNo",
  (SELECT json_build_object('grade', g.grade, 'gradedOn', g.graded_on, 'year', g.year, 'id', g.id) FROM food_grades g
    WHERE g.business_id = fb.id AND g.kind = 'dynamic' AND g.status = 'current') AS dynamic,
  (SELECT json_build_object('grade', g.grade, 'gradedOn', g.graded_on, 'year', g.year, 'id', g.id) FROM food_grades g
    WHERE g.business_id = fb.id AND g.kind = 'annual' AND g.status = 'current') AS annual`;

export interface GradeCell {
  grade: string;
  gradedOn: string;
  year: number | null;
  id: number;
}
export interface PublicBusinessRow {
  id: number;
  name: string;
  address: string | null;
  stationName: string;
  licenceNo: string | null;
  dynamic: GradeCell | null;
  annual: GradeCell | null;
}

const fromBusiness = `FROM food_businesses fb JOIN entities e ON e.id = fb.entity_id JOIN org_units o ON o.id = fb.station_id`;

/**
 * How a name search is served (as the entity list does, entities/list.ts), over food businesses only (their copy of
 * the registry name and its bigrams, migration 20261207000100): `index` reads the bigram GIN index's matches first
 * (a MATERIALIZED CTE keeps the planner from walking for a rare fragment), `walk` reads food businesses newest entity
 * first and stops after one page (a fragment so common that a page lies near the top), within the newest `probe`
 * businesses when given.
 */
export type NamePlan = 'index' | 'walk';

/** Name search: bigrams ANDed (STACK.md) with a LIKE recheck, newest entity first, by the chosen plan. */
export async function searchByName(
  db: Queryable,
  p: { tsquery: string; fragment: string; beforeEntityId?: number; plan: NamePlan; probe?: number },
  limit: number,
): Promise<(PublicBusinessRow & { entityId: number })[]> {
  const like = `%${escapeLike(p.fragment)}%`;
  const w = new Where();
  // The walk hides the test from the planner in coalesce() (as entities/repo.ts does): no index serves it and its
  // selectivity is a guess of one half, so it walks entity_id newest first and stops after a page. Left visible,
  // the LIKE's far too low estimate (55 of 5 k) made it read and sort every match.
  if (p.plan === 'walk') w.add('coalesce(fb.name_bigrams @@ ?::tsquery AND fb.name LIKE ?, false)', p.tsquery, like);
  else w.add('fb.name_bigrams @@ ?::tsquery', p.tsquery).add('fb.name LIKE ?', like);
  w.addIf(p.beforeEntityId, 'fb.entity_id < ?');
  // A bounded walk: only the newest `probe` food businesses (the floor is read from the entity_id index).
  if (p.probe)
    w.add(
      'fb.entity_id > coalesce((SELECT entity_id FROM food_businesses ORDER BY entity_id DESC OFFSET ? LIMIT 1), 0)',
      p.probe,
    );
  if (p.plan === 'walk')
    return db.query(
      `SELECT ${businessColumns}, e.id AS "entityId" ${fromBusiness} ${w} ORDER BY fb.entity_id DESC
        LIMIT ${w.param(limit)}`,
      w.params,
    );
  return db.query(
    `WITH m AS MATERIALIZED (SELECT fb.id FROM food_businesses fb ${w})
     SELECT ${businessColumns}, e.id AS "entityId"
       FROM m JOIN food_businesses fb ON fb.id = m.id JOIN entities e ON e.id = fb.entity_id
       JOIN org_units o ON o.id = fb.station_id
      ORDER BY fb.entity_id DESC LIMIT ${w.param(limit)}`,
    w.params,
  );
}

/** Licence-number search: a prefix of the number (food_licences_no_prefix_idx), in number order. */
export async function searchByLicence(
  db: Queryable,
  p: { prefix: string; afterNo?: string },
  limit: number,
): Promise<(PublicBusinessRow & { matchedNo: string })[]> {
  // Byte order (~<~, ~>~): food_licences_no_prefix_idx (text_pattern_ops) then serves both the prefix range and
  // the order. In the database's collation the unique index gives the order but not the range (unless the collation
  // is exactly C), so a prefix matching few numbers walked all of them in order (SC1440605: 285 k rows, 170 ms).
  const w = new Where().add('fl.licence_no LIKE ?', `${escapeLike(p.prefix)}%`);
  w.addIf(p.afterNo, 'fl.licence_no ~>~ ?');
  return db.query(
    `SELECT ${businessColumns}, fl.licence_no AS "matchedNo"
       FROM food_licences fl JOIN food_businesses fb ON fb.id = fl.business_id
       JOIN entities e ON e.id = fb.entity_id JOIN org_units o ON o.id = fb.station_id
       ${w} ORDER BY fl.licence_no USING ~<~ LIMIT ${w.param(limit)}`,
    w.params,
  );
}

export async function businessById(db: Queryable, id: number): Promise<PublicBusinessRow | undefined> {
  const [row] = await db.query<PublicBusinessRow>(`SELECT ${businessColumns} ${fromBusiness} WHERE fb.id = $1`, [id]);
  return row;
}

export async function licencesOf(db: Queryable, businessId: number) {
  return db.query<{ kind: string; licenceNo: string; validUntil: string }>(
    `SELECT kind, licence_no AS "licenceNo", valid_until::text AS "validUntil" FROM food_licences
      WHERE business_id = $1 AND status = 'active' ORDER BY issued_on DESC, id DESC LIMIT 5`,
    [businessId],
  );
}

export async function latestInspection(db: Queryable, businessId: number) {
  const [row] = await db.query<{ inspectedOn: string; result: string | null }>(
    `SELECT inspected_on::text AS "inspectedOn", result FROM food_inspections
      WHERE business_id = $1 AND status = 'done' AND inspected_on IS NOT NULL
      ORDER BY inspected_on DESC, id DESC LIMIT 1`,
    [businessId],
  );
  return row;
}

export async function publishedReply(db: Queryable, gradeId: number) {
  const [row] = await db.query<{ body: string; publishedAt: string | Date }>(
    `SELECT body, published_at AS "publishedAt" FROM food_grade_replies
      WHERE grade_id = $1 AND status = 'published' ORDER BY id DESC LIMIT 1`,
    [gradeId],
  );
  return row;
}

export async function publishedHonoursOf(db: Queryable, businessId: number) {
  return db.query<{ month: string; board: 'red' | 'black'; reasons: string[] }>(
    `SELECT to_char(hl.month, 'YYYY-MM') AS month, x.board, x.reasons
       FROM food_honour_entries x JOIN food_honour_lists hl ON hl.id = x.list_id
      WHERE x.business_id = $1 AND x.removed_reason IS NULL AND hl.status = 'published'
      ORDER BY hl.month DESC, hl.id DESC LIMIT 12`,
    [businessId],
  );
}

export interface OpenGradeRow {
  id: number;
  businessId: number;
  businessName: string;
  licenceNo: string | null;
  address: string | null;
  stationId: number;
  stationName: string;
  kind: 'dynamic' | 'annual';
  grade: string;
  year: number | null;
  gradedOn: string;
  status: 'current' | 'superseded';
  supersededOn: string | null;
}

/**
 * Open data: grades in id order after `afterId` (a new grade gets a larger id, so paging is stable under inserts).
 * Without `updatedSince` only current grades; with it, grades graded or superseded on or after that day.
 */
export async function openGrades(
  db: Queryable,
  p: { afterId?: number; stationId?: number; grade?: string; kind?: string; updatedSince?: string },
  limit: number,
): Promise<OpenGradeRow[]> {
  const w = new Where();
  if (p.updatedSince)
    w.add(
      "g.status IN ('current', 'superseded') AND (g.created_at >= ?::date OR g.superseded_on >= ?::date)",
      p.updatedSince,
      p.updatedSince,
    );
  else w.add("g.status = 'current'");
  w.addIf(p.afterId, 'g.id > ?');
  w.addIf(p.stationId, 'fb.station_id = ?');
  w.addIf(p.grade, 'g.grade = ?');
  w.addIf(p.kind, 'g.kind = ?');
  return db.query(
    `SELECT g.id, g.business_id AS "businessId", e.name AS "businessName", e.address,
            (SELECT fl.licence_no FROM food_licences fl WHERE fl.business_id = fb.id AND fl.status = 'active'
              ORDER BY fl.issued_on DESC, fl.id DESC LIMIT 1) AS "licenceNo",
            fb.station_id AS "stationId", o.name AS "stationName", g.kind, g.grade, g.year,
            g.graded_on::text AS "gradedOn", g.status, g.superseded_on::text AS "supersededOn"
       FROM food_grades g JOIN food_businesses fb ON fb.id = g.business_id
       JOIN entities e ON e.id = fb.entity_id JOIN org_units o ON o.id = fb.station_id
       ${w} ORDER BY g.id LIMIT ${w.param(limit)}`,
    w.params,
  );
}
