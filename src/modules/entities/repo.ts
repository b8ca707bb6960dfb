import type { TEntityDetail, TEntitySummary } from '../../contracts/entities.ts';
import type { Queryable } from '../../db/client.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import { bigramSubsetTsquery, bigramTsquery } from '../../domain/bigrams.ts';
import type { EntityStatus } from '../../domain/entity-lifecycle.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';
import { type EntityRow, entityRowColumns } from './row.ts';
import { type EntityFilters, type NameSearchPlan, usccPrefix } from './search.ts';

const summaryColumns = `e.id, e.uscc, e.type, e.name, e.legal_rep_name AS "legalRepName",
  e.legal_rep_id_masked AS "legalRepIdMasked", e.phone, e.address, e.region_code AS "regionCode",
  e.station_id AS "stationId", o.name AS "stationName", e.industry_code AS "industryCode",
  e.established_on AS "establishedOn", e.status`;

export type EntitySummaryRow = Omit<TEntitySummary, 'phoneMasked'> & { phone: string | null };

/** Which entities a query reads: the caller's readable rows, the list's filters, the plan and the keyset bounds. */
export interface EntitySelection {
  /** access.ts readableWhere for the entity kind, bound to the caller. */
  readable: (w: Where) => Where;
  filters: EntityFilters;
  plan?: NameSearchPlan;
  /** For the planner's estimate: the name test without its LIKE recheck. */
  forEstimate?: boolean;
  /** Keyset: only rows older than this id. */
  beforeId?: number;
  /** Only rows newer than this id (the bounded walk over the newest rows). */
  afterId?: number;
  /** Keyset of a USCC-prefix search, listed in code order: only codes after this one. */
  afterUscc?: string;
  /** Leave the name test out (the walk applies it above its bounded scan, list-repo.ts). */
  withoutName?: boolean;
  /** For the planner's estimate: this tsquery (one bigram of the fragment) instead of the fragment's. */
  estimateTsquery?: string;
  /**
   * The bigrams the GIN index is probed with (indexes into bigrams(q)), when not all of them: the frequent ones are
   * left to the LIKE recheck (list.ts probeBigrams).
   */
  probe?: readonly number[];
}

/** Filters and the caller's scope as one WHERE; shared by list, count and export. */
export function entityWhere(s: EntitySelection): Where {
  const { filters: q, ...opts } = s;
  const w = s
    .readable(new Where())
    .addIf(q.type, 'e.type = ?')
    .addIf(q.status, 'e.status = ?')
    .addIf(q.stationId, 'e.station_id = ?')
    .addIf(q.industryCode && `${escapeLike(q.industryCode.replace(/^[A-T]/, ''))}%`, 'e.industry_code LIKE ?')
    .addIf(q.regionCode && `${escapeLike(q.regionCode)}%`, 'e.region_code LIKE ?')
    .addIf(q.establishedFrom, 'e.established_on >= ?')
    .addIf(q.establishedTo, 'e.established_on <= ?')
    .addIf(s.beforeId, 'e.id < ?')
    .addIf(s.afterId, 'e.id > ?')
    .addIf(s.afterUscc, 'e.uscc > ?');
  const text = q.q?.trim();
  if (!text) return w;
  const uscc = usccPrefix(text);
  if (s.withoutName && !uscc) return w;
  const probed = !opts.forEstimate && s.probe ? bigramSubsetTsquery(text, s.probe) : null;
  const tsquery = (opts.forEstimate && s.estimateTsquery) || probed || bigramTsquery(text);
  const like = `%${escapeLike(text)}%`;
  if (uscc) w.add('e.uscc LIKE ?', `${uscc}%`);
  // The planner's estimate of the LIKE recheck is far too low (餐饮: 3.7 k of 51 k), so estimates leave it out.
  else if (tsquery && opts.forEstimate) w.add('e.name_bigrams @@ ?::tsquery', tsquery);
  // The same test, hidden from the planner in coalesce(): no index can serve it and its selectivity is a guess
  // of one half, so the planner walks the primary key newest first and stops after one page (no parallel scan).
  else if (tsquery && opts.plan === 'walk')
    w.add('coalesce(e.name_bigrams @@ ?::tsquery AND e.name LIKE ?, false)', tsquery, like);
  else if (tsquery) w.add('e.name_bigrams @@ ?::tsquery AND e.name LIKE ?', tsquery, like);
  else w.add('e.name LIKE ?', like);
  return w;
}

