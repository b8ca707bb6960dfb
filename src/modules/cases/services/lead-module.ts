import type { Db } from '../../../db/client.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import type { ApprovalEngine } from './approvals.ts';
import { createLeadService } from './leads.ts';
import { createProposalService } from './proposals.ts';
import { createCaseReferenceService } from './reference.ts';
import { createCaseSettingsService } from './settings.ts';

/**
 * Wires leads, proposals, the reference data and the settings; a lead's approved request (延期, 不予立案) takes
 * effect through the approvals engine's completion handler for 'lead'.
 */
export function createCaseLeadServices(
  db: Db,
  deps: {
    calendar: () => Promise<WorkingDayCalendar>;
    approvals: ApprovalEngine;
    pii: Pick<PiiCipher, 'encrypt'>;
    now?: () => Date;
  },
) {
  const leads = createLeadService(db, deps);
  deps.approvals.registerApprovalCompletion('lead', leads.completeApproval);
  return {
    leads,
    proposals: createProposalService(db, { pii: deps.pii, leads, now: deps.now }),
    reference: createCaseReferenceService(db, { now: deps.now }),
    settings: createCaseSettingsService(db),
  };
}

export type CaseLeadServices = ReturnType<typeof createCaseLeadServices>;
