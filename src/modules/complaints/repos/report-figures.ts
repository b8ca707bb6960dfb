import type { Queryable } from '../../../db/client.ts';

/**
 * 工作总结: 12315 items received in the period and what became of them. An outcome counts when the item's timeline
 * ever reached it (受理 / 不予受理, 调解成功 / 终止调解), so a later 办结 does not hide it.
 */
export const complaintFiguresSql = `
SELECT count(*)::int AS "items",
       count(*) FILTER (WHERE c.kind = 'complaint')::int AS "complaints",
       count(*) FILTER (WHERE c.kind = 'report')::int AS "reports",
       count(*) FILTER (WHERE c.kind = 'inquiry')::int AS "inquiries",
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_events ev
                                       WHERE ev.complaint_id = c.id AND ev.to_status = 'accepted'))::int AS "accepted",
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_events ev
                                       WHERE ev.complaint_id = c.id AND ev.to_status = 'rejected'))::int AS "rejected",
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_events ev
                                       WHERE ev.complaint_id = c.id AND ev.to_status = 'mediationSucceeded'))::int AS "mediated",
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_events ev
                                       WHERE ev.complaint_id = c.id AND ev.to_status = 'mediationTerminated'))::int AS "terminated",
       coalesce(sum(c.recovered_fen), 0)::bigint AS "recoveredFen",
       count(c.satisfaction)::int AS "rated",
       count(*) FILTER (WHERE c.satisfaction >= 4)::int AS "satisfied"
  FROM complaints c
 WHERE c.received_on BETWEEN $1 AND $2
   AND ($3::bigint[] IS NULL OR c.station_id = ANY($3::bigint[]))`;

export interface ComplaintFigureRow {
  items: number;
  complaints: number;
  reports: number;
  inquiries: number;
  accepted: number;
  rejected: number;
  mediated: number;
  terminated: number;
  recoveredFen: string | number;
  rated: number;
  satisfied: number;
}

export async function complaintFigures(
  db: Queryable,
  from: string,
  to: string,
  unitIds: readonly number[] | null,
): Promise<ComplaintFigureRow> {
  const [row] = await db.query<ComplaintFigureRow>(complaintFiguresSql, [from, to, unitIds]);
  return row as ComplaintFigureRow;
}