/** A USCC-prefix search: listed in code order, its keyset is the code (`afterUscc`). */
export const usccOrdered = (q: EntityFilters) => Boolean(q.q?.trim() && usccPrefix(q.q.trim()));

export async function insertEntity(tx: Queryable, row: EntityRow): Promise<number> {
  const cols = entityRowColumns.map(([c]) => c);
  const values = entityRowColumns.map(([, key]) => row[key]);
  const placeholders = cols.map((c, i) => (c === 'name_bigrams' ? `$${i + 1}::tsvector` : `$${i + 1}`));
  const [r] = await tx.query<{ id: number }>(
    `INSERT INTO entities (${cols.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING id`,
    values,
  );
  return r!.id;
}

/**
 * Keyset page, newest first; a USCC-prefix search in code order (entities_uscc_key: a prefix's codes are one range
 * of it, where newest first walked the primary key until the range's rows turned up).
 */
export async function listEntities(db: Queryable, s: EntitySelection, limit: number): Promise<EntitySummaryRow[]> {
  const w = entityWhere(s);
  const lim = w.param(limit);
  const order = usccOrdered(s.filters) ? 'e.uscc' : 'e.id DESC';
  return db.query<EntitySummaryRow>(
    `SELECT ${summaryColumns} FROM entities e JOIN org_units o ON o.id = e.station_id ${w} ORDER BY ${order} LIMIT ${lim}`,
    w.params,
  );
}

/**
 * The same page and the exact number of matches, in one pass: for a search served by the GIN index, which reads
 * every match anyway to sort them newest first. The matches' ids are materialised once; 0 rows means 0 matches.
 * With `cap`, at most that many matches are read (in no order): when `matches` reaches it, the page is not the
 * newest one and only "at least `cap`" is known.
 */
export async function listEntitiesCounted(
  db: Queryable,
  s: EntitySelection,
  limit: number,
  cap?: number,
): Promise<{ rows: EntitySummaryRow[]; matches: number }> {
  const w = entityWhere(s);
  const capped = cap === undefined ? '' : ` LIMIT ${w.param(cap)}`;
  const lim = w.param(limit);
  const rows = await db.query<EntitySummaryRow & { matches: number }>(
    `WITH m AS MATERIALIZED (SELECT e.id FROM entities e ${w}${capped})
     SELECT ${summaryColumns}, (SELECT count(*) FROM m)::int AS matches
       FROM entities e JOIN org_units o ON o.id = e.station_id
      WHERE e.id IN (SELECT id FROM m ORDER BY id DESC LIMIT ${lim}) ORDER BY e.id DESC`,
    w.params,
  );
  return { rows: rows.map(({ matches: _, ...row }) => row), matches: rows[0]?.matches ?? 0 };
}

/** Ids of up to `limit` matches in the list's order (newest first, or by code; the page's plan is in `s`). */
export async function entityIdsPage(db: Queryable, s: EntitySelection, limit: number): Promise<number[]> {
  const w = entityWhere(s);
  const lim = w.param(limit);
  const rows = await db.query<{ id: number }>(
    `SELECT e.id FROM entities e ${w} ORDER BY ${usccOrdered(s.filters) ? 'e.uscc' : 'e.id DESC'} LIMIT ${lim}`,
    w.params,
  );
  return rows.map((r) => r.id);
}

