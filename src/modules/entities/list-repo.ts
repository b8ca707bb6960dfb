import type { Queryable } from '../../db/client.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import { bigrams, bigramTsquery } from '../../domain/bigrams.ts';
import { type EntitySelection, entityWhere, estimateEntities } from './repo.ts';
import { hasNameSearch } from './search.ts';

/**
 * The planner's estimate of the rows holding each of the fragment's bigrams, in bigrams(q) order: one EXPLAIN per
 * bigram, side by side on a pool (in turn on one connection), a round trip and a plan each. undefined for a
 * fragment of one bigram or none.
 */
export async function bigramEstimates(db: Queryable, s: EntitySelection): Promise<number[] | undefined> {
  const text = s.filters.q?.trim();
  if (!text || !hasNameSearch(s.filters)) return undefined;
  const grams = bigrams(text);
  if (grams.length < 2) return undefined;
  return Promise.all(
    grams.map((gram) => estimateEntities(db, { ...s, estimateTsquery: bigramTsquery(gram) ?? undefined })),
  );
}

/**
 * The planner's estimate of a name search's matches, taken as its rarest bigram's: the minimum over each bigram's
 * own estimate. The planner multiplies the bigrams' frequencies as if they were independent, but a name's bigrams
 * travel together (家电维修: estimated 20, 87,200 at 20 M), so its product can be wrong by thousands; the minimum is
 * an upper bound of the matches (every match holds every bigram), which is what choosing the walk needs.
 */
export async function estimateNameMatches(db: Queryable, s: EntitySelection): Promise<number> {
  return (await nameEstimates(db, s)).upper;
}

/** The upper bound (estimateNameMatches) with the bigrams' own estimates it came from, when there were several. */
export async function nameEstimates(db: Queryable, s: EntitySelection): Promise<{ upper: number; each?: number[] }> {
  const each = await bigramEstimates(db, s);
  return each?.length ? { upper: Math.min(...each), each } : { upper: await estimateEntities(db, s) };
}

/** The planner's estimate of the selection's rows with the name test left out: the scope the walk reads. */
export const estimateScopeRows = (db: Queryable, s: EntitySelection) =>
  estimateEntities(db, { ...s, withoutName: true });

/**
 * A name search's matches newest first, reading at most `budget` of the selection's rows (newest first, by the
 * primary key or, for one station, entities_station_idx): `ids` are the newest matches among them (at most
 * `limit`), `rowsRead` how many rows were read to find them (`budget` when fewer than `limit` were found). The
 * name test sits above the bounded scan, so no plan can turn it into a GIN
 * bitmap of every match in the register.
 */
export async function walkNewestMatches(
  db: Queryable,
  s: EntitySelection,
  limit: number,
  budget: number,
): Promise<{ ids: number[]; rowsRead: number }> {
  const text = s.filters.q?.trim() ?? '';
  if (walkIsCovered(s)) return walkIdNameIndex(db, text, s.beforeId, limit, budget);
  const w = entityWhere({ ...s, withoutName: true, plan: undefined });
  const tsquery = w.param(bigramTsquery(text));
  const like = w.param(`%${escapeLike(text)}%`);
  const scan = w.param(budget);
  const lim = w.param(limit);
  const rows = await db.query<{ id: number; rn: number }>(
    `SELECT s.id, s.rn::int AS rn FROM (
       SELECT e.id, e.name, e.name_bigrams, row_number() OVER (ORDER BY e.id DESC) AS rn
         FROM entities e ${w} ORDER BY e.id DESC LIMIT ${scan}) s
      WHERE s.name_bigrams @@ ${tsquery}::tsquery AND s.name LIKE ${like} ORDER BY s.id DESC LIMIT ${lim}`,
    w.params,
  );
  return { ids: rows.map((r) => Number(r.id)), rowsRead: rows.length < limit ? budget : (rows.at(-1)?.rn ?? 0) };
}

/**
 * Whether a walk needs nothing but each row's id and name: no filter and no limit of scope (a caller who sees the
 * whole register), only the keyset. Then it reads entities_id_name_idx alone (walkIdNameIndex).
 */
export const walkIsCovered = (s: EntitySelection) =>
  entityWhere({ ...s, withoutName: true, plan: undefined, beforeId: undefined }).toString() === '';

/**
 * The walk as an index-only scan of entities_id_name_idx, newest first: the LIKE alone decides (a name holding the
 * fragment holds its bigrams), and no window counts the rows read, which cost more than the scan (at 20 M, 48.7 k
 * rows: 4 ms scanned, 11 ms with row_number). `rowsRead` is then the span of ids from the newest row to the last
 * match: ids come from one identity sequence, so its gaps (rolled-back inserts) make it at most a little high.
 */
