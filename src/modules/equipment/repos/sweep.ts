import type { Queryable } from '../../../db/client.ts';

/**
 * The nightly inspection-state sweep, set-based and idempotent: equipment in use or stopped whose due date lies within
 * the notice months becomes 应报检 (due) or, past it, 超期未检 (overdue), through equipment_next_due_idx; rows marked
 * due/overdue that no longer are go back to normal, through equipment_due_idx. A second run changes nothing.
 */
export async function sweepInspectionStates(db: Queryable, today: string, noticeMonths: number) {
  const [up] = await db.query<{ due: number; overdue: number }>(
    `WITH x AS (
       SELECT id, CASE WHEN next_inspection_due < $1::date THEN 'overdue' ELSE 'due' END AS state
         FROM equipment
        WHERE status IN ('inUse', 'stopped')
          AND next_inspection_due <= ($1::date + make_interval(months => $2::int))::date),
     u AS (
       UPDATE equipment eq SET inspection_state = x.state, updated_at = now()
         FROM x WHERE eq.id = x.id AND eq.inspection_state <> x.state RETURNING x.state)
     SELECT count(*) FILTER (WHERE state = 'due')::int AS due, count(*) FILTER (WHERE state = 'overdue')::int AS overdue
       FROM u`,
    [today, noticeMonths],
  );
  const [down] = await db.query<{ n: number }>(
    `WITH u AS (
       UPDATE equipment SET inspection_state = 'normal', updated_at = now()
        WHERE inspection_state <> 'normal'
          AND (status NOT IN ('inUse', 'stopped') OR next_inspection_due IS NULL
               OR next_inspection_due > ($1::date + make_interval(months => $2::int))::date)
        RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [today, noticeMonths],
  );
  return { toDue: Number(up?.due ?? 0), toOverdue: Number(up?.overdue ?? 0), toNormal: Number(down?.n ?? 0) };
}
