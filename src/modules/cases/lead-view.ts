import {
  leadSourceLabels,
  notFilingGroundLabels,
  type TLead,
  type TLeadDetail,
  type TLeadSourceType,
} from '../../contracts/case-leads.ts';
import type { TApproval } from '../../contracts/cases.ts';
import { leadActionsFrom, leadCode, leadStatusLabels } from '../../domain/case-workflow.ts';
import { type LeadClock, type LeadClockInput, leadClock, leadPauseReasonLabels } from '../../domain/lead-clock.ts';
import type { WorkingDayCalendar } from '../../domain/working-days.ts';
import type { LeadRow, PauseRow } from './repos/leads.ts';

/** Rows → lead contracts. The access columns (who registered it) stay on the server. */
export { leadCode };

export const verifyDueOn = (cal: WorkingDayCalendar, input: LeadClockInput) => leadClock(cal, input).dueOn;

/** The clock of a lead still being verified; a decided lead's clock has stopped. */
export function clockOf(
  cal: WorkingDayCalendar,
  row: Pick<LeadRow, 'status' | 'receivedOn' | 'extended'>,
  pauses: readonly PauseRow[],
  today: string,
): LeadClock | null {
  if (row.status !== 'verifying') return null;
  return leadClock(cal, { receivedOn: row.receivedOn, extended: row.extended, pauses, today });
}

/** What the caller may do next: the table's actions, less the one extension once used and the pause not applicable. */
function actionsOf(row: LeadRow, clock: LeadClock | null, pending: boolean): string[] {
  const actions: string[] = leadActionsFrom(row.status).filter((a) => {
    if (a === 'extend') return !row.extended && !pending;
    if (a === 'notFile') return !pending;
    if (a === 'pauseClock') return !clock?.paused;
    if (a === 'resumeClock') return Boolean(clock?.paused);
    return true;
  });
  if (row.status === 'verifying' && row.caseId === null) actions.push('propose');
  return actions;
}

export function toLead(row: LeadRow, clock: LeadClock | null, pending = false): TLead {
  return {
    id: row.id,
    code: leadCode(row.id),
    sourceType: row.sourceType as TLeadSourceType,
    sourceLabel: leadSourceLabels[row.sourceType as TLeadSourceType] ?? row.sourceType,
    sourceRef: row.sourceRef,
    entityId: row.entityId,
    entityName: row.entityName,
    stationId: row.stationId,
    stationName: row.stationName,
    summary: row.summary,
    status: row.status,
    statusLabel: leadStatusLabels[row.status],
    receivedOn: row.receivedOn,
    clock,
    extended: row.extended,
    assignedTo: row.assignedTo,
    assignedName: row.assignedName,
    caseId: row.caseId,
    version: row.version,
    createdAt: row.createdAt,
    actions: actionsOf(row, clock, pending),
  };
}

export function toLeadDetail(
  row: LeadRow,
  clock: LeadClock | null,
  parts: {
    pauses: PauseRow[];
    approvals: TApproval[];
    documents: TLeadDetail['documents'];
    source: TLeadDetail['source'];
  },
): TLeadDetail {
  const open = parts.approvals.find((a) => a.outcome === null);
  const ground = row.outcomeGround as keyof typeof notFilingGroundLabels | null;
  return {
    ...toLead(row, clock, Boolean(open)),
    source: parts.source,
    extensionReason: row.extensionReason,
    outcomeGround: ground,
    outcomeGroundLabel: ground ? notFilingGroundLabels[ground] : null,
    outcomeNote: row.outcomeNote,
    transferredTo: row.transferredTo,
    decidedOn: row.decidedOn,
    pauses: parts.pauses.map(({ leadId: _, ...p }) => ({ ...p, reasonLabel: leadPauseReasonLabels[p.reason] })),
    approvals: parts.approvals,
    documents: parts.documents,
    pendingAction: open?.action ?? null,
  };
}

/** Where a lead came from: a 12315 report (its tracking code) or a spot-check visit item (SC<visit>-<item>). */
export function sourceLinkOf(
  row: Pick<LeadRow, 'sourceType' | 'sourceRef'>,
  complaint: { id: number } | undefined,
): TLeadDetail['source'] {
  const none = { trackingCode: null, complaintId: null, visitId: null, itemId: null };
  if (row.sourceType === 'report' || row.sourceType === 'complaint')
    return { ...none, kind: 'complaint', trackingCode: row.sourceRef, complaintId: complaint?.id ?? null };
  const spot = /^SC(\d+)-(\d+)$/.exec(row.sourceRef);
  if (row.sourceType === 'inspection' && spot)
    return { ...none, kind: 'spotCheck', visitId: Number(spot[1]), itemId: Number(spot[2]) };
  return { ...none, kind: 'none' };
}
