import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  notFilingGroundBasis,
  notFilingGroundLabels,
  type TLead,
  type TLeadDetail,
  type TLeadTransitionBody,
  type ZLeadCreateBody,
  type ZLeadQuery,
} from '../../../contracts/case-leads.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { type LeadAction, leadStatusLabels, leadTransitions } from '../../../domain/case-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPlaceable, assertReadable, assertWritable, readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../../platform/errors.ts';
import { allowTransition, staleVersion } from '../../../platform/workflow.ts';
import { calendarThrough } from '../../calendar/published.ts';
import { complaintRefByTrackingCode } from '../../complaints/published.ts';
import { findEntityRef } from '../../entities/directory.ts';
import { caseKind, caseReach, leadKind, leadReach } from '../access.ts';
import { clockOf, sourceLinkOf, toLead, toLeadDetail, verifyDueOn } from '../lead-view.ts';
import * as repo from '../repos/leads.ts';
import { toApproval } from '../view.ts';
import type { ApprovalEngine, ApprovalRequestRecord } from './approvals.ts';
import { issueDocument } from './documents.ts';
import { getCaseSettings } from './settings.ts';

export interface LeadDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  approvals: Pick<ApprovalEngine, 'requestApproval' | 'ofLead'>;
  now?: () => Date;
}

type CreateBody = z.infer<typeof ZLeadCreateBody>;

/**
 * 案件线索: registered by staff or by another module (published.ts), verified within 15 working days (pauses
 * for testing and identification excluded, one extension approved by the head), then filed (the case's `file`
 * approval, lead-outcomes.ts), not filed with a legal ground (approved), or merged into an existing case.
 * Every change: the lead transition table, a versioned update, an audit row, one transaction.
 */
