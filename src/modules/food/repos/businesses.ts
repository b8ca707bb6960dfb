import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { bigramTsquery } from '../../../domain/bigrams.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../access.ts';

export interface FoodBusinessRow {
  id: number;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  inspectorId: number | null;
  inspectorName: string | null;
  createdBy: number | null;
  activeLicences: number;
  activeCertificates: number;
  /** The newest active licence's number (JY…/SC…), for telling businesses apart in a picker. */
  licenceNo: string | null;
  version: number;
}

const cols = `fb.id, fb.entity_id AS "entityId", e.name AS "entityName", e.uscc, fb.station_id AS "stationId",
  s.name AS "stationName", fb.inspector_id AS "inspectorId", iu.display_name AS "inspectorName",
  fb.created_by AS "createdBy", fb.version,
  (SELECT count(*)::int FROM food_licences fl WHERE fl.business_id = fb.id AND fl.status = 'active') AS "activeLicences",
  (SELECT count(*)::int FROM food_health_certificates hc WHERE hc.business_id = fb.id AND hc.status = 'active')
    AS "activeCertificates",
  (SELECT fl.licence_no FROM food_licences fl WHERE fl.business_id = fb.id AND fl.status = 'active'
    ORDER BY fl.id DESC LIMIT 1) AS "licenceNo"`;
const from = `food_businesses fb JOIN entities e ON e.id = fb.entity_id JOIN org_units s ON s.id = fb.station_id
  LEFT JOIN users iu ON iu.id = fb.inspector_id`;

export async function getBusiness(db: Queryable, id: number): Promise<FoodBusinessRow | undefined> {
  const [row] = await db.query<FoodBusinessRow>(`SELECT ${cols} FROM ${from} WHERE fb.id = $1`, [id]);
  return row;
}

export async function businessOfEntity(db: Queryable, entityId: number): Promise<FoodBusinessRow | undefined> {
  const [row] = await db.query<FoodBusinessRow>(`SELECT ${cols} FROM ${from} WHERE fb.entity_id = $1`, [entityId]);
  return row;
}

export async function listBusinesses(
  db: Queryable,
  actor: Actor,
  p: { q?: string; afterId?: number; limit: number },
): Promise<FoodBusinessRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  if (p.q) addBusinessSearch(w, p.q);
  w.addIf(p.afterId, 'fb.id < ?');
  return db.query<FoodBusinessRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY fb.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

const CODE_PREFIX = /^[0-9A-Z]{2,18}$/;

/**
 * One box for the name (a fragment, through the food businesses' bigram index with a LIKE recheck), the USCC (a prefix,
 * its C-collated unique index) and the licence number (JY…/SC…, a prefix, food_licences_no_prefix_idx): what a staff
 * user knows of a business. One `IN (… UNION ALL …)`, so the planner may start from the few matches (a semi-join)
 * instead of testing every business in reach as an OR of per-row checks would.
 */
function addBusinessSearch(w: Where, text: string): void {
  const code = text.replace(/\s+/g, '').toUpperCase();
  const sources: string[] = [];
  const params: unknown[] = [];
  const byEntity = (test: string) =>
    `SELECT sb.id FROM food_businesses sb JOIN entities se ON se.id = sb.entity_id WHERE ${test}`;
  if (CODE_PREFIX.test(code) && /\d/.test(code)) {
    sources.push(byEntity('se.uscc LIKE ?'), 'SELECT fl.business_id FROM food_licences fl WHERE fl.licence_no LIKE ?');
    params.push(`${escapeLike(code)}%`, `${escapeLike(code)}%`);
  }
  const grams = bigramTsquery(text);
  if (grams) {
    // The businesses' own copy of the registry name (migration 20261207000100): its index holds food businesses only.
    sources.push('SELECT nb.id FROM food_businesses nb WHERE nb.name_bigrams @@ ?::tsquery AND nb.name LIKE ?');
    params.push(grams, `%${escapeLike(text)}%`);
  }
  if (sources.length) w.add(`fb.id IN (${sources.join(' UNION ALL ')})`, ...params);
  // One character: no bigram to look up, so the name is scanned.
  else w.add('fb.name LIKE ?', `%${escapeLike(text)}%`);
}

/** The entity's business, made on first use in the entity's station; returns its id. */
export async function ensureBusiness(
  tx: Queryable,
  entity: { id: number; stationId: number },
  createdBy: number,
): Promise<number> {
  await tx.query(
    `INSERT INTO food_businesses (entity_id, station_id, created_by) VALUES ($1, $2, $3) ON CONFLICT (entity_id) DO NOTHING`,
    [entity.id, entity.stationId, createdBy],
  );
  const [row] = await tx.query<{ id: number }>('SELECT id FROM food_businesses WHERE entity_id = $1', [entity.id]);
  return row!.id;
}

export async function setInspector(tx: Queryable, id: number, inspectorId: number | null): Promise<void> {
  await tx.query('UPDATE food_businesses SET inspector_id = $2, version = version + 1 WHERE id = $1', [
    id,
    inspectorId,
  ]);
}

/** An active user working at the unit or below it (the station's inspectors), or undefined. */
export async function userAtUnit(db: Queryable, userId: number, unitId: number): Promise<{ id: number } | undefined> {
  const [row] = await db.query<{ id: number }>(
    `SELECT u.id FROM users u WHERE u.id = $1 AND u.active AND u.unit_id = $2`,
    [userId, unitId],
  );
  return row;
}

export async function entityForFood(
  db: Queryable,
  entityId: number,
): Promise<{ id: number; stationId: number; createdBy: number | null; name: string } | undefined> {
  const [row] = await db.query<{ id: number; stationId: number; createdBy: number | null; name: string }>(
    'SELECT id, station_id AS "stationId", created_by AS "createdBy", name FROM entities WHERE id = $1',
    [entityId],
  );
  return row;
}

/** Entities by USCC (the import's key): id, station. */
export async function entitiesByUscc(
  db: Queryable,
  usccs: readonly string[],
): Promise<Map<string, { id: number; stationId: number }>> {
  const rows = await db.query<{ id: number; uscc: string; stationId: number }>(
    'SELECT id, uscc, station_id AS "stationId" FROM entities WHERE uscc = ANY($1)',
    [usccs],
  );
  return new Map(rows.map((r) => [r.uscc, { id: r.id, stationId: r.stationId }]));
}

/** The entities' businesses, made where missing (set-based); entity id → business id. */
export async function ensureBusinesses(
  tx: Queryable,
  entities: readonly { id: number; stationId: number }[],
  createdBy: number,
): Promise<Map<number, number>> {
  await tx.query(
    `INSERT INTO food_businesses (entity_id, station_id, created_by)
     SELECT e, s, $3 FROM unnest($1::bigint[], $2::bigint[]) AS t(e, s) ON CONFLICT (entity_id) DO NOTHING`,
    [entities.map((e) => e.id), entities.map((e) => e.stationId), createdBy],
  );
  const rows = await tx.query<{ id: number; entityId: number }>(
    'SELECT id, entity_id AS "entityId" FROM food_businesses WHERE entity_id = ANY($1::bigint[])',
    [entities.map((e) => e.id)],
  );
  return new Map(rows.map((r) => [Number(r.entityId), Number(r.id)]));
}
