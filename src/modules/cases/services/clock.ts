import type { Queryable } from '../../../db/client.ts';
import { clockRuns, type DecisionClock, decisionClock } from '../../../domain/case-clock.ts';
import { pausesOfCase } from '../repos/pauses.ts';

/** The decision clock of one case today, or null when it does not run (not filed yet, or decided). */
export async function decisionClockOf(
  q: Queryable,
  row: { id: number; status: string; filedOn: string | null; decisionExtraDays: number },
  today: string,
): Promise<DecisionClock | null> {
  if (!row.filedOn || !clockRuns(row.status)) return null;
  const pauses = await pausesOfCase(q, row.id);
  return decisionClock({ filedOn: row.filedOn, extraDays: row.decisionExtraDays, pauses, today });
}
