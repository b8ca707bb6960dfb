import type { TPoolFilter } from '../../../contracts/spot-checks.ts';
import type { Db, Queryable, Transaction } from '../../../db/client.ts';
import { onSharedSnapshot } from '../../../db/shared-snapshot.ts';
import {
  DRAW_ALGORITHM_V2,
  type PoolEntry,
  type Ratios,
  RISK_CLASSES,
  type RiskClass,
} from '../../../domain/spot-check-draw.ts';
import { POOL_CHUNK_IDS } from '../../../domain/spot-check-draw-v2.ts';
import type { Actor } from '../../../platform/actor.ts';
import { poolWhere } from './catalog.ts';

interface ChunkFrozen {
  size: number;
  unclassified: number;
  counts: Record<RiskClass, number>;
  hash: string | null;
}

const classArrays = RISK_CLASSES.map(
  (c) =>
    `array_agg(id) FILTER (WHERE cls = '${c}') AS ids_${c}, array_agg(station_id) FILTER (WHERE cls = '${c}') AS st_${c}`,
).join(',\n              ');
const classRows = RISK_CLASSES.map((c) => `('${c}', ids_${c}, st_${c})`).join(', ');
const classCounts = RISK_CLASSES.map((c) => `'${c}', count(*) FILTER (WHERE cls = '${c}')`).join(', ');

/** Settings for the chunk statements, on the freeze's transaction and on each connection sharing its snapshot. */
const CHUNK_SETTINGS = { jit: 'off', work_mem: '64MB' };

/**
 * One 1 M-id chunk of the pool in one statement: the entities in id order (the covering index of active entities
 * merge-joins the risk classes without a sort, as v1's freeze did), the chunk's SHA-256 over its "id,class\n"
 * lines, and its rows kept as id and station arrays per class. Plain aggregates over the id-ordered subquery, as
 * v1: an ORDER BY inside each of the nine aggregates would sort the chunk nine times on PostgreSQL 15.
 */
async function freezeChunk(
  q: Queryable,
  o: { drawId: number; frozenIn: string; chunk: number; filter: TPoolFilter; reader: Actor },
) {
  const { chunk, filter, reader } = o;
  const w = poolWhere(filter, reader)
    .add('e.id >= ?', chunk * POOL_CHUNK_IDS)
    .add('e.id < ?', (chunk + 1) * POOL_CHUNK_IDS);
  const d = w.param(o.drawId);
  const c = w.param(chunk);
  const x = w.param(o.frozenIn);
  // The chunk's range on the classes' side too: PostgreSQL carries equalities across a join but not ranges, and
  // without it the planner hashed all 20 M class rows for every chunk (4.7 s a chunk at 20 M; 0.85 s with it).
  const lo = w.param(chunk * POOL_CHUNK_IDS);
  const hi = w.param((chunk + 1) * POOL_CHUNK_IDS);
  const [row] = await q.query<ChunkFrozen>(
    `WITH agg AS (
       SELECT count(*)::int AS size, count(*) FILTER (WHERE unclassified)::int AS unclassified,
              jsonb_build_object(${classCounts}) AS counts,
              encode(sha256(convert_to(string_agg(line, E'\\n') || E'\\n', 'UTF8')), 'hex') AS hash,
              ${classArrays}
         FROM (SELECT e.id, e.station_id, coalesce(r.risk_class, 'B') AS cls, r.entity_id IS NULL AS unclassified,
                      e.id::text || CASE r.risk_class WHEN 'A' THEN ',A' WHEN 'C' THEN ',C' WHEN 'D' THEN ',D' ELSE ',B' END AS line
                 FROM entities e LEFT JOIN entity_risk_classes r
                   ON r.entity_id = e.id AND r.entity_id >= ${lo} AND r.entity_id < ${hi}
                ${w} ORDER BY e.id) pool),
     parts AS (
       INSERT INTO spot_check_draw_pool_parts (draw_id, chunk, risk_class, entity_ids, station_ids, frozen_in)
       SELECT ${d}, ${c}, x.cls, x.ids, x.stations, ${x}::xid8 FROM agg, LATERAL (VALUES ${classRows}) AS x(cls, ids, stations)
        WHERE x.ids IS NOT NULL)
     SELECT size, unclassified, counts,
            CASE WHEN size > 0 THEN hash END AS hash
       FROM agg`,
    w.params,
  );
  return row!;
}

