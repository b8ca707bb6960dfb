import type { z } from 'zod';
import type { TComplaintDetail, TTransitionBody, ZReassignBody } from '../../../contracts/complaints.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  type ComplaintTransition,
  complaintStatusLabels,
  complaintTransitions,
} from '../../../domain/complaint-workflow.ts';
import { dueDate } from '../../../domain/deadlines.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPlaceable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import { allowTransition } from '../../../platform/workflow.ts';
import { createCaseLead } from '../../cases/published.ts';
import { moveFiles } from '../../files/published.ts';
import { notify } from '../../notifications/published.ts';
import { complaintKind } from '../access.ts';
import { attachmentIdsOf } from '../repos/attachments.ts';
import * as repo from '../repos/complaints.ts';
import { stationChiefs, unitKind } from '../repos/reference.ts';
import { completeDeadlines, deadlinesOf, extendDeadline, insertDeadline } from '../repos/timeline.ts';
import { ruleSetByCode } from '../view.ts';
import type { ComplaintDeps, ComplaintService } from './complaints.ts';
import { recordStep } from './record-step.ts';

/**
 * The 12315 table (src/domain/complaint-workflow.ts) through the shared check: the action must fit the item's
 * kind, then its status and the fields it requires (allowTransition); grounds must come from the item's own
 * rule set.
 */
function allowAction(row: repo.ComplaintRecord, body: TTransitionBody): ComplaintTransition {
  const t = complaintTransitions[body.action];
  if (!t.kinds.includes(row.kind)) throw new AppError('INVALID_STATE', `“${t.label}”不适用于此类事项`);
  // 'ground' is checked below against the rule set, with a message naming the grounds.
  allowTransition(complaintTransitions, body.action, row.status, complaintStatusLabels, { ...body, ground: true });
  if (t.requires.includes('ground')) {
    const set = ruleSetByCode(row.ruleSetCode);
    const grounds = body.action === 'reject' ? set.notAcceptedGrounds : set.terminationGrounds;
    if (!body.ground || !grounds.some((g) => g.code === body.ground)) {
      throw validation('ground', `请选择${set.citation}规定的理由之一：${grounds.map((g) => g.code).join('、')}`);
    }
  }
  return t;
}

/** Columns an action writes besides the status. */
function fieldsFor(body: TTransitionBody): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (body.ground) set.ground_code = body.ground;
  if (body.recoveredFen !== undefined) set.recovered_fen = body.recoveredFen;
  if (body.authority) set.transferred_to = body.authority;
  if (body.answerText) set.result_text = body.answerText;
  if (body.action === 'declineCase' || body.action === 'reject' || body.action === 'terminateMediation')
    set.result_text = body.reason ?? null;
  if (body.feedbackText) {
    set.feedback_text = body.feedbackText;
    set.feedback_channel = body.feedbackChannel ?? 'phone';
  }
  return set;
}

