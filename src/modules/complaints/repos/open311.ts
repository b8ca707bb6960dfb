import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { ComplaintKind, ComplaintStatus } from '../../../domain/complaint-workflow.ts';

export interface Open311Row {
  trackingCode: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  categoryCode: string | null;
  categoryName: string | null;
  description: string;
  stationName: string;
  businessAddress: string | null;
  receivedAt: string;
  updatedAt: string;
  nextDueOn: string | null;
}

export interface Open311Filter {
  trackingCodes?: string[];
  receivedFrom?: string;
  receivedBefore?: string;
  categoryCode?: string;
  status?: 'open' | 'closed';
}

/**
 * The one query behind every Open311 answer (list and single request), so what Open311 may publish is decided
 * here once: never a confidential item, and only the columns below (no personal data; free text is masked by
 * the caller before it leaves).
 */
export async function open311Rows(db: Queryable, f: Open311Filter, limit: number): Promise<Open311Row[]> {
  const w = new Where()
    .add('c.confidential = false')
    .addIf(f.trackingCodes, 'c.tracking_code = ANY(?::text[])')
    .addIf(f.receivedFrom, 'c.received_at >= ?')
    .addIf(f.receivedBefore, 'c.received_at < ?')
    .addIf(f.categoryCode, 'c.category_code = ?');
  if (f.status) w.add(f.status === 'closed' ? "c.status = 'closed'" : "c.status <> 'closed'");
  const lim = w.param(limit);
  return db.query<Open311Row>(
    `SELECT c.tracking_code AS "trackingCode", c.kind, c.status, c.category_code AS "categoryCode", cat.name AS "categoryName",
            c.description, o.name AS "stationName", c.business_address AS "businessAddress", c.received_at AS "receivedAt",
            c.updated_at AS "updatedAt",
            (SELECT min(d.due_on) FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL) AS "nextDueOn"
       FROM complaints c JOIN org_units o ON o.id = c.station_id LEFT JOIN complaint_categories cat ON cat.code = c.category_code
       ${w} ORDER BY c.id DESC LIMIT ${lim}`,
    w.params,
  );
}