/** Summary rows of the given ids, newest first. */
export async function listEntitiesByIds(db: Queryable, ids: readonly number[]): Promise<EntitySummaryRow[]> {
  if (ids.length === 0) return [];
  return db.query<EntitySummaryRow>(
    `SELECT ${summaryColumns} FROM entities e JOIN org_units o ON o.id = e.station_id
      WHERE e.id = ANY($1::bigint[]) ORDER BY e.id DESC`,
    [ids],
  );
}

/** Whether the register holds any entity at all. */
export async function anyEntity(db: Queryable): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM entities LIMIT 1');
  return rows.length > 0;
}

export async function maxEntityId(db: Queryable): Promise<number> {
  const [r] = await db.query<{ id: number | null }>('SELECT max(id)::float8 AS id FROM entities');
  return r?.id ?? 0;
}

/** Exact count up to `cap`; past it an all-scope caller falls back to the planner's estimate. */
export async function countEntitiesCapped(db: Queryable, s: EntitySelection, cap: number): Promise<number> {
  const w = entityWhere(s);
  const lim = w.param(cap);
  const [r] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM entities e ${w} LIMIT ${lim}) t`,
    w.params,
  );
  return r!.n;
}

export async function estimateEntities(db: Queryable, s: EntitySelection): Promise<number> {
  const w = entityWhere({ ...s, forEstimate: true });
  const [r] = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM entities e ${w}`,
    w.params,
  );
  const plan = r?.['QUERY PLAN'];
  const parsed = typeof plan === 'string' ? JSON.parse(plan) : plan;
  return Math.round(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/** The table's row count as the statistics know it (0 before the first ANALYZE). */
export async function estimatedEntityRows(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'entities'::regclass`,
  );
  return r?.n ?? 0;
}

export type EntityRecord = EntitySummaryRow & {
  stationPath: string;
  registeredCapitalFen: number | null;
  businessScope: string | null;
  usccOverrideReason: string | null;
  legalRepIdCipher: string | null;
  createdBy: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export async function findEntity(db: Queryable, id: number): Promise<EntityRecord | undefined> {
  const [row] = await db.query<EntityRecord>(
    `SELECT ${summaryColumns}, o.path AS "stationPath", e.registered_capital_fen AS "registeredCapitalFen",
            e.business_scope AS "businessScope", e.uscc_override_reason AS "usccOverrideReason",
            e.legal_rep_id_cipher AS "legalRepIdCipher", e.created_by AS "createdBy", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"
       FROM entities e JOIN org_units o ON o.id = e.station_id WHERE e.id = $1`,
    [id],
  );
  return row;
}

export async function findEntityIdByUscc(db: Queryable, uscc: string): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM entities WHERE uscc = $1', [uscc]);
  return row?.id;
}

export async function entityLicences(db: Queryable, entityId: number): Promise<TEntityDetail['licences']> {
  return db.query(
    `SELECT id, kind, number, issued_on AS "issuedOn", valid_until AS "validUntil"
       FROM entity_licences WHERE entity_id = $1 ORDER BY issued_on DESC NULLS LAST, id`,
    [entityId],
  );
}

export async function entityEvents(db: Queryable, entityId: number): Promise<TEntityDetail['events']> {
  return db.query(
    `SELECT ev.id, ev.kind, ev.occurred_on AS "occurredOn", ev.before, ev.after, ev.note,
            u.display_name AS "actorName", ev.created_at AS "createdAt"
       FROM entity_events ev LEFT JOIN users u ON u.id = ev.actor_id
      WHERE ev.entity_id = $1 ORDER BY ev.occurred_on DESC, ev.id DESC`,
    [entityId],
  );
}

export async function insertEntityEvent(
  tx: Queryable,
  e: {
    entityId: number;
    kind: string;
    occurredOn: string;
    before?: unknown;
    after?: unknown;
    note?: string | null;
    actorId: number | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO entity_events (entity_id, kind, occurred_on, before, after, note, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      e.entityId,
      e.kind,
      e.occurredOn,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.note ?? null,
      e.actorId,
    ],
  );
}

/** Sets changed columns (already mapped to column names) if the version still matches; false when stale. */
export const updateEntityColumns = (tx: Queryable, id: number, version: number, set: Record<string, unknown>) =>
  updateVersioned(tx, 'entities', { id, version }, set, { name_bigrams: 'tsvector' });

export const setEntityStatus = (tx: Queryable, id: number, version: number, status: EntityStatus) =>
  updateEntityColumns(tx, id, version, { status });

/** The station whose township codes cover this region code (9-digit prefix), if exactly one does. */
export async function stationForRegion(db: Queryable, regionCode: string): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM org_units WHERE kind = 'station' AND active AND EXISTS (
       SELECT 1 FROM unnest(region_codes) rc WHERE $1 LIKE rc || '%' AND length(rc) >= 9) ORDER BY id LIMIT 2`,
    [regionCode],
  );
  return rows.length === 1 ? rows[0]!.id : undefined;
}

