import type { MessageKey } from '../i18n/zh-cn.ts';

/**
 * One colour map per workflow, keyed by the status code the API sends. Every list and detail page shows a status
 * through <StatusTag> (web/src/components/status-tag.tsx), so a status has the same colour and name everywhere.
 * Names are message keys (status.<workflow>.<code>), never the Chinese label from src/domain, so en-US reads.
 * Colours: blue = waiting for someone, orange/gold = in progress, green = done well, red = refused or failed,
 * default (grey) = ended without effect.
 */
export const statusColours = {
  complaint: {
    received: 'blue',
    accepted: 'cyan',
    rejected: 'red',
    mediating: 'orange',
    mediationSucceeded: 'green',
    mediationTerminated: 'default',
    verifying: 'gold',
    caseOpened: 'purple',
    caseNotOpened: 'default',
    answered: 'green',
    transferred: 'geekblue',
    closed: 'default',
  },
  caseLead: { verifying: 'gold', filed: 'green', not_filed: 'default', merged: 'purple' },
  case: {
    draft: 'blue',
    investigating: 'orange',
    suspended: 'default',
    investigated: 'gold',
    reviewed: 'cyan',
    discussed: 'cyan',
    notified: 'geekblue',
    hearing: 'purple',
    heard: 'purple',
    decided: 'magenta',
    served: 'volcano',
    enforcement: 'red',
    closed: 'green',
    annulled: 'default',
  },
  caseMeasure: { active: 'orange', ended: 'default' },
  caseDisclosure: { pending: 'blue', published: 'green', withdrawn: 'default', removed: 'purple', expired: 'default' },
  creditBatch: { proposed: 'blue', approved: 'green', discarded: 'default' },
  creditListing: { proposed: 'blue', listed: 'red', removed: 'green', discarded: 'default' },
  creditRepair: { applied: 'blue', reviewed: 'orange', approved: 'green', rejected: 'red' },
  spotCheckTask: { draft: 'default', frozen: 'blue', drawn: 'orange', closed: 'green', cancelled: 'default' },
  spotCheckVisit: { assigned: 'blue', inspected: 'orange', published: 'green' },
  entity: { active: 'green', suspended: 'orange', revoked: 'red', deregistered: 'default', movedOut: 'purple' },
  job: { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error', cancelled: 'default' },
  cdAdverse: { reported: 'blue', assessing: 'orange', referred: 'purple', closed: 'green' },
} as const satisfies Record<string, Record<string, string>>;

export type Workflow = keyof typeof statusColours;
export type StatusOf<W extends Workflow> = keyof (typeof statusColours)[W] & string;

/** The message key naming a status; unknown codes (a status added on the server first) fall back to the code. */
export function statusLabelKey(workflow: Workflow, status: string): MessageKey | undefined {
  return status in statusColours[workflow] ? (`status.${workflow}.${status}` as MessageKey) : undefined;
}

export function statusColour(workflow: Workflow, status: string): string | undefined {
  return (statusColours[workflow] as Record<string, string>)[status];
}

/** Options for a status filter (Select), in workflow order. */
export function statusCodes<W extends Workflow>(workflow: W): StatusOf<W>[] {
  return Object.keys(statusColours[workflow]) as StatusOf<W>[];
}
