import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { drugSaleKind } from '../access.ts';

export interface SaleRow {
  id: number;
  entityId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  townshipCode: string;
  soldOn: string;
  drugName: string;
  drugClass: string;
  quantity: number;
  buyerNameMasked: string;
  idMasked: string;
  phoneMasked: string;
  temperature: string | number | null;
  channel: 'portal' | 'import' | 'staff';
  createdBy: number | null;
  createdAt: string;
}

const saleColumns = `r.id, r.entity_id AS "entityId", e.name AS "entityName", r.station_id AS "stationId",
  s.name AS "stationName", r.township_code AS "townshipCode", r.sold_on::text AS "soldOn", r.drug_name AS "drugName",
  r.drug_class AS "drugClass", r.quantity, r.buyer_name_masked AS "buyerNameMasked", r.id_masked AS "idMasked",
  r.phone_masked AS "phoneMasked", r.temperature::float8 AS temperature, r.channel, r.created_by AS "createdBy",
  r.created_at::text AS "createdAt"`;
const saleFrom = `drug_sale_registrations r JOIN entities e ON e.id = r.entity_id JOIN org_units s ON s.id = r.station_id`;

/** The registry entity a pharmacy is: its name, station and township (9-digit prefix of its region code). */
export async function pharmacyEntity(q: Queryable, entityId: number) {
  const [row] = await q.query<{ id: number; name: string; stationId: number; townshipCode: string }>(
    `SELECT id, name, station_id AS "stationId", coalesce(left(region_code, 9), '') AS "townshipCode"
       FROM entities WHERE id = $1`,
    [entityId],
  );
  return row;
}

export interface SaleInsert {
  entityId: number;
  stationId: number;
  townshipCode: string;
  soldOn: string;
  drugName: string;
  drugClass: string;
  quantity: number;
  buyerNameCipher: string;
  buyerNameMasked: string;
  idCipher: string;
  idHash: string;
  idMasked: string;
  phoneCipher: string;
  phoneMasked: string;
  temperature: number | null;
  channel: 'portal' | 'import' | 'staff';
  createdBy: number | null;
}
const insertKeys = [
  'entityId',
  'stationId',
  'townshipCode',
  'soldOn',
  'drugName',
  'drugClass',
  'quantity',
  'buyerNameCipher',
  'buyerNameMasked',
  'idCipher',
  'idHash',
  'idMasked',
  'phoneCipher',
  'phoneMasked',
  'temperature',
  'channel',
  'createdBy',
] as const satisfies readonly (keyof SaleInsert)[];
const insertTypes = [
  'bigint',
  'bigint',
  'text',
  'date',
  'text',
  'text',
  'int',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'numeric',
  'text',
  'bigint',
];

/**
 * Inserts the rows (one statement, any number) and adds them to the daily rollup in the same statement, so the
 * counts the spike rule reads can never disagree with the registrations written. The rollup rows are locked in key
 * order (ORDER BY, byte order as import.ts sorts batches): writers whose files group differently would otherwise deadlock on each other's rows.
 */
export async function insertSales(tx: Queryable, rows: readonly SaleInsert[]): Promise<number[]> {
  const arrays = insertKeys.map((k) => rows.map((r) => r[k]));
  const unnest = insertTypes.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const result = await tx.query<{ id: number }>(
    `WITH ins AS (
       INSERT INTO drug_sale_registrations (entity_id, station_id, township_code, sold_on, drug_name, drug_class,
         quantity, buyer_name_cipher, buyer_name_masked, id_cipher, id_hash, id_masked, phone_cipher, phone_masked,
         temperature, channel, created_by)
       SELECT * FROM unnest(${unnest})
       RETURNING id, sold_on, drug_class, township_code, station_id),
     roll AS (
       INSERT INTO drug_sale_daily (day, drug_class, township_code, station_id, n)
       SELECT sold_on, drug_class, township_code, station_id, count(*) FROM ins GROUP BY 1, 2, 3, 4
        ORDER BY sold_on, drug_class COLLATE "C", township_code COLLATE "C", station_id
       ON CONFLICT (day, drug_class, township_code, station_id) DO UPDATE SET n = drug_sale_daily.n + EXCLUDED.n)
     SELECT id FROM ins ORDER BY id`,
    arrays,
  );
  return result.map((r) => Number(r.id));
}

export async function getSale(q: Queryable, id: number): Promise<SaleRow | undefined> {
  const [row] = await q.query<SaleRow>(`SELECT ${saleColumns} FROM ${saleFrom} WHERE r.id = $1`, [id]);
  return row;
}

export async function salesByIds(q: Queryable, ids: readonly number[]): Promise<SaleRow[]> {
  return q.query<SaleRow>(`SELECT ${saleColumns} FROM ${saleFrom} WHERE r.id = ANY($1::bigint[]) ORDER BY r.id DESC`, [
    ids,
  ]);
}

export async function personalOf(q: Queryable, id: number) {
  const [row] = await q.query<{ buyerNameCipher: string; idCipher: string; phoneCipher: string }>(
    `SELECT buyer_name_cipher AS "buyerNameCipher", id_cipher AS "idCipher", phone_cipher AS "phoneCipher"
       FROM drug_sale_registrations WHERE id = $1`,
    [id],
  );
  return row;
}

/** Newest first (station index), in the caller's reach. */
export async function listSales(
  q: Queryable,
  actor: Actor,
  f: {
    from?: string;
    to?: string;
    drugClass?: string;
    entityId?: number;
    after?: { soldOn: string; id: number };
    limit: number;
  },
): Promise<SaleRow[]> {
  const w = readableWhere(actor, drugSaleKind, new Where())
    .addIf(f.from, 'r.sold_on >= ?::date')
    .addIf(f.to, 'r.sold_on <= ?::date')
    .addIf(f.drugClass, 'r.drug_class = ?')
    .addIf(f.entityId, 'r.entity_id = ?');
  if (f.after) w.add('(r.sold_on, r.id) < (?::date, ?)', f.after.soldOn, f.after.id);
  const lim = w.param(f.limit + 1);
  return q.query<SaleRow>(
    `SELECT ${saleColumns} FROM ${saleFrom} ${w} ORDER BY r.sold_on DESC, r.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/** A pharmacy's own latest registrations (its phone page shows them masked). */
export async function recentOfEntity(q: Queryable, entityId: number, limit: number): Promise<SaleRow[]> {
  return q.query<SaleRow>(
    `SELECT ${saleColumns} FROM ${saleFrom} WHERE r.entity_id = $1 ORDER BY r.sold_on DESC, r.id DESC LIMIT $2`,
    [entityId, limit],
  );
}

/** One batch of the retention purge: the oldest registrations before the cutoff (sold index), deleted by id. */
export async function purgeBatch(tx: Queryable, before: string, batch: number): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM drug_sale_registrations WHERE id IN (
         SELECT id FROM drug_sale_registrations WHERE sold_on < $1::date ORDER BY sold_on, id LIMIT $2)
       RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [before, batch],
  );
  return Number(rows[0]?.n ?? 0);
}
