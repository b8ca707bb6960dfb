import type { Queryable } from '../../db/client.ts';
import { type CreditSubject, type CreditTransition, checkCreditTransition } from '../../domain/credit-workflow.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, conflict, validation } from '../../platform/errors.ts';
import { insertEvent } from './listing-repo.ts';

export const stale = () => conflict('该记录已被他人处理，请刷新后重试', [{ path: 'version', message: '版本已过期' }]);

/** Looks the move up in the transition table and checks the fields it requires; throws 409/422 otherwise. */
export function allow(
  subject: CreditSubject,
  from: string | null,
  action: string,
  given: Partial<Record<CreditTransition['requires'][number], unknown>> = {},
): CreditTransition {
  const check = checkCreditTransition(subject, from, action);
  if (!check.ok) throw new AppError('INVALID_STATE', check.reason);
  for (const need of check.transition.requires) {
    if (given[need] === undefined || given[need] === '') throw validation(need, '此操作必须填写该项');
  }
  return check.transition;
}

/** The transition's credit_events row and audit row, inside the caller's transaction. */
export async function recordTransition(
  tx: Queryable,
  actor: Actor,
  t: CreditTransition,
  s: { id: number; entityId: number | null; note?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await insertEvent(tx, {
    subjectType: t.subject,
    subjectId: s.id,
    entityId: s.entityId,
    action: t.action,
    from: t.from,
    to: t.to,
    note: s.note,
    data: s.data,
    actorId: actor.userId,
  });
  await appendAudit(tx, actor, {
    action: `credit.${t.subject}.${t.action}`,
    targetType: `credit-${t.subject}`,
    targetId: s.id,
    detail: { from: t.from, to: t.to, entityId: s.entityId, ...s.data },
  });
}
