import type { Queryable } from '../../db/client.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import { bigramTsquery } from '../../domain/bigrams.ts';
import { readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { cdBusinessKind } from './access.ts';

export interface CdBusinessRow {
  id: number;
  entityId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  category: 'cosmetics' | 'device';
  licenceKind: 'licence' | 'filing';
  licenceNo: string;
  scope: string | null;
  adverseEvents: number;
  createdBy: number | null;
  version: number;
}
const businessColumns = `b.id, b.entity_id AS "entityId", e.name AS "entityName", b.station_id AS "stationId",
  s.name AS "stationName", b.category, b.licence_kind AS "licenceKind", b.licence_no AS "licenceNo", b.scope,
  (SELECT count(*)::int FROM cd_adverse_events a WHERE a.business_id = b.id) AS "adverseEvents",
  b.created_by AS "createdBy", b.version`;
const businessFrom = 'cd_businesses b JOIN entities e ON e.id = b.entity_id JOIN org_units s ON s.id = b.station_id';

export async function entityStation(q: Queryable, entityId: number) {
  const [row] = await q.query<{ stationId: number }>('SELECT station_id AS "stationId" FROM entities WHERE id = $1', [
    entityId,
  ]);
  return row;
}

export async function insertBusiness(
  tx: Queryable,
  b: {
    entityId: number;
    stationId: number;
    category: string;
    licenceKind: string;
    licenceNo: string;
    scope: string | null;
    by: number;
  },
): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO cd_businesses (entity_id, station_id, category, licence_kind, licence_no, scope, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (category, licence_no) DO NOTHING RETURNING id`,
    [b.entityId, b.stationId, b.category, b.licenceKind, b.licenceNo, b.scope, b.by],
  );
  return row ? Number(row.id) : undefined;
}

export async function getBusiness(q: Queryable, id: number): Promise<CdBusinessRow | undefined> {
  const [row] = await q.query<CdBusinessRow>(`SELECT ${businessColumns} FROM ${businessFrom} WHERE b.id = $1`, [id]);
  return row;
}

export async function listBusinesses(
  q: Queryable,
  actor: Actor,
  f: { category?: string; q?: string; afterId?: number; limit: number },
) {
  const w = readableWhere(actor, cdBusinessKind, new Where()).addIf(f.category, 'b.category = ?');
  if (f.q) addSearch(w, f.q);
  w.addIf(f.afterId, 'b.id < ?');
  const lim = w.param(f.limit + 1);
  return q.query<CdBusinessRow>(
    `SELECT ${businessColumns} FROM ${businessFrom} ${w} ORDER BY b.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/**
 * One box for a fragment of the name, the licence / 备案 number or the USCC: the bigrams of all three are one GIN
 * index (migration 20261209100000), rechecked with LIKE on the raw columns (codes compared upper-case). A single
 * character has no bigram, so it scans the businesses in reach.
 */
function addSearch(w: Where, text: string): void {
  const like = `%${escapeLike(text)}%`;
  const code = `%${escapeLike(text.replace(/\s+/g, '').toUpperCase())}%`;
  const recheck = '(b.name LIKE ? OR b.licence_no LIKE ? OR b.licence_no LIKE ? OR b.uscc LIKE ?)';
  const grams = bigramTsquery(text);
  if (grams) w.add(`b.search_bigrams @@ ?::tsquery AND ${recheck}`, grams, like, like, code, code);
  else w.add(recheck, like, like, code, code);
}

export interface AdverseRow {
  id: number;
  businessId: number;
  entityName: string;
  category: 'cosmetics' | 'device';
  productName: string;
  registrationNo: string;
  severity: 'general' | 'serious' | 'death';
  description: string;
  occurredOn: string;
  status: 'reported' | 'assessing' | 'referred' | 'closed';
  note: string | null;
  createdAt: string;
  version: number;
  stationId: number;
  createdBy: number | null;
}
const adverseColumns = `a.id, a.business_id AS "businessId", e.name AS "entityName", b.category,
  a.product_name AS "productName", a.registration_no AS "registrationNo", a.severity, a.description,
  a.occurred_on::text AS "occurredOn", a.status, a.note, a.created_at::text AS "createdAt", a.version,
  b.station_id AS "stationId", b.created_by AS "createdBy"`;
const adverseFrom =
  'cd_adverse_events a JOIN cd_businesses b ON b.id = a.business_id JOIN entities e ON e.id = b.entity_id';

export async function insertAdverse(
  tx: Queryable,
  a: {
    businessId: number;
    productName: string;
    registrationNo: string;
    severity: string;
    description: string;
    occurredOn: string;
    by: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO cd_adverse_events (business_id, product_name, registration_no, severity, description, occurred_on,
       created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.businessId, a.productName, a.registrationNo, a.severity, a.description, a.occurredOn, a.by],
  );
  return Number(row!.id);
}

export async function getAdverse(q: Queryable, id: number): Promise<AdverseRow | undefined> {
  const [row] = await q.query<AdverseRow>(`SELECT ${adverseColumns} FROM ${adverseFrom} WHERE a.id = $1`, [id]);
  return row;
}

export async function listAdverse(
  q: Queryable,
  actor: Actor,
  f: { status?: string; registrationNo?: string; businessId?: number; afterId?: number; limit: number },
) {
  const w = readableWhere(actor, cdBusinessKind, new Where())
    .addIf(f.status, 'a.status = ?')
    .addIf(f.registrationNo, 'a.registration_no = ?')
    .addIf(f.businessId, 'a.business_id = ?')
    .addIf(f.afterId, 'a.id < ?');
  const lim = w.param(f.limit + 1);
  return q.query<AdverseRow>(
    `SELECT ${adverseColumns} FROM ${adverseFrom} ${w} ORDER BY a.id DESC LIMIT ${lim}`,
    w.params,
  );
}

export async function setAdverseStatus(
  tx: Queryable,
  a: { id: number; version: number; status: string; note: string | null },
) {
  const rows = await tx.query(
    `UPDATE cd_adverse_events SET status = $3, note = coalesce($4, note), version = version + 1
      WHERE id = $1 AND version = $2 RETURNING 1`,
    [a.id, a.version, a.status, a.note],
  );
  return rows.length === 1;
}
