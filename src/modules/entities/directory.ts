import type { Queryable } from '../../db/client.ts';

/** The registry's published read API for other modules (routing, linking): no scope, no personal data. */
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
