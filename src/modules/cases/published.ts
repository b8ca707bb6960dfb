import type { Queryable } from '../../db/client.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../domain/working-days.ts';
import { leadCode, verifyDueOn } from './lead-view.ts';
import { upsertLead } from './repos/leads.ts';

/** What the cases module lets other modules call inside their own transaction. */
export interface CaseLeadInput {
  sourceType: 'complaint' | 'report' | 'inspection' | 'sampling' | 'transfer' | 'superior' | 'other';
  sourceRef: string;
  entityId: number | null;
  stationId: number;
  summary: string;
  createdBy: number | null;
}

/**
 * Records a 案件线索 inside the caller's transaction and returns its number (AY00000012). The lead is received
 * today (Asia/Shanghai) and its 15-working-day verification clock starts: pass the calendar, loaded before the
 * transaction (services.calendar.calendar() reads through the pool); without it the due date is left empty and
 * every view computes it from the receipt date, the pauses and the extension.
 */
export async function createCaseLead(
  tx: Queryable,
  lead: CaseLeadInput,
  cal?: WorkingDayCalendar,
  now: Date = new Date(),
): Promise<string> {
  const receivedOn = shanghaiToday(now);
  const { id } = await upsertLead(tx, {
    ...lead,
    summary: lead.summary.slice(0, 2000),
    receivedOn,
    verifyDueOn: cal ? verifyDueOn(cal, { receivedOn, extended: false, pauses: [], today: receivedOn }) : null,
  });
  return leadCode(id);
}
