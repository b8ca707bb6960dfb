import type { Queryable } from '../db/client.ts';
import { checkTransition, missingRequirements, type Transition } from '../domain/transition.ts';
import { type AuditActor, type AuditInput, appendAudit } from './audit.ts';
import { AppError, conflict, validation } from './errors.ts';

/** 409 for an optimistic-lock miss; a module may name the row in `detail`. */
export const staleVersion = (detail = '该记录已被他人处理，请刷新后重试') =>
  conflict(detail, [{ path: 'version', message: '版本已过期' }]);

/** Checks an action against a workflow table and the fields it requires: 409 INVALID_STATE or 422 otherwise. */
export function allowTransition<A extends string, S extends string, R extends string>(
  table: Readonly<Record<A, Transition<S, R>>>,
  action: A,
  status: S | null,
  statusLabels: Readonly<Record<S, string>>,
  given: Partial<Record<R, unknown>> = {},
): Transition<S, R> {
  const check = checkTransition(table, action, status, statusLabels);
  if (!check.ok) throw new AppError('INVALID_STATE', check.reason);
  const [missing] = missingRequirements(check.transition, given);
  if (missing) throw validation(missing, '此操作必须填写该项');
  return check.transition;
}

/**
 * Writes one transition inside the caller's transaction: the subject's change (a versioned update or an
 * insert; false means someone else changed it first → 409), the module's event row, then the audit row.
 */
export async function recordTransition(
  tx: Queryable,
  actor: AuditActor | null,
  step: { change: () => Promise<boolean>; event: () => Promise<void>; audit: AuditInput },
): Promise<void> {
  if (!(await step.change())) throw staleVersion();
  await step.event();
  await appendAudit(tx, actor, step.audit);
}
