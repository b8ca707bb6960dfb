import type { Queryable } from '../../../db/client.ts';

export interface PauseRow {
  id: number;
  reason: string;
  note: string | null;
  startedOn: string;
  endedOn: string | null;
}

export async function pausesOfCase(q: Queryable, caseId: number): Promise<PauseRow[]> {
  return q.query<PauseRow>(
    `SELECT id, reason, note, started_on AS "startedOn", ended_on AS "endedOn"
       FROM case_clock_pauses WHERE case_id = $1 ORDER BY started_on, id`,
    [caseId],
  );
}

export async function openPause(
  tx: Queryable,
  caseId: number,
  p: { reason: string; note: string | null; on: string; by: number },
) {
  await tx.query(
    `INSERT INTO case_clock_pauses (case_id, reason, note, started_on, created_by) VALUES ($1, $2, $3, $4, $5)`,
    [caseId, p.reason, p.note, p.on, p.by],
  );
}

/** Ends the open pause (on `on`, never before it started); returns the ended row, if there was one. */
export async function closePause(tx: Queryable, caseId: number, on: string): Promise<PauseRow | undefined> {
  const [row] = await tx.query<PauseRow>(
    `UPDATE case_clock_pauses SET ended_on = greatest($2::date, started_on)
      WHERE case_id = $1 AND ended_on IS NULL
      RETURNING id, reason, note, started_on AS "startedOn", ended_on AS "endedOn"`,
    [caseId, on],
  );
  return row;
}
