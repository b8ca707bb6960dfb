import type { Queryable } from '../../../db/client.ts';

/** An item's legal clocks and its event timeline. */
export async function insertDeadline(
  tx: Queryable,
  d: { complaintId: number; step: string; startedOn: string; dueOn: string; provisional: boolean },
): Promise<void> {
  await tx.query(
    `INSERT INTO complaint_deadlines (complaint_id, step, started_on, due_on, provisional) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (complaint_id, step) DO UPDATE SET started_on = EXCLUDED.started_on, due_on = EXCLUDED.due_on,
       provisional = EXCLUDED.provisional, met_at = NULL`,
    [d.complaintId, d.step, d.startedOn, d.dueOn, d.provisional],
  );
}

export async function completeDeadlines(tx: Queryable, complaintId: number, steps: readonly string[]): Promise<void> {
  await tx.query(
    'UPDATE complaint_deadlines SET met_at = now() WHERE complaint_id = $1 AND step = ANY($2::text[]) AND met_at IS NULL',
    [complaintId, steps],
  );
}

export async function extendDeadline(
  tx: Queryable,
  complaintId: number,
  step: string,
  dueOn: string,
  reason: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE complaint_deadlines SET due_on = $3, extension_reason = $4
      WHERE complaint_id = $1 AND step = $2 AND met_at IS NULL AND extension_reason IS NULL RETURNING 1`,
    [complaintId, step, dueOn, reason],
  );
  return rows.length === 1;
}

export interface DeadlineRow {
  step: string;
  startedOn: string;
  dueOn: string;
  provisional: boolean;
  metAt: string | null;
  extensionReason: string | null;
}

export async function deadlinesOf(db: Queryable, complaintId: number): Promise<DeadlineRow[]> {
  return db.query<DeadlineRow>(
    `SELECT step, started_on AS "startedOn", due_on AS "dueOn", provisional, met_at AS "metAt",
            extension_reason AS "extensionReason"
       FROM complaint_deadlines WHERE complaint_id = $1 ORDER BY started_on, due_on`,
    [complaintId],
  );
}

export async function insertEvent(
  tx: Queryable,
  e: {
    complaintId: number;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note?: string | null;
    data?: unknown;
    actorId: number | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO complaint_events (complaint_id, action, from_status, to_status, note, data, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.complaintId, e.action, e.fromStatus, e.toStatus, e.note ?? null, JSON.stringify(e.data ?? {}), e.actorId],
  );
}

export async function eventsOf(db: Queryable, complaintId: number) {
  return db.query<{
    id: number;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    data: unknown;
    actorName: string | null;
    at: string;
  }>(
    `SELECT ev.id, ev.action, ev.from_status AS "fromStatus", ev.to_status AS "toStatus", ev.note, ev.data,
            u.display_name AS "actorName", ev.at
       FROM complaint_events ev LEFT JOIN users u ON u.id = ev.actor_id WHERE ev.complaint_id = $1 ORDER BY ev.id`,
    [complaintId],
  );
}
