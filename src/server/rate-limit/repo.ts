import type { Queryable } from '../../db/client.ts';

export interface Counter {
  hits: number;
  ttlMs: number;
}

/**
 * One request of a client: counts it in the current window, or opens a new window when the last one has ended.
 * The database's clock decides, so nodes with drifting clocks still share one window.
 */
export async function countHit(db: Queryable, scope: string, clientKey: string, windowMs: number): Promise<Counter> {
  const [row] = await db.query<Counter>(
    `INSERT INTO rate_limit_counters AS c (scope, client_key, hits, window_ends_at)
     VALUES ($1, $2, 1, now() + make_interval(secs => $3::double precision / 1000))
     ON CONFLICT (scope, client_key) DO UPDATE SET
       hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
       window_ends_at = CASE WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
     RETURNING hits, greatest(0, ceil(extract(epoch FROM window_ends_at - now()) * 1000))::int AS "ttlMs"`,
    [scope, clientKey, windowMs],
  );
  return row!;
}

/** The client's counter without counting (an ended window reads as none). */
export async function readCounter(db: Queryable, scope: string, clientKey: string): Promise<Counter> {
  const [row] = await db.query<Counter>(
    `SELECT hits, ceil(extract(epoch FROM window_ends_at - now()) * 1000)::int AS "ttlMs"
       FROM rate_limit_counters WHERE scope = $1 AND client_key = $2 AND window_ends_at > now()`,
    [scope, clientKey],
  );
  return row ?? { hits: 0, ttlMs: 0 };
}

/** Drops the counters whose window has ended; returns how many. */
export async function pruneCounters(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'WITH gone AS (DELETE FROM rate_limit_counters WHERE window_ends_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone',
  );
  return row?.n ?? 0;
}
