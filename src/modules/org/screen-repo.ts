import type { Queryable } from '../../db/client.ts';

/** The active stations (the screen's map regions), each keyed by its own id. */
export function screenStations(db: Queryable) {
  return db.query<{ unitId: number; code: string; name: string; sortOrder: number }>(
    `SELECT id AS "unitId", code, name, sort_order AS "sortOrder" FROM org_units
      WHERE kind = 'station' AND active ORDER BY sort_order, id`,
  );
}
