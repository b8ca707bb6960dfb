import type { TComplaintExportQuery } from '../../../contracts/complaints.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { ComplaintFilter } from '../repos/complaints.ts';

/** The list's query string as repo filters; the export applies exactly these. */
export function complaintFilter(actor: Actor, q: TComplaintExportQuery, today: string): ComplaintFilter {
  return {
    kind: q.kind,
    status: q.status,
    stationId: q.stationId,
    handlerId: q.handlerId,
    handledBy: q.mine === 'true' ? actor.userId : undefined,
    entityId: q.entityId,
    receivedFrom: q.receivedFrom,
    receivedTo: q.receivedTo,
    overdueBefore: q.overdue === 'true' ? today : undefined,
    q: q.q,
  };
}
