import type { Queryable } from '../../../db/client.ts';
import type { CaseSettings } from '../../../domain/case-settings.ts';
import type { CaseDocumentKind } from '../../../domain/case-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { Actor } from '../../../platform/actor.ts';

/**
 * What the case workflow calls in the other helpers' services (wired in src/server/container.ts): the lead
 * outcomes, disclosure and credit consequences, document numbering. A hook not wired yet is
 * simply not called.
 */
export interface CaseHooks {
  onCaseFiled?(
    tx: Queryable,
    actor: Actor,
    p: { caseId: number; leadId: number },
    opts?: HookOptions,
  ): Promise<unknown>;
  onCaseDecided?(tx: Queryable, caseId: number, opts?: HookOptions): Promise<unknown>;
  onDecisionAnnulled?(
    tx: Queryable,
    caseId: number,
    reason: string,
    onDate: string,
    opts?: HookOptions,
  ): Promise<unknown>;
  onCaseClosed?(tx: Queryable, actor: Actor, caseId: number): Promise<unknown>;
}

/** What a hook gets besides the case: who completed the step, the calendar loaded before the transaction, today. */
export interface HookOptions {
  actor?: Actor;
  calendar?: WorkingDayCalendar;
  today?: string;
}

export interface IssueDocumentInput {
  kind: CaseDocumentKind;
  caseId?: number;
  leadId?: number;
  unitId: number;
  issuedOn: string;
  data: Record<string, unknown>;
  createdBy: number | null;
}

export interface CaseDocuments {
  issueDocument(tx: Queryable, input: IssueDocumentInput): Promise<{ id: number; docNo: string }>;
}

export interface CaseWorkflowDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  settings: (q: Queryable) => Promise<CaseSettings>;
  now?: () => Date;
  hooks?: CaseHooks;
  documents?: CaseDocuments;
}