async function walkIdNameIndex(
  db: Queryable,
  text: string,
  beforeId: number | undefined,
  limit: number,
  budget: number,
) {
  const w = new Where().addIf(beforeId, 'e.id < ?');
  const like = w.param(`%${escapeLike(text)}%`);
  const scan = w.param(budget);
  const lim = w.param(limit);
  const rows = await db.query<{ id: number; top: number }>(
    `SELECT s.id, (SELECT max(e.id) FROM entities e ${w}) AS top FROM (
       SELECT e.id, e.name FROM entities e ${w} ORDER BY e.id DESC LIMIT ${scan}) s
      WHERE s.name LIKE ${like} ORDER BY s.id DESC LIMIT ${lim}`,
    w.params,
  );
  const ids = rows.map((r) => Number(r.id));
  const last = ids.at(-1);
  if (ids.length < limit) return { ids, rowsRead: budget };
  return { ids, rowsRead: Math.min(budget, Number(rows[0]!.top) - last! + 1) };
}

/**
 * The id of the oldest of the `count` newest entities below `beforeId` (all of them when fewer): where a walk of
 * the id and name index that read them goes on from. An index-only scan of `count` keys.
 */
export async function oldestOfNewest(db: Queryable, beforeId: number | undefined, count: number) {
  const w = new Where().addIf(beforeId, 'e.id < ?');
  const n = w.param(count);
  const [r] = await db.query<{ id: number | null }>(
    `SELECT min(s.id) AS id FROM (SELECT e.id FROM entities e ${w} ORDER BY e.id DESC LIMIT ${n}) s`,
    w.params,
  );
  return r?.id == null ? undefined : Number(r.id);
}

/**
 * The share of the selection's rows that match its name search, from a sample of the table's pages
 * (TABLESAMPLE SYSTEM, the same pages every time: REPEATABLE): about `rows` rows read wherever they lie, so a batch
 * of one name among the newest rows does not pass for the whole scope. A table of at most `rows` rows is read whole.
 */
export async function sampleNameShare(
  db: Queryable,
  s: EntitySelection,
  rows: number,
  tableRows: number,
): Promise<{ hits: number; read: number }> {
  const text = s.filters.q?.trim() ?? '';
  const percent = tableRows <= rows ? 100 : Math.max((100 * rows) / tableRows, 0.0001);
  const w = entityWhere({ ...s, withoutName: true, plan: undefined });
  const tsquery = w.param(bigramTsquery(text));
  const like = w.param(`%${escapeLike(text)}%`);
  const sample = percent >= 100 ? '' : `TABLESAMPLE SYSTEM (${w.param(percent)}) REPEATABLE (15)`;
  const [r] = await db.query<{ hits: number; read: number }>(
    `SELECT count(*) FILTER (WHERE e.name_bigrams @@ ${tsquery}::tsquery AND e.name LIKE ${like})::int AS hits,
            count(*)::int AS read
       FROM entities e ${sample} ${w}`,
    w.params,
  );
  return { hits: r?.hits ?? 0, read: r?.read ?? 0 };
}

/**
 * The share of one station's selected rows that match its name search, from `windows` runs of `perWindow` rows
 * spread evenly over the station's id range (entities_station_idx, newest first below each pivot): ≈ 2,000 heap
 * reads wherever the station lies in a 20 M register, where a sample of the table's pages reads 20,000 rows to see
 * the station's eighth of them. `windowsHit` tells a batch of one name (all in one window) from a spread name.
 */
export async function sampleStationShare(
  db: Queryable,
  s: EntitySelection,
  stationId: number,
  windows: number,
  perWindow: number,
): Promise<{ hits: number; read: number; windowsHit: number }> {
  const text = s.filters.q?.trim() ?? '';
  const w = entityWhere({ ...s, filters: { ...s.filters, stationId }, withoutName: true, plan: undefined });
  const tsquery = w.param(bigramTsquery(text));
  const like = w.param(`%${escapeLike(text)}%`);
  const n = w.param(windows);
  const per = w.param(perWindow);
  const st = w.param(stationId);
  w.add('e.id <= b.lo + (b.hi - b.lo) * (k + 1) / b.n');
  const [r] = await db.query<{ hits: number; read: number; windowsHit: number }>(
    `WITH b AS (SELECT min(id) AS lo, max(id) AS hi, ${n}::int AS n FROM entities WHERE station_id = ${st}),
     sample_windows AS (
       SELECT k, count(*) FILTER (WHERE x.hit) AS hits, count(*) AS read
         FROM b, generate_series(0, b.n - 1) k,
              LATERAL (SELECT e.name_bigrams @@ ${tsquery}::tsquery AND e.name LIKE ${like} AS hit
                         FROM entities e ${w} ORDER BY e.id DESC LIMIT ${per}) x
        GROUP BY k)
     SELECT coalesce(sum(hits), 0)::int AS hits, coalesce(sum(read), 0)::int AS read,
            count(*) FILTER (WHERE hits > 0)::int AS "windowsHit"
       FROM sample_windows`,
    w.params,
  );
  return { hits: r?.hits ?? 0, read: r?.read ?? 0, windowsHit: r?.windowsHit ?? 0 };
}
