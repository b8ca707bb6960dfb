import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface StationStatsRow {
  stationId: number;
  stationName: string;
  catering: number;
  enrolled: number;
  openAlerts: number;
  alerts30d: number;
}

/**
 * Per station in the caller's reach: catering businesses (an active licence for hot, cold or raw food, or a canteen),
 * how many of them are enrolled now, and their alerts. One pass over the station's food businesses.
 */
export async function stationStats(q: Queryable, actor: Actor): Promise<StationStatsRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  return q.query<StationStatsRow>(
    `SELECT fb.station_id AS "stationId", s.name AS "stationName",
            count(*) FILTER (WHERE cat.yes)::int AS catering,
            count(*) FILTER (WHERE cat.yes AND ke.id IS NOT NULL)::int AS enrolled,
            coalesce(sum(al.open), 0)::int AS "openAlerts", coalesce(sum(al.recent), 0)::int AS "alerts30d"
       FROM food_businesses fb JOIN org_units s ON s.id = fb.station_id
       CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM food_licences fl WHERE fl.business_id = fb.id
              AND fl.status = 'active' AND fl.categories && ARRAY['hotFood', 'coldFood', 'rawFood', 'canteen'])
              AS yes) cat
       LEFT JOIN kitchen_enrollments ke ON ke.business_id = fb.id AND ke.ended_on IS NULL
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE a.status = 'new') AS open,
              count(*) FILTER (WHERE a.first_seen_at > now() - interval '30 days') AS recent
              FROM kitchen_alerts a WHERE a.business_id = fb.id) al ON ke.id IS NOT NULL
       ${w}
      GROUP BY fb.station_id, s.name, s.id ORDER BY s.id`,
    w.params,
  );
}
