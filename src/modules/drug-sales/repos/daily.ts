import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';

/** Rollup rows of the units in reach (null: every unit), summed over stations. */
function scoped(units: readonly number[] | null, from: string, to: string) {
  const w = new Where().add('d.day BETWEEN ?::date AND ?::date', from, to);
  if (units) w.add('d.station_id = ANY(?::bigint[])', units);
  return w;
}

export async function dailyByClass(q: Queryable, units: readonly number[] | null, from: string, to: string) {
  const w = scoped(units, from, to);
  return q.query<{ day: string; drugClass: string; n: number }>(
    `SELECT d.day::text AS day, d.drug_class AS "drugClass", sum(d.n)::int AS n
       FROM drug_sale_daily d ${w} GROUP BY d.day, d.drug_class ORDER BY 1, 2`,
    w.params,
  );
}

/** Township totals over the range, named by the station whose township codes cover it (the code otherwise). */
export async function byTownship(q: Queryable, units: readonly number[] | null, from: string, to: string) {
  const w = scoped(units, from, to);
  return q.query<{ townshipCode: string; townshipName: string; drugClass: string; n: number }>(
    `SELECT t.township_code AS "townshipCode",
            coalesce((SELECT s.name FROM org_units s WHERE s.kind = 'station' AND t.township_code <> ''
                       AND t.township_code = ANY(s.region_codes) ORDER BY s.id LIMIT 1),
                     nullif(t.township_code, ''), '未知乡镇') AS "townshipName",
            t.drug_class AS "drugClass", t.n
       FROM (SELECT d.township_code, d.drug_class, sum(d.n)::int AS n FROM drug_sale_daily d ${w}
              GROUP BY 1, 2) t
      ORDER BY t.n DESC, 1, 3`,
    w.params,
  );
}

/** District-wide counts per day, class and township: what the spike rule reads (a few thousand rollup rows). */
export async function detectionRows(q: Queryable, from: string, to: string) {
  return q.query<{ day: string; drugClass: string; townshipCode: string; n: number }>(
    `SELECT day::text AS day, drug_class AS "drugClass", township_code AS "townshipCode", sum(n)::int AS n
       FROM drug_sale_daily WHERE day BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3`,
    [from, to],
  );
}

/** Recounts the rollup for days from `from` on from the registrations (the nightly repair; demo and bench loads). */
export async function rebuildDaily(tx: Queryable, from: string): Promise<number> {
  await tx.query('DELETE FROM drug_sale_daily WHERE day >= $1::date', [from]);
  const rows = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO drug_sale_daily (day, drug_class, township_code, station_id, n)
       SELECT sold_on, drug_class, township_code, station_id, count(*) FROM drug_sale_registrations
        WHERE sold_on >= $1::date GROUP BY 1, 2, 3, 4 RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [from],
  );
  return Number(rows[0]?.n ?? 0);
}

export interface AlertRow {
  id: number;
  day: string;
  drugClass: string;
  townshipCode: string;
  townshipName: string;
  observed: number;
  expected: number;
  threshold: number;
  status: 'new' | 'handled';
  note: string | null;
  version: number;
  createdAt: string;
}
const alertColumns = `id, day::text AS day, drug_class AS "drugClass", township_code AS "townshipCode",
  township_name AS "townshipName", observed, expected::float8 AS expected, threshold::float8 AS threshold, status,
  note, version, created_at::text AS "createdAt"`;

export async function townshipName(q: Queryable, code: string): Promise<string> {
  const [row] = await q.query<{ name: string }>(
    `SELECT name FROM org_units WHERE kind = 'station' AND $1 <> '' AND $1 = ANY(region_codes) ORDER BY id LIMIT 1`,
    [code],
  );
  return row?.name ?? (code || '未知乡镇');
}

/** A new alert, or undefined when this day, class and township already has one (the hourly run tells once). */
export async function insertAlert(
  tx: Queryable,
  a: Omit<AlertRow, 'id' | 'status' | 'note' | 'version' | 'createdAt'>,
): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO drug_sale_alerts (day, drug_class, township_code, township_name, observed, expected, threshold)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (day, drug_class, township_code) DO NOTHING RETURNING id`,
    [a.day, a.drugClass, a.townshipCode, a.townshipName, a.observed, a.expected, a.threshold],
  );
  return row ? Number(row.id) : undefined;
}

export async function listAlerts(q: Queryable, f: { status?: string; afterId?: number; limit: number }) {
  const w = new Where().addIf(f.status, 'status = ?').addIf(f.afterId, 'id < ?');
  const lim = w.param(f.limit + 1);
  return q.query<AlertRow>(`SELECT ${alertColumns} FROM drug_sale_alerts ${w} ORDER BY id DESC LIMIT ${lim}`, w.params);
}

export async function getAlert(q: Queryable, id: number): Promise<AlertRow | undefined> {
  const [row] = await q.query<AlertRow>(`SELECT ${alertColumns} FROM drug_sale_alerts WHERE id = $1`, [id]);
  return row;
}

export async function handleAlert(tx: Queryable, a: { id: number; version: number; note: string; by: number }) {
  const rows = await tx.query(
    `UPDATE drug_sale_alerts SET status = 'handled', note = $3, handled_by = $4, version = version + 1
      WHERE id = $1 AND version = $2 RETURNING 1`,
    [a.id, a.version, a.note, a.by],
  );
  return rows.length === 1;
}

/** Unhandled alerts, oldest first, for the liaison's inbox (status index). */
export async function pendingAlerts(q: Queryable, limit: number) {
  return q.query<AlertRow>(
    `SELECT ${alertColumns} FROM drug_sale_alerts WHERE status = 'new' ORDER BY day, id LIMIT $1`,
    [limit],
  );
}