/** Below this many rows a load keeps the indexes: rebuilding them would cost more than maintaining them. */
export const DEFERRED_INDEX_MIN_ROWS = 50_000;

/**
 * Runs a bulk load of `incoming` rows inside `tx`; when that is at least as many rows as the table holds, the
 * secondary indexes are dropped first and built again after it, in one sorted pass each, which is 2–3× faster
 * than maintaining them row by row. DDL is transactional: a failed or killed load rolls back the drop too. The
 * primary key and the USCC unique index stay, so duplicates still fail the load. The drop locks the table for
 * readers until commit, which is why only a load that doubles the table does it.
 */
export async function withIndexesDeferred<T>(
  tx: Queryable,
  incoming: number,
  load: (deferred: boolean) => Promise<T>,
  minRows = DEFERRED_INDEX_MIN_ROWS,
): Promise<T> {
  if (incoming < minRows || incoming < (await estimatedEntityRows(tx))) return load(false);
  const indexes = await tx.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = 'entities'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
  );
  for (const { name } of indexes) await tx.query(`DROP INDEX ${quoteIdent(name)}`);
  const result = await load(true);
  await tx.query(`SET LOCAL maintenance_work_mem = '128MB'`);
  for (const { def } of indexes) await tx.query(def);
  return result;
}

/**
 * Runs `load` with the foreign key from `entity_events` to `entities` dropped, then adds it back (one set-based check
 * of every event instead of one lookup per inserted event: ≈ 2 s per 100 k events). Only inside a load that already
 * holds `entities` exclusively (withIndexesDeferred's `deferred`): dropping the key locks both tables.
 */
export async function withEventKeyDeferred<T>(tx: Queryable, load: () => Promise<T>): Promise<T> {
  const keys = await tx.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'entity_events'::regclass AND confrelid = 'entities'::regclass AND contype = 'f'`,
  );
  for (const { name } of keys) await tx.query(`ALTER TABLE entity_events DROP CONSTRAINT ${quoteIdent(name)}`);
  const result = await load();
  for (const { name, def } of keys)
    await tx.query(`ALTER TABLE entity_events ADD CONSTRAINT ${quoteIdent(name)} ${def}`);
  return result;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** An entity as other modules see it (entities/directory.ts): no scope, no personal data. */
export interface EntityRef {
  id: number;
  uscc: string;
  name: string;
  address: string | null;
  regionCode: string | null;
  stationId: number;
  status: string;
}

export async function findEntityRef(
  db: Queryable,
  by: { entityId?: number; uscc?: string },
): Promise<EntityRef | undefined> {
  if (by.entityId === undefined && !by.uscc) return undefined;
  const [row] = await db.query<EntityRef>(
    `SELECT id, uscc, name, address, region_code AS "regionCode", station_id AS "stationId", status
       FROM entities WHERE ${by.entityId !== undefined ? 'id = $1' : 'uscc = $1'}`,
    [by.entityId ?? by.uscc],
  );
  return row;
}
