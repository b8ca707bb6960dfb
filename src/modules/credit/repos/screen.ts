import type { Queryable } from '../../../db/client.ts';

/** Risk classes A–D of the register (the entity's station), per station and for the district (station null). */
export function riskClassCounts(db: Queryable) {
  return db.query<{ unitId: number | null; riskClass: string; n: number }>(
    `SELECT e.station_id AS "unitId", r.risk_class AS "riskClass", count(*)::int AS n
       FROM entity_risk_classes r JOIN entities e ON e.id = r.entity_id
      GROUP BY GROUPING SETS ((e.station_id, r.risk_class), (r.risk_class))`,
  );
}

/** Entities on the 经营异常名录 now (a listing in force), per station and for the district. */
export function abnormalListedCounts(db: Queryable) {
  return db.query<{ unitId: number | null; n: number }>(
    `SELECT station_id AS "unitId", count(DISTINCT entity_id)::int AS n
       FROM credit_listings WHERE list = 'abnormal' AND status = 'listed'
      GROUP BY GROUPING SETS ((station_id), ())`,
  );
}
