import type { TScreenStation } from '../../contracts/screen.ts';
import type { Queryable } from '../../db/client.ts';
import type { ScreenFigureRow } from './provider.ts';

/** Replaces every figure with the refresh's rows (one transaction: a reader sees the old set or the new one). */
export async function replaceFigures(tx: Queryable, rows: readonly ScreenFigureRow[], computedAt: string) {
  await tx.query('DELETE FROM screen_figures');
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO screen_figures (unit_id, key, value, computed_at)
     SELECT u, k, v, $4 FROM unnest($1::bigint[], $2::text[], $3::jsonb[]) AS x (u, k, v)`,
    [rows.map((r) => r.unitId), rows.map((r) => r.key), rows.map((r) => JSON.stringify(r.value)), computedAt],
  );
}

export async function startRefresh(db: Queryable, startedAt: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('INSERT INTO screen_refreshes (started_at) VALUES ($1) RETURNING id', [
    startedAt,
  ]);
  return Number(row!.id);
}

export async function finishRefresh(
  db: Queryable,
  id: number,
  r: { finishedAt: string; durationMs: number; figures: number | null; error: string | null },
) {
  await db.query(
    'UPDATE screen_refreshes SET finished_at = $2, duration_ms = $3, figures = $4, error = $5 WHERE id = $1',
    [id, r.finishedAt, r.durationMs, r.figures, r.error],
  );
}

/** The last successful refresh, if any. */
export async function lastRefresh(db: Queryable) {
  const [row] = await db.query<{ finishedAt: string; durationMs: number; figures: number }>(
    `SELECT finished_at AS "finishedAt", duration_ms AS "durationMs", figures FROM screen_refreshes
      WHERE error IS NULL AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`,
  );
  return row;
}

/** One unit's figures (0: the district), keyed, with when they were computed. */
export function unitFigures(db: Queryable, unitId: number) {
  return db.query<{ key: string; value: unknown; computedAt: string }>(
    'SELECT key, value, computed_at AS "computedAt" FROM screen_figures WHERE unit_id = $1',
    [unitId],
  );
}

/** The stations for the map: each one's name and the few figures its tooltip shows, read from the rollup. */
export function stationFigures(db: Queryable, unitIds: readonly number[] | null) {
  return db.query<TScreenStation>(
    `SELECT u.unit_id AS "unitId", u.value->>'code' AS code, u.value->>'name' AS name,
            COALESCE((e.value->>'active')::int, 0) AS entities,
            COALESCE((c.value->>'thisMonth')::int, 0) AS "complaintsThisMonth",
            COALESCE((c.value->>'overdue')::int, 0) AS overdue,
            COALESCE((k.value->>'filedThisYear')::int, 0) AS "casesThisYear"
       FROM screen_figures u
       LEFT JOIN screen_figures e ON e.unit_id = u.unit_id AND e.key = 'entities'
       LEFT JOIN screen_figures c ON c.unit_id = u.unit_id AND c.key = 'complaints'
       LEFT JOIN screen_figures k ON k.unit_id = u.unit_id AND k.key = 'cases'
      WHERE u.key = 'unit' AND ($1::bigint[] IS NULL OR u.unit_id = ANY($1::bigint[]))
      ORDER BY (u.value->>'sortOrder')::int, u.unit_id`,
    [unitIds],
  );
}
