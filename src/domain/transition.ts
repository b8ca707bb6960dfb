/**
 * The one shape of a workflow table row, shared by every workflow in src/domain (<name>-workflow.ts):
 * an action moves a subject from one of `from` to `to`, needs the fields in `requires`.
 */
export interface Transition<S extends string = string, R extends string = string> {
  label: string;
  /** Statuses the action starts from; null means the subject is being created. */
  from: readonly (S | null)[];
  /** null: the status stays (e.g. an extension); the action is still recorded. */
  to: S | null;
  /** Fields the request must carry. */
  requires: readonly R[];
}

export type TransitionCheck<S extends string, R extends string> =
  | { ok: true; transition: Transition<S, R> }
  | { ok: false; reason: string };

/** Looks an action up for a subject in `status`; the reason names the status and the action in Chinese. */
export function checkTransition<A extends string, S extends string, R extends string>(
  table: Readonly<Record<A, Transition<S, R>>>,
  action: A,
  status: S | null,
  statusLabels: Readonly<Record<S, string>>,
): TransitionCheck<S, R> {
  const transition = table[action];
  if (!transition) return { ok: false, reason: `未知操作：${action}` };
  if (!transition.from.includes(status)) {
    const current = status === null ? '未创建' : (statusLabels[status] ?? status);
    return { ok: false, reason: `当前状态“${current}”不能执行“${transition.label}”` };
  }
  return { ok: true, transition };
}

/** The required fields a request left empty. */
export function missingRequirements<R extends string>(
  transition: Transition<string, R>,
  given: Partial<Record<R, unknown>>,
): R[] {
  return transition.requires.filter((need) => given[need] === undefined || given[need] === null || given[need] === '');
}
