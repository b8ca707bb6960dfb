import type { Queryable } from '../../../db/client.ts';
import type { CreditRequirement, CreditSubject, CreditTransition } from '../../../domain/credit-workflow.ts';
import type { Actor } from '../../../platform/actor.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import { insertEvent } from '../repos/events.ts';

/** allowTransition on a credit table (409 from a wrong status, 422 for a missing field); credit moves always land. */
export function allowCredit<A extends string, S extends string>(
  table: Readonly<Record<A, CreditTransition<S>>>,
  action: A,
  status: S | null,
  statusLabels: Readonly<Record<S, string>>,
  given: Partial<Record<CreditRequirement, unknown>> = {},
): CreditTransition<S> {
  allowTransition(table, action, status, statusLabels, given);
  return table[action];
}

/** One move of a credit subject, as the credit_events row and the audit row name it. */
export interface CreditMove {
  subject: CreditSubject;
  action: string;
  from: string | null;
  to: string;
}

/**
 * Writes one credit transition in the caller's transaction: `change` (false: someone changed the row first → 409),
 * then its credit_events row, then its audit row.
 */
export function recordCreditTransition(
  tx: Queryable,
  actor: Actor,
  move: CreditMove,
  s: { id: number; entityId: number | null; note?: string | null; data?: Record<string, unknown> },
  change: () => Promise<boolean> = async () => true,
): Promise<void> {
  return recordTransition(tx, actor, {
    change,
    event: () =>
      insertEvent(tx, {
        subjectType: move.subject,
        subjectId: s.id,
        entityId: s.entityId,
        action: move.action,
        from: move.from,
        to: move.to,
        note: s.note,
        data: s.data,
        actorId: actor.userId,
      }),
    audit: {
      action: `credit.${move.subject}.${move.action}`,
      targetType: `credit-${move.subject}`,
      targetId: s.id,
      detail: { from: move.from, to: move.to, entityId: s.entityId, ...s.data },
    },
  });
}
