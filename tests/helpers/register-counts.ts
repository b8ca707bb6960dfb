import type { Queryable } from '../../src/db/client.ts';

/** What an import can leave behind: register rows, their events and import audit rows (equal before and after = nothing). */
export async function registerCounts(db: Queryable) {
  const [r] = await db.query<{ entities: number; events: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM entities) AS entities, (SELECT count(*)::int FROM entity_events) AS events,
            (SELECT count(*)::int FROM audit_log WHERE action = 'entity.import') AS audit`,
  );
  return r!;
}
