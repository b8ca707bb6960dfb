import type { Queryable } from '../../../db/client.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import { recordTransition } from '../../../platform/workflow.ts';
import { insertEvent } from '../repos/timeline.ts';

/** One step on an item's timeline: who did what, from which status to which, with what note and data. */
export interface ComplaintStep {
  complaintId: number;
  /** The timeline action ('accept', 'reassign', 'attach' …); the audit action is `complaint.<action>`. */
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note?: string | null;
  data?: unknown;
  /** The audit row's detail: never personal data. */
  audit: Record<string, unknown>;
}

/**
 * Every handling step of an item, in the caller's transaction: the change (false: someone else changed the item
 * first → 409), its timeline event, its audit row (src/platform/workflow.ts recordTransition).
 */
export function recordStep(
  tx: Queryable,
  actor: AuditActor | null,
  step: ComplaintStep,
  change: () => Promise<boolean>,
): Promise<void> {
  return recordTransition(tx, actor, {
    change,
    event: () =>
      insertEvent(tx, {
        complaintId: step.complaintId,
        action: step.action,
        fromStatus: step.fromStatus,
        toStatus: step.toStatus,
        note: step.note ?? null,
        data: step.data,
        actorId: actor?.userId ?? null,
      }),
    audit: {
      action: `complaint.${step.action}`,
      targetType: 'complaint',
      targetId: step.complaintId,
      detail: step.audit,
    },
  });
}
