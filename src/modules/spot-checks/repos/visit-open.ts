import type { Queryable } from '../../../db/client.ts';

/**
 * A visit outside a drawn task (a food routine inspection, a GSP inspection …): its own one-day plan of the given
 * kind, so UNIQUE (plan_id, entity_id) never collides with a follow-up of the same entity.
 */
export async function insertStandaloneVisit(
  q: Queryable,
  r: {
    planKind: 'food' | 'gsp' | 'cd' | 'equipment';
    name: string;
    day: string;
    stationId: number;
    entityId: number;
    inspectorIds: number[];
    createdBy: number;
  },
): Promise<number> {
  const [plan] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_plans (name, period_start, period_end, owner_unit_id, created_by, kind)
     VALUES ($1, $2, $2, $3, $4, $5) RETURNING id`,
    [r.name, r.day, r.stationId, r.createdBy, r.planKind],
  );
  const [visit] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids)
     VALUES ($1, $2, $3, '{}', $4::bigint[]) RETURNING id`,
    [plan!.id, r.entityId, r.stationId, r.inspectorIds],
  );
  return visit!.id;
}

export async function inspectorsByIds(q: Queryable, ids: number[]) {
  return q.query<{ id: number; name: string; userId: number | null; active: boolean }>(
    `SELECT id, name, user_id AS "userId", active FROM spot_check_inspectors WHERE id = ANY($1::bigint[])`,
    [ids],
  );
}

export async function inspectorOfUser(q: Queryable, userId: number) {
  const [row] = await q.query<{ id: number }>('SELECT id FROM spot_check_inspectors WHERE user_id = $1', [userId]);
  return row?.id;
}

/** 回避: declared conflicts of these inspectors with the entity. */
export async function conflictsOf(q: Queryable, entityId: number, inspectorIds: number[]) {
  return q.query<{ inspectorId: number; reason: string }>(
    `SELECT inspector_id AS "inspectorId", reason FROM spot_check_conflicts
      WHERE entity_id = $1 AND inspector_id = ANY($2::bigint[])`,
    [entityId, inspectorIds],
  );
}

/**
 * Inspectors a scheduler may leave to the engine: active ones kept by the station, none with a declared conflict with
 * the entity, the fewest visits still open (assigned) first, then by id — the lightest loads, reproducibly.
 */
export async function lightestStationInspectors(
  q: Queryable,
  p: { stationId: number; entityId: number; count: number },
) {
  const rows = await q.query<{ id: number }>(
    `SELECT i.id FROM spot_check_inspectors i
      WHERE i.station_id = $1 AND i.active
        AND NOT EXISTS (SELECT 1 FROM spot_check_conflicts c WHERE c.inspector_id = i.id AND c.entity_id = $2)
      ORDER BY (SELECT count(*) FROM spot_check_visits v
                 WHERE v.status = 'assigned' AND v.inspector_ids @> ARRAY[i.id]), i.id
      LIMIT $3`,
    [p.stationId, p.entityId, p.count],
  );
  return rows.map((r) => Number(r.id));
}