export function createComplaintWorkflow(db: Db, deps: ComplaintDeps, complaints: ComplaintService) {
  async function startClocks(
    tx: Queryable,
    cal: WorkingDayCalendar,
    row: repo.ComplaintRecord,
    t: ComplaintTransition,
    today: string,
  ) {
    const set = ruleSetByCode(row.ruleSetCode);
    for (const step of t.starts)
      await insertDeadline(tx, {
        complaintId: row.id,
        step,
        startedOn: today,
        ...dueDate(cal, today, set.clocks[step]),
      });
  }

  async function extendVerification(tx: Queryable, cal: WorkingDayCalendar, row: repo.ComplaintRecord, reason: string) {
    const current = (await deadlinesOf(tx, row.id)).find((d) => d.step === 'reportVerification' && d.metAt === null);
    if (!current) throw new AppError('INVALID_STATE', '没有进行中的核查期限');
    const extra = ruleSetByCode(row.ruleSetCode).clocks.reportVerificationExtension;
    const newDue = addWorkingDays(cal, current.dueOn, extra.days).date;
    if (!(await extendDeadline(tx, row.id, 'reportVerification', newDue, reason)))
      throw new AppError('INVALID_STATE', '核查期限只能延长一次');
  }

  return {
    /** Every status change of an item goes through here: the transition table, its clocks, one audit row. */
    async transition(actor: Actor, id: number, body: TTransitionBody): Promise<TComplaintDetail> {
      const row = await complaints.writable(actor, id);
      const t = allowAction(row, body);
      const today = complaints.today();
      // Loaded before the transaction: the calendar service reads through the pool, never through `tx`.
      const cal = await deps.calendar();
      await db.transaction(async (tx) => {
        const set = fieldsFor(body);
        if (t.to) set.status = t.to;
        if (body.action === 'openCase') {
          set.case_lead_ref = await createCaseLead(
            tx,
            {
              sourceType: 'report',
              sourceRef: row.trackingCode,
              entityId: row.entityId,
              stationId: row.stationId,
              summary: `${row.businessName ?? '未知经营者'}：${row.description.slice(0, 200)}`,
              createdBy: actor.userId,
            },
            cal,
          );
        }
        if (body.action === 'extendVerification') await extendVerification(tx, cal, row, body.reason!);
        const step = {
          complaintId: id,
          action: body.action,
          fromStatus: row.status,
          toStatus: t.to ?? row.status,
          note: body.note ?? body.reason ?? null,
          data: {
            ground: body.ground,
            recoveredFen: body.recoveredFen,
            authority: body.authority,
            caseLeadRef: set.case_lead_ref,
          },
          audit: { from: row.status, to: t.to ?? row.status, ground: body.ground },
        };
        await recordStep(tx, actor, step, async () => {
          if (!(await repo.updateComplaint(tx, id, body.version, set))) return false;
          await completeDeadlines(tx, id, t.completes);
          await startClocks(tx, cal, row, t, today);
          return true;
        });
      });
      return complaints.get(actor, id);
    },

    /** 转办: to another station or handler; not a status change, still on the timeline and audited. */
    async reassign(actor: Actor, id: number, body: z.infer<typeof ZReassignBody>): Promise<TComplaintDetail> {
      const row = await complaints.writable(actor, id);
      if (row.status === 'closed') throw new AppError('INVALID_STATE', '已办结的事项不能转办');
      const set: Record<string, unknown> = {};
      if (body.stationId !== undefined && body.stationId !== row.stationId) {
        const kind = await unitKind(db, body.stationId);
        if (!kind || !['station', 'centre'].includes(kind))
          throw validation('stationId', '只能转办到市场监管所或投诉举报中心');
        assertPlaceable(actor, complaintKind, body.stationId);
        set.station_id = body.stationId;
        set.handler_id = null;
      }
      if (body.handlerId !== undefined) set.handler_id = body.handlerId;
      if (Object.keys(set).length === 0) throw validation('stationId', '请选择新的管辖所或承办人');
      await db.transaction(async (tx) => {
        const step = {
          complaintId: id,
          action: 'reassign',
          fromStatus: row.status,
          toStatus: row.status,
          note: body.reason,
          data: { stationId: set.station_id, handlerId: set.handler_id },
          audit: { from: row.stationId, to: set.station_id ?? row.stationId },
        };
        await recordStep(tx, actor, step, async () => {
          if (!(await repo.updateComplaint(tx, id, body.version, set))) return false;
          // The evidence goes with the item: its files are scoped by their owner unit.
          if (set.station_id !== undefined) await moveFiles(tx, await attachmentIdsOf(tx, id), body.stationId!);
          return true;
        });
        await notifyReassigned(tx, actor, row, set, body.reason);
      });
      return complaints.get(actor, id);
    },

    /** 督办 sweep: every item with a clock past due is escalated once to its station chiefs. */
    async escalateOverdue(limit = 5000): Promise<{ escalated: number }> {
      const today = complaints.today();
      const due = await repo.overdueForEscalation(db, today, limit);
      const seen = new Set<number>();
      for (const item of due) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        const chiefs = await stationChiefs(db, item.stationId);
        const step = {
          complaintId: item.id,
          action: 'escalate',
          fromStatus: null,
          toStatus: null,
          note: `超期自动督办（${item.step} 应于 ${item.dueOn} 前完成）`,
          data: { step: item.step, dueOn: item.dueOn, notify: chiefs },
          audit: { step: item.step, dueOn: item.dueOn },
        };
        // Another sweep that escalated it first answers 409 here: nothing more to do for this item.
        await db
          .transaction(async (tx) => {
            await recordStep(tx, null, step, () => repo.escalate(tx, item.id, item.escalationLevel));
            await notify(tx, {
              userIds: [...chiefs, ...(item.handlerId ? [item.handlerId] : [])],
              kind: 'overdue',
              title: `投诉举报事项 ${item.trackingCode} 已超期`,
              body: `应于 ${item.dueOn} 前完成的办理环节已超期，已自动督办`,
              link: `/complaints/${item.id}`,
              subjectType: 'complaint',
              subjectId: item.id,
              dedupeKey: `overdue:complaint:${item.id}:${today}`,
            });
          })
          .catch((err) => {
            if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
          });
      }
      return { escalated: seen.size };
    },
  };
}

/**
 * 转办 tells whoever now has the item: the new handler, or, when it moved to another station without one, that
 * station's chiefs (who pick the handler). Reassigning to the same handler tells nobody.
 */
async function notifyReassigned(
  tx: Queryable,
  actor: Actor,
  row: repo.ComplaintRecord,
  set: Record<string, unknown>,
  reason: string | undefined,
) {
  const handlerId = set.handler_id as number | null | undefined;
  const base = { link: `/complaints/${row.id}`, subjectType: 'complaint', subjectId: row.id, body: reason };
  if (handlerId && handlerId !== row.handlerId && handlerId !== actor.userId) {
    const title = `投诉举报事项 ${row.trackingCode} 交由您承办`;
    await notify(tx, { ...base, userIds: [handlerId], kind: 'assigned', title });
  } else if (set.station_id !== undefined && !handlerId) {
    const chiefs = (await stationChiefs(tx, set.station_id as number)).filter((id) => id !== actor.userId);
    const title = `投诉举报事项 ${row.trackingCode} 转办到本所，请分派承办人`;
    await notify(tx, { ...base, userIds: chiefs, kind: 'assigned', title });
  }
}

export type ComplaintWorkflow = ReturnType<typeof createComplaintWorkflow>;
