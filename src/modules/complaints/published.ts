import type { Queryable } from '../../db/client.ts';
import { checkComplaintTransition, complaintTransitions } from '../../domain/complaint-workflow.ts';
import { dueDate } from '../../domain/deadlines.ts';
import type { WorkingDayCalendar } from '../../domain/working-days.ts';
import type { AuditActor } from '../../platform/audit.ts';
import * as repo from './repos/complaints.ts';
import { completeDeadlines, insertDeadline } from './repos/timeline.ts';
import { recordStep } from './services/record-step.ts';
import { ruleSetByCode } from './view.ts';

/**
 * What the complaints module lets other modules call inside their own transaction (the cases module: a 12315
 * report that became a case lead). Everything else of complaints is reached through its services.
 */

/** The 12315 item a lead's source reference names (its tracking code): for a link, no personal data. */
export async function complaintRefByTrackingCode(
  q: Queryable,
  trackingCode: string,
): Promise<{ id: number; kind: string; status: string } | undefined> {
  const row = await repo.findComplaintBy(q, 'tracking_code', trackingCode);
  return row && { id: row.id, kind: row.kind, status: row.status };
}

/**
 * 告知举报人已立案 (《市场监督管理投诉举报处理暂行办法》 Art. 31: within 5 working days of the decision to file):
 * the report's 告知举报人 clock starts on the 立案 day (`filedOn`, with the rule set's period over `calendar`), and
 * the notice is a step on the report's record with the case number and the date, written when the case is filed,
 * so the clock is met on its first day. False: no such report.
 */
export async function recordCaseFiled(
  tx: Queryable,
  actor: AuditActor | null,
  n: { trackingCode: string; caseNo: string | null; filedOn: string; calendar: WorkingDayCalendar },
): Promise<boolean> {
  const row = await repo.findComplaintBy(tx, 'tracking_code', n.trackingCode);
  if (!row) return false;
  const caseNo = n.caseNo ?? '（案号待编）';
  await recordStep(
    tx,
    actor,
    {
      complaintId: row.id,
      action: 'notifyCaseFiled',
      fromStatus: row.status,
      toStatus: row.status,
      note: `告知举报人已立案：${n.filedOn} 立案，案号 ${caseNo}`,
      data: { caseNo: n.caseNo, filedOn: n.filedOn },
      audit: { caseNo: n.caseNo, filedOn: n.filedOn },
    },
    async () => {
      if (!(await repo.updateComplaint(tx, row.id, row.version, {}))) return false;
      const period = ruleSetByCode(row.ruleSetCode).clocks.reporterNotice;
      const due = dueDate(n.calendar, n.filedOn, period);
      await insertDeadline(tx, { complaintId: row.id, step: 'reporterNotice', startedOn: n.filedOn, ...due });
      await completeDeadlines(tx, row.id, ['reporterNotice']);
      return true;
    },
  );
  return true;
}

/**
 * A closed case closes the report it came from: the 12315 `feedback` transition (反馈办结) with the case result
 * as the feedback text, where the report's status allows it; otherwise (already closed, or in a status without
 * that transition) only a step on its record. Returns what was done.
 */
export async function closeWithCaseResult(
  tx: Queryable,
  actor: AuditActor | null,
  n: { trackingCode: string; caseNo: string | null; resultText: string },
): Promise<'closed' | 'recorded' | 'none'> {
  const row = await repo.findComplaintBy(tx, 'tracking_code', n.trackingCode);
  if (!row) return 'none';
  const check = checkComplaintTransition(row.kind, row.status, 'feedback');
  const t = complaintTransitions.feedback;
  const closes = check.ok && t.to !== null;
  await recordStep(
    tx,
    actor,
    {
      complaintId: row.id,
      action: closes ? 'feedback' : 'caseClosed',
      fromStatus: row.status,
      toStatus: closes ? t.to : row.status,
      note: `案件已结案（案号 ${n.caseNo ?? '—'}）：${n.resultText}`,
      data: { caseNo: n.caseNo, source: 'case' },
      audit: { from: row.status, to: closes ? t.to : row.status, caseNo: n.caseNo },
    },
    async () => {
      const set: Record<string, unknown> = closes
        ? { status: t.to, feedback_text: n.resultText, feedback_channel: 'letter' }
        : {};
      if (!(await repo.updateComplaint(tx, row.id, row.version, set))) return false;
      if (closes) await completeDeadlines(tx, row.id, t.completes);
      return true;
    },
  );
  return closes ? 'closed' : 'recorded';
}
