import type { Db, Queryable } from '../../../db/client.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordTransition } from '../../../platform/workflow.ts';
import type { FileService } from '../../files/service.ts';
import { caseKind, caseReach } from '../access.ts';
import { type ExecCaseRow, findExecCase, insertCaseStep } from '../repos/execution.ts';
import type { CaseWorkflow } from './case-workflow.ts';

/** What evidence, measures and execution need besides the database. */
export interface CaseExecDeps {
  files: Pick<FileService, 'store' | 'openLinked' | 'remove' | 'maxBytes'>;
  /** The working-day calendar (load it before a transaction opens). */
  calendar: () => Promise<WorkingDayCalendar>;
  /** The case transitions: actions are registered with it and applied through it. */
  workflow: Pick<CaseWorkflow, 'transition' | 'registerCaseAction'>;
  today: () => string;
}

/** The case as the caller may read it (404 outside their reach, 403 without case:read). */
export async function readableCase(db: Queryable, actor: Actor, id: number): Promise<ExecCaseRow> {
  return assertReadable(actor, caseKind, await findExecCase(db, id, actor.userId), caseReach);
}

/** Inside a transaction: the case locked, for a caller who may write it (403 / 404 otherwise). */
export async function writableCase(tx: Queryable, actor: Actor, id: number): Promise<ExecCaseRow> {
  return assertWritable(actor, caseKind, await findExecCase(tx, id, actor.userId, true), caseReach);
}

/** A check before a transaction opens: the same 403/404 answers, without the lock. */
export async function assertCaseWritable(db: Db, actor: Actor, id: number): Promise<ExecCaseRow> {
  return assertWritable(actor, caseKind, await findExecCase(db, id, actor.userId), caseReach);
}

/**
 * One step on the case's timeline in the caller's transaction: `change` (false → 409 stale version), the
 * case_steps row, the audit row `case.<action>`.
 */
export function recordCaseStep(
  tx: Queryable,
  actor: Actor,
  c: Pick<ExecCaseRow, 'id' | 'status'>,
  step: {
    action: string;
    to?: string;
    note?: string | null;
    data?: Record<string, unknown>;
    change?: () => Promise<boolean>;
  },
): Promise<void> {
  const to = step.to ?? c.status;
  return recordTransition(tx, actor, {
    change: step.change ?? (async () => true),
    event: async () => {
      await insertCaseStep(tx, {
        caseId: c.id,
        action: step.action,
        fromStatus: c.status,
        toStatus: to,
        actorId: actor.userId,
        note: step.note ?? null,
        data: step.data,
      });
    },
    audit: {
      action: `case.${step.action}`,
      targetType: 'case',
      targetId: c.id,
      detail: { from: c.status, to, ...step.data },
    },
  });
}
