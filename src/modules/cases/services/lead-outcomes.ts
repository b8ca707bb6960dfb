import type { Queryable } from '../../../db/client.ts';
import { leadStatusLabels, leadTransitions } from '../../../domain/case-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { allowTransition, staleVersion } from '../../../platform/workflow.ts';
import { calendarWithin } from '../../calendar/published.ts';
import { closeWithCaseResult, recordCaseFiled } from '../../complaints/published.ts';
import * as repo from '../repos/leads.ts';
import type { HookOptions } from './deps.ts';

/**
 * What a case's outcome does to the lead it came from, called by the case workflow inside its transaction:
 * filing files the lead and tells a 12315 reporter; closing closes the report where its workflow allows.
 */
const fromReport = (lead: repo.LeadRow) => lead.sourceType === 'report' || lead.sourceType === 'complaint';

/**
 * 立案: the lead moves to `filed` (leadTransitions.file). A 12315 report's 告知举报人 clock starts on this 立案 day
 * (5 working days) and its record gets the step 告知举报人已立案 with the case number and date, which meets it.
 * `opts` carries the filing's day and calendar (the case workflow's); without them, today and the calendar read
 * through `tx`.
 */
export async function onCaseFiled(
  tx: Queryable,
  actor: Actor,
  ids: { caseId: number; leadId: number | null },
  opts: HookOptions = {},
): Promise<void> {
  if (ids.leadId === null) return;
  const lead = await repo.findLead(tx, ids.leadId);
  if (!lead || lead.status === 'filed') return;
  const t = allowTransition(leadTransitions, 'file', lead.status, leadStatusLabels);
  const today = opts.today ?? shanghaiToday();
  const set = { status: t.to, case_id: ids.caseId, decided_on: today, decided_by: actor.userId };
  if (!(await repo.updateLead(tx, { id: lead.id, version: lead.version }, set))) throw staleVersion();
  await appendAudit(tx, actor, {
    action: 'case.lead.file',
    targetType: 'case-lead',
    targetId: lead.id,
    detail: { from: lead.status, to: t.to, caseId: ids.caseId },
  });
  if (fromReport(lead)) {
    const link = await repo.caseLeadLink(tx, ids.caseId);
    await recordCaseFiled(tx, actor, {
      trackingCode: lead.sourceRef,
      caseNo: link?.caseNo ?? null,
      filedOn: today,
      calendar: opts.calendar ?? (await calendarWithin(tx)),
    });
  }
}

const resultText = (c: repo.CaseLeadLink) => {
  if (c.decisionKind === 'penalty') return `经立案调查，已作出行政处罚决定（${c.decisionNo ?? '—'}），案件已结案。`;
  if (c.decisionKind === 'no_penalty') return '经立案调查，依法作出不予行政处罚决定，案件已结案。';
  if (c.decisionKind === 'transfer') return '经立案调查，案件已移送司法机关，案件已结案。';
  return '经立案调查，案件已结案。';
};

/**
 * 结案: a 12315 report the case came from is closed with the case result (its `feedback` transition, 反馈办结)
 * where its status allows it; otherwise the result is recorded as a step on its record.
 */
export async function onCaseClosed(tx: Queryable, actor: Actor, caseId: number): Promise<void> {
  const link = await repo.caseLeadLink(tx, caseId);
  if (!link || link.leadId === null) return;
  const lead = await repo.findLead(tx, link.leadId);
  if (!lead || !fromReport(lead)) return;
  await closeWithCaseResult(tx, actor, {
    trackingCode: lead.sourceRef,
    caseNo: link.caseNo,
    resultText: resultText(link),
  });
}
