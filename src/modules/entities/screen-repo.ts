import type { Queryable } from '../../db/client.ts';
import type { ScreenWindow } from '../screen/provider.ts';

/** Per station and for the district (station null): the register's size by status and type, and this month's new. */
export function entityTotals(db: Queryable, w: ScreenWindow) {
  return db.query<{
    unitId: number | null;
    total: number;
    active: number;
    enterprise: number;
    individualBusiness: number;
    farmerCooperative: number;
    newThisMonth: number;
  }>(
    `SELECT station_id AS "unitId", count(*)::int AS total,
            count(*) FILTER (WHERE status = 'active')::int AS active,
            count(*) FILTER (WHERE status = 'active' AND type = 'enterprise')::int AS enterprise,
            count(*) FILTER (WHERE status = 'active' AND type = 'individualBusiness')::int AS "individualBusiness",
            count(*) FILTER (WHERE status = 'active' AND type = 'farmerCooperative')::int AS "farmerCooperative",
            count(*) FILTER (WHERE established_on BETWEEN $1 AND $2)::int AS "newThisMonth"
       FROM entities GROUP BY GROUPING SETS ((station_id), ())`,
    [w.monthStart, w.today],
  );
}

/** New registrations (established_on) per station and month over the last 12 months, and the district's. */
export function entityMonthly(db: Queryable, w: ScreenWindow) {
  return db.query<{ unitId: number | null; month: string; n: number }>(
    `SELECT station_id AS "unitId", to_char(date_trunc('month', established_on), 'YYYY-MM') AS month, count(*)::int AS n
       FROM entities WHERE established_on BETWEEN $1 AND $2
      GROUP BY GROUPING SETS ((station_id, date_trunc('month', established_on)), (date_trunc('month', established_on)))`,
    [w.months12Start, w.today],
  );
}