export function createLeadService(db: Db, deps: LeadDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function writable(actor: Actor, id: number) {
    return assertWritable(actor, leadKind, await repo.findLead(db, id), leadReach);
  }

  /** The stored due date as the clock now has it (the overdue filter reads it). */
  async function dueNow(q: Queryable, cal: WorkingDayCalendar, row: repo.LeadRow, extended = row.extended) {
    const pauses = await repo.pausesOf(q, [row.id]);
    return verifyDueOn(cal, { receivedOn: row.receivedOn, extended, pauses, today: today() });
  }

  async function detail(row: repo.LeadRow): Promise<TLeadDetail> {
    const [cal, pauses, approvals, documents] = await Promise.all([
      deps.calendar(),
      repo.pausesOf(db, [row.id]),
      deps.approvals.ofLead(db, row.id),
      repo.documentsOfLead(db, row.id),
    ]);
    const complaint =
      row.sourceType === 'report' || row.sourceType === 'complaint'
        ? await complaintRefByTrackingCode(db, row.sourceRef)
        : undefined;
    return toLeadDetail(row, clockOf(cal, row, pauses, today()), {
      pauses,
      approvals: approvals.map(toApproval),
      documents,
      source: sourceLinkOf(row, complaint),
    });
  }

  /** One audited, versioned change of a lead in the caller's transaction. */
  async function change(
    tx: Queryable,
    actor: Actor,
    row: repo.LeadRow,
    action: LeadAction | 'requestExtend' | 'requestNotFile',
    set: Record<string, unknown>,
    detailOf: Record<string, unknown> = {},
  ) {
    if (!(await repo.updateLead(tx, { id: row.id, version: row.version }, set))) throw staleVersion();
    await appendAudit(tx, actor, {
      action: `case.lead.${action}`,
      targetType: 'case-lead',
      targetId: row.id,
      detail: { from: row.status, to: set.status ?? row.status, ...detailOf },
    });
  }

  /** Runs when the last approver of a lead's request (extend, notFile) approves: the change takes effect. */
  async function completeApproval(tx: Queryable, actor: Actor, req: ApprovalRequestRecord): Promise<void> {
    const row = await repo.findLead(tx, req.leadId as number);
    if (!row) throw notFound(leadKind.label);
    const p = req.payload as { reason?: string; ground?: string; note?: string; transferredTo?: string };
    const t = allowTransition(leadTransitions, req.action as LeadAction, row.status, leadStatusLabels, {
      reason: p.reason,
      ground: p.ground,
    });
    if (req.action === 'extend') {
      if (row.extended) throw new AppError('INVALID_STATE', '线索核查期限只能延长一次');
      const cal = await calendarThrough(tx);
      const set = { extended: true, extension_reason: p.reason, verify_due_on: await dueNow(tx, cal, row, true) };
      await change(tx, actor, row, 'extend', set, { requestId: req.requestId, reason: p.reason });
      return;
    }
    if (req.action === 'notFile') {
      const decidedOn = today();
      const set = {
        status: t.to,
        outcome_ground: p.ground,
        outcome_note: p.note ?? null,
        transferred_to: p.transferredTo ?? null,
        decided_on: decidedOn,
        decided_by: actor.userId,
      };
      await change(tx, actor, row, 'notFile', set, { requestId: req.requestId, ground: p.ground });
      const ground = p.ground as keyof typeof notFilingGroundLabels;
      const chain = (await deps.approvals.ofLead(tx, row.id)).filter((a) => a.requestId === req.requestId);
      await issueDocument(tx, {
        kind: 'notFilingApproval',
        leadId: row.id,
        unitId: row.stationId,
        issuedOn: decidedOn,
        data: {
          ground: `${notFilingGroundLabels[ground]}（${notFilingGroundBasis[ground]}）`,
          facts: p.note ?? null,
          opinion: p.transferredTo ? `建议不予立案，移送${p.transferredTo}处理。` : '建议不予立案。',
          approvals: chain.map((a) => ({
            role: a.roleCode === 'station_chief' ? '负责人' : a.roleCode,
            name: a.decidedByName ?? actor.displayName,
            outcome: '同意',
            comment: a.comment,
            at: a.decidedAt ?? new Date().toISOString(),
          })),
        },
        createdBy: req.requestedBy,
      });
      return;
    }
    throw new AppError('INVALID_STATE', `线索审批事项 ${req.action} 无法办理`);
  }

  async function transitionIn(actor: Actor, row: repo.LeadRow, body: TLeadTransitionBody) {
    const stale = { ...row, version: body.version };
    const on = body.onDate ?? today();
    const cal = await deps.calendar();
    switch (body.action) {
      case 'extend': {
        if (row.extended) throw new AppError('INVALID_STATE', '线索核查期限只能延长一次');
        const settings = await getCaseSettings(db);
        await db.transaction(async (tx) => {
          await change(tx, actor, stale, 'requestExtend', {}, { reason: body.reason });
          await deps.approvals.requestApproval(tx, actor, {
            leadId: row.id,
            step: 'leadExtension',
            action: 'extend',
            payload: { reason: body.reason },
            chain: settings.approvalChains.leadExtension,
          });
        });
        return;
      }
      case 'pauseClock': {
        if (on > today()) throw validation('onDate', '中止日期不能晚于今天');
        if (on < row.receivedOn) throw validation('onDate', '中止日期不能早于线索受理日期');
        await db.transaction(async (tx) => {
          try {
            await repo.insertLeadPause(tx, {
              leadId: row.id,
              reason: body.pauseReason!,
              note: body.note ?? null,
              startedOn: on,
              createdBy: actor.userId,
            });
          } catch (err) {
            if (isUniqueViolation(err)) throw new AppError('INVALID_STATE', '线索核查期限已中止计算');
            throw err;
          }
          const due = await dueNow(tx, cal, row);
          await change(tx, actor, stale, 'pauseClock', { verify_due_on: due }, { reason: body.pauseReason, on });
        });
        return;
      }
      case 'resumeClock': {
        if (on > today()) throw validation('onDate', '恢复日期不能晚于今天');
        await db.transaction(async (tx) => {
          if (!(await repo.endLeadPause(tx, row.id, on)))
            throw new AppError('INVALID_STATE', '线索核查期限未中止计算，或恢复日期早于中止日期');
          const due = await dueNow(tx, cal, row);
          await change(tx, actor, stale, 'resumeClock', { verify_due_on: due }, { on });
        });
        return;
      }
      case 'notFile': {
        if (body.ground === 'no_jurisdiction' && !body.transferredTo)
          throw validation('transferredTo', '不属于本部门管辖的，请填写移送的机关');
        const settings = await getCaseSettings(db);
        const payload = { ground: body.ground, note: body.note ?? null, transferredTo: body.transferredTo ?? null };
        await db.transaction(async (tx) => {
          await change(tx, actor, stale, 'requestNotFile', {}, { ground: body.ground });
          await deps.approvals.requestApproval(tx, actor, {
            leadId: row.id,
            step: 'filing',
            action: 'notFile',
            payload,
            chain: settings.approvalChains.filing,
          });
        });
        return;
      }
      case 'merge': {
        const target = assertReadable(
          actor,
          caseKind,
          await repo.findCaseReach(db, body.targetCaseId!, actor.userId),
          caseReach,
        );
        if (['closed', 'annulled'].includes(target.status)) throw validation('targetCaseId', '只能并入尚未结案的案件');
        await db.transaction(async (tx) => {
          const set = {
            status: 'merged',
            case_id: target.id,
            outcome_note: body.note ?? null,
            decided_on: today(),
            decided_by: actor.userId,
          };
          await change(tx, actor, stale, 'merge', set, { targetCaseId: target.id });
        });
        return;
      }
    }
  }

  return {
    today,
    completeApproval,

    async create(actor: Actor, body: CreateBody): Promise<TLeadDetail> {
      const entity = body.entityId ? await findEntityRef(db, { entityId: body.entityId }) : undefined;
      if (body.entityId && !entity) throw validation('entityId', '市场主体不存在');
      const stationId = body.stationId ?? entity?.stationId ?? actor.unitId;
      if (!(await repo.unitKindOf(db, stationId))) throw validation('stationId', '管辖单位不存在');
      assertPlaceable(actor, leadKind, stationId);
      if (body.assignedTo !== undefined && !(await repo.activeUserExists(db, body.assignedTo)))
        throw validation('assignedTo', '核查人不存在或已停用');
      const receivedOn = body.receivedOn ?? today();
      if (receivedOn > today()) throw validation('receivedOn', '受理日期不能晚于今天');
      allowTransition(leadTransitions, 'register', null, leadStatusLabels);
      const cal = await deps.calendar();
      const sourceRef = body.sourceRef ?? `${body.sourceType.toUpperCase()}-${randomUUID().slice(0, 13)}`;
      try {
        const id = await db.transaction(async (tx) => {
          const id = await repo.insertLead(tx, {
            sourceType: body.sourceType,
            sourceRef,
            entityId: entity?.id ?? null,
            stationId,
            summary: body.summary,
            receivedOn,
            verifyDueOn: verifyDueOn(cal, { receivedOn, extended: false, pauses: [], today: today() }),
            assignedTo: body.assignedTo ?? null,
            createdBy: actor.userId,
          });
          await appendAudit(tx, actor, {
            action: 'case.lead.register',
            targetType: 'case-lead',
            targetId: id,
            detail: { to: 'verifying', sourceType: body.sourceType, sourceRef, stationId },
          });
          return id;
        });
        return detail((await repo.findLead(db, id))!);
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('该来源的线索已登记', [{ path: 'sourceRef', message: '同一来源编号的线索已存在' }]);
        throw err;
      }
    },

    async list(actor: Actor, q: z.infer<typeof ZLeadQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const rows = await repo.listLeads(
        db,
        readable(actor, leadKind),
        {
          status: q.status,
          stationId: q.stationId,
          sourceType: q.sourceType,
          overdueOn: q.overdue === 'true' ? today() : undefined,
          mine: q.mine === 'true' ? actor.userId : undefined,
          beforeId,
        },
        q.limit + 1,
      );
      // The clock is computed from the receipt date, the pauses and the extension, never trusted from the row.
      const [cal, pauses] = await Promise.all([
        deps.calendar(),
        repo.pausesOf(
          db,
          rows.map((r) => r.id),
        ),
      ]);
      const items: TLead[] = rows.map((r) =>
        toLead(
          r,
          clockOf(
            cal,
            r,
            pauses.filter((p) => p.leadId === r.id),
            today(),
          ),
        ),
      );
      return keysetPage(items, q.limit, (r) => [r.id]);
    },

    async get(actor: Actor, id: number): Promise<TLeadDetail> {
      return detail(assertReadable(actor, leadKind, await repo.findLead(db, id), leadReach));
    },

    /** POST /case-leads/:id/transitions: the table decides (409 from a wrong status, 422 for a missing field). */
    async transition(actor: Actor, id: number, body: TLeadTransitionBody): Promise<TLeadDetail> {
      const row = await writable(actor, id);
      allowTransition(leadTransitions, body.action, row.status, leadStatusLabels, {
        reason: body.action === 'pauseClock' ? body.pauseReason : body.reason,
        ground: body.ground,
        targetCaseId: body.targetCaseId,
      });
      if (row.caseId !== null && (body.action === 'notFile' || body.action === 'merge'))
        throw new AppError('INVALID_STATE', '该线索已提请立案，待立案审批结果');
      await transitionIn(actor, row, body);
      return detail((await repo.findLead(db, id))!);
    },

    /** For the proposal: the lead the case is proposed from, writable by the caller. */
    writable,
  };
}

export type LeadService = ReturnType<typeof createLeadService>;