/**
 * Parts written by freezes whose transaction rolled back (their draw row never committed). A freeze still running
 * has no committed draw either, but its transaction is in progress; one long gone may have no status any more.
 */
async function sweepAbandonedParts(q: Queryable) {
  await q.query(
    `DELETE FROM spot_check_draw_pool_parts p
      WHERE p.frozen_in IS NOT NULL AND coalesce(pg_xact_status(p.frozen_in), 'aborted') = 'aborted'
        AND NOT EXISTS (SELECT 1 FROM spot_check_draws d WHERE d.id = p.draw_id)`,
  );
}

/**
 * Freezes the pool for draw algorithm v2: the draw row, then one statement per 1 M-id chunk of the register
 * (freezeChunk; on PostgreSQL `parallel` chunks at a time on connections sharing this transaction's snapshot, see
 * db/shared-snapshot.ts), then the pool hash over the chunk hashes (spot-check-draw-v2.ts), size, class counts and
 * the commitment. Entities without a risk class count as B. Nothing is kept when the pool is empty.
 */
export async function freezePoolV2(
  db: Db,
  q: Transaction,
  args: { taskId: number; filter: TPoolFilter; reader: Actor; commitment: string; seed: string; ratios: Ratios },
  parallel = 1,
): Promise<{ drawId: number | null; size: number; counts: Record<string, number> }> {
  // Compiling these aggregates cost more than it saved; a chunk's aggregate row (≈ 10 MB of arrays) is read twice
  // from its CTE, and with the default 4 MB work_mem it went through a temporary file each time.
  for (const [name, value] of Object.entries(CHUNK_SETTINGS))
    await q.query('SELECT set_config($1, $2, true)', [name, value]);
  await sweepAbandonedParts(q);
  const [range] = await q.query<{ lo: number | null; hi: number | null }>(
    'SELECT min(id)::float8 AS lo, max(id)::float8 AS hi FROM entities',
  );
  const [draw] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_draws (task_id, algorithm, pool_hash, pool_size, unclassified_count, class_counts, commitment, seed, ratios)
     VALUES ($1, $2, '', 0, 0, '{}', $3, $4, $5::jsonb) RETURNING id`,
    [args.taskId, DRAW_ALGORITHM_V2, args.commitment, args.seed, JSON.stringify(args.ratios)],
  );
  const [xact] = await q.query<{ id: string }>('SELECT pg_current_xact_id()::text AS id');
  const chunkNumbers: number[] = [];
  if (range?.lo != null && range.hi != null)
    for (let c = Math.floor(range.lo / POOL_CHUNK_IDS); c <= Math.floor(range.hi / POOL_CHUNK_IDS); c++)
      chunkNumbers.push(c);
  const frozen = await onSharedSnapshot(
    db,
    q,
    chunkNumbers,
    parallel,
    (w, chunk) =>
      freezeChunk(w, { drawId: draw!.id, frozenIn: xact!.id, chunk, filter: args.filter, reader: args.reader }),
    CHUNK_SETTINGS,
  );
  const counts: Record<RiskClass, number> = { A: 0, B: 0, C: 0, D: 0 };
  let size = 0;
  let unclassified = 0;
  const chunks: { chunk: number; hash: string }[] = [];
  for (const [i, r] of frozen.entries()) {
    if (!r.hash) continue;
    chunks.push({ chunk: chunkNumbers[i]!, hash: r.hash });
    size += r.size;
    unclassified += r.unclassified;
    for (const k of RISK_CLASSES) counts[k] += Number(r.counts[k] ?? 0);
  }
  if (size === 0) {
    await q.query('DELETE FROM spot_check_draws WHERE id = $1', [draw!.id]);
    return { drawId: null, size, counts };
  }
  const lines = chunks.map((c) => `${c.chunk}:${c.hash}\n`).join('');
  await q.query(
    `UPDATE spot_check_draws SET pool_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex'), pool_chunks = $3::jsonb,
            pool_size = $4, unclassified_count = $5, class_counts = $6::jsonb WHERE id = $1`,
    [draw!.id, lines, JSON.stringify(chunks), size, unclassified, JSON.stringify(counts)],
  );
  return { drawId: draw!.id, size, counts };
}

const numbers = (s: string | null) => (s ? s.split(',').map(Number) : []);

/**
 * The entities at the given positions of each class's ids ascending (0-based, across the chunks in order), with
 * their frozen stations, ascending by id. Resolved in the database, one statement per pool part that holds a wanted
 * position, reading only those elements: the cost follows the selection, not the pool (unnesting a 12 M pool to
 * join 500 k positions read every element), and only the selection comes back. On PostgreSQL `parallel` parts at a
 * time on connections sharing the transaction's snapshot (the parts were committed by the freeze).
 */
export async function entitiesAtPositions(
  db: Db,
  q: Transaction,
  drawId: number,
  picks: readonly { riskClass: RiskClass; positions: readonly number[] }[],
  parallel = 1,
): Promise<{ id: number; stationId: number }[]> {
  const parts = await q.query<{ chunk: number; riskClass: RiskClass; n: number }>(
    `SELECT chunk, risk_class AS "riskClass", cardinality(entity_ids) AS n
       FROM spot_check_draw_pool_parts WHERE draw_id = $1 ORDER BY risk_class, chunk`,
    [drawId],
  );
  const reads: { chunk: number; riskClass: RiskClass; indexes: number[] }[] = [];
  for (const { riskClass, positions } of picks) {
    const sorted = Float64Array.from(positions).sort();
    let base = 0;
    let at = 0;
    for (const part of parts.filter((p) => p.riskClass === riskClass)) {
      const indexes: number[] = []; // 1-based within the part
      for (; at < sorted.length && sorted[at]! < base + part.n; at++) indexes.push(sorted[at]! - base + 1);
      base += part.n;
      if (indexes.length) reads.push({ chunk: part.chunk, riskClass, indexes });
    }
    if (at < sorted.length) throw new Error(`position ${sorted[at]} is beyond class ${riskClass} of the frozen pool`);
  }
  const lists = await onSharedSnapshot(db, q, reads, parallel, (w, r) =>
    // `|| '{}'` in a MATERIALIZED CTE detoasts each array once per statement: subscripting the stored value reads
    // it from TOAST again for every element, and an inlined CTE rebuilt the array per element (20 s a part at
    // 20 M). Two lists, not a row per entity: far less for the driver.
    w.query<{ ids: string | null; stations: string | null }>(
      `WITH a AS MATERIALIZED (SELECT entity_ids || '{}'::bigint[] AS ids, station_ids || '{}'::bigint[] AS st
                    FROM spot_check_draw_pool_parts WHERE draw_id = $1 AND chunk = $2 AND risk_class = $3)
       SELECT string_agg(a.ids[i]::text, ',' ORDER BY i) AS ids, string_agg(a.st[i]::text, ',' ORDER BY i) AS stations
         FROM a, unnest($4::int[]) AS i`,
      [drawId, r.chunk, r.riskClass, r.indexes],
    ),
  );
  const picked: { id: number; stationId: number }[] = [];
  for (const [row] of lists) {
    const stations = numbers(row?.stations ?? null);
    for (const [i, id] of numbers(row?.ids ?? null).entries()) picked.push({ id, stationId: stations[i]! });
  }
  return picked.sort((a, b) => a.id - b.id);
}

/** The frozen v2 pool as entries ascending by id (for the published proof). */
export async function poolV2(q: Queryable, drawId: number): Promise<PoolEntry[]> {
  const rows = await q.query<{ riskClass: RiskClass; ids: string }>(
    `SELECT risk_class AS "riskClass", array_to_string(entity_ids, ',') AS ids
       FROM spot_check_draw_pool_parts WHERE draw_id = $1 ORDER BY chunk, risk_class`,
    [drawId],
  );
  const pool = rows.flatMap((r) => numbers(r.ids).map((id) => ({ id, riskClass: r.riskClass })));
  return pool.sort((a, b) => a.id - b.id);
}
