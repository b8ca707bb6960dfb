import type { statusZhCN } from './status.zh-cn.ts';

export const statusEnUS: Record<keyof typeof statusZhCN, string> = {
  'status.complaint.received': 'Awaiting acceptance',
  'status.complaint.accepted': 'Accepted',
  'status.complaint.rejected': 'Not accepted',
  'status.complaint.mediating': 'Mediating',
  'status.complaint.mediationSucceeded': 'Mediation succeeded',
  'status.complaint.mediationTerminated': 'Mediation ended',
  'status.complaint.verifying': 'Verifying',
  'status.complaint.caseOpened': 'Case opened',
  'status.complaint.caseNotOpened': 'No case opened',
  'status.complaint.answered': 'Answered',
  'status.complaint.transferred': 'Transferred',
  'status.complaint.closed': 'Closed',

  'status.creditBatch.proposed': 'Proposed',
  'status.creditBatch.approved': 'Listing decided',
  'status.creditBatch.discarded': 'Not listed',

  'status.creditListing.proposed': 'Proposed',
  'status.creditListing.listed': 'Listed',
  'status.creditListing.removed': 'Removed',
  'status.creditListing.discarded': 'Not listed',

  'status.creditRepair.applied': 'Applied',
  'status.creditRepair.reviewed': 'Reviewed',
  'status.creditRepair.approved': 'Repair granted',
  'status.creditRepair.rejected': 'Repair refused',

  'status.spotCheckTask.draft': 'Draft',
  'status.spotCheckTask.frozen': 'Pool frozen',
  'status.spotCheckTask.drawn': 'Drawn',
  'status.spotCheckTask.closed': 'Closed',
  'status.spotCheckTask.cancelled': 'Cancelled',

  'status.spotCheckVisit.assigned': 'To inspect',
  'status.spotCheckVisit.inspected': 'Inspected, to publish',
  'status.spotCheckVisit.published': 'Published',

  'status.entity.active': 'Active',
  'status.entity.suspended': 'Suspended',
  'status.entity.revoked': 'Revoked',
  'status.entity.deregistered': 'Deregistered',
  'status.entity.movedOut': 'Moved out',

  'status.job.queued': 'Queued',
  'status.job.running': 'Running',
  'status.job.succeeded': 'Succeeded',
  'status.job.failed': 'Failed',
  'status.job.cancelled': 'Cancelled',
};
