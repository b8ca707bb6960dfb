import type { z } from 'zod';
import type {
  TDirective,
  ZAcceptBody,
  ZDirectiveIssueBody,
  ZDirectiveListQuery,
  ZRectifyBody,
  ZReturnBody,
} from '../../../contracts/equipment-hazards.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  addDays,
  type DirectiveAction,
  type DirectiveField,
  type DirectiveStatus,
  deadlineProblem,
  directiveNo,
  directiveStatusLabels,
  directiveTransitions,
  hazardStatusLabels,
  hazardTransitions,
} from '../../../domain/equipment-hazard-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import { createCaseLead } from '../../cases/published.ts';
import { findEquipment, lockEquipment, recordReinspection, setEquipmentStatus } from '../../equipment/published.ts';
import { equipmentDirectiveKind, equipmentHazardKind, stationRowReach } from '../access.ts';
import { filesOf } from '../repos/directive-files.ts';
import * as repo from '../repos/directives.ts';
import { equipmentFacts } from '../repos/equipment.ts';
import * as hazards from '../repos/hazards.ts';
import { toDirective, toDirectiveRow } from '../view.ts';

export interface DirectiveDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  now?: () => Date;
}

type Given = Partial<Record<DirectiveField, unknown>>;

/** One transition of an order inside `tx`: the table's check (409/422), the versioned update, event and audit. */
async function applyTransition(
  tx: Queryable,
  actor: Actor | null,
  d: { id: number; status: string; version: number },
  action: DirectiveAction,
  given: Given,
  set: repo.DirectiveSet,
  note: string | null = null,
): Promise<DirectiveStatus> {
  const t = allowTransition(directiveTransitions, action, d.status as DirectiveStatus, directiveStatusLabels, given);
  const to = t.to ?? (d.status as DirectiveStatus);
  await recordTransition(tx, actor, {
    change: () => repo.updateDirective(tx, d.id, d.version, { ...set, status: to }),
    event: () =>
      repo.insertEvent(tx, { directiveId: d.id, action, from: d.status, to, note, actorId: actor?.userId ?? null }),
    audit: {
      action: `equipmentDirective.${action}`,
      targetType: 'equipmentDirective',
      targetId: d.id,
      detail: { from: d.status, to, ...set },
    },
  });
  return to;
}

/** Moves each hazard of an order along the hazard table (the order's audit row names them). */
async function moveHazards(
  tx: Queryable,
  rows: readonly hazards.HazardRow[],
  action: 'order' | 'close',
  directiveId: number,
) {
  for (const h of rows) {
    const t = allowTransition(hazardTransitions, action, h.status, hazardStatusLabels);
    if (!(await hazards.setHazardStatus(tx, h.id, h.version, t.to!, directiveId)))
      throw staleVersion('隐患已被他人处理，请刷新后重试');
  }
}

/** 特种设备安全监察指令书: issue (numbered), rectification with evidence, acceptance, and the overdue sweep. */
export function createDirectiveService(db: Db, deps: DirectiveDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function detail(id: number): Promise<TDirective> {
    const d = (await repo.getDirective(db, id))!;
    return toDirective(d, await hazards.hazardsOfDirective(db, id), await repo.eventsOf(db, id), await filesOf(db, id));
  }
  const writable = async (actor: Actor, id: number) =>
    assertWritable(actor, equipmentDirectiveKind, await repo.getDirective(db, id), stationRowReach);

  function checkVersion(d: { version: number }, version: number) {
    if (d.version !== version) throw staleVersion();
  }

  return {
    /** Orders the rectification of open hazards of one piece of equipment; the deadline defaults by grade. */
    async issue(actor: Actor, body: z.infer<typeof ZDirectiveIssueBody>) {
      assertPermitted(actor, equipmentDirectiveKind, 'write');
      const ids = [...new Set(body.hazardIds)];
      const rows = await hazards.hazardsByIds(db, ids);
      if (rows.length !== ids.length) throw validation('hazardIds', '隐患不存在');
      for (const h of rows) assertWritable(actor, equipmentHazardKind, h, stationRowReach);
      if (new Set(rows.map((h) => h.equipmentId)).size > 1)
        throw validation('hazardIds', '一份指令书只针对一台设备的隐患');
      const open = rows.find((h) => h.status !== 'open');
      if (open)
        throw new AppError('INVALID_STATE', `隐患 ${open.id} 已下达指令书，不能重复下达`, [
          { path: 'hazardIds', message: '已下达' },
        ]);
      const first = rows[0]!;
      assertPlaceable(actor, equipmentDirectiveKind, first.stationId);
      const issuedOn = today();
      const deadline = body.deadline ?? addDays(issuedOn, Math.min(...rows.map((h) => h.rectifyDays)));
      const problem = deadlineProblem(deadline, issuedOn);
      if (problem) throw validation('deadline', problem);
      const requiresStop = rows.some((h) => h.requiresStop);
      const facts = await equipmentFacts(db, first.equipmentId);
      const id = await db.transaction(async (tx) => {
        allowTransition(directiveTransitions, 'issue', null, directiveStatusLabels, { deadline });
        // The equipment first (its status is read below and may be changed), then the station's counter.
        await lockEquipment(tx, first.equipmentId);
        const seq = await repo.nextDirectiveSeq(tx, first.stationId, Number(issuedOn.slice(0, 4)));
        const id = await repo.insertDirective(tx, {
          docNo: directiveNo(facts!.stationCode, Number(issuedOn.slice(0, 4)), seq),
          equipmentId: first.equipmentId,
          entityId: facts!.entityId,
          stationId: first.stationId,
          issuedOn,
          deadline,
          requiresStop,
          inspectorNames: [...new Set(rows.map((h) => h.inspectorNames))].join('、'),
          createdBy: actor.userId,
        });
        await repo.insertEvent(tx, {
          directiveId: id,
          action: 'issue',
          from: null,
          to: 'issued',
          note: null,
          actorId: actor.userId,
        });
        await moveHazards(tx, rows, 'order', id);
        // 重大 hazard: the order stops the equipment, through the register's transition table (a stopped one stays so).
        const stopped = requiresStop && (await findEquipment(tx, first.equipmentId))?.status === 'inUse';
        if (stopped)
          await setEquipmentStatus(tx, actor, {
            id: first.equipmentId,
            action: 'stop',
            reason: '安全监察指令书责令停用',
          });
        await appendAudit(tx, actor, {
          action: 'equipmentDirective.issue',
          targetType: 'equipmentDirective',
          targetId: id,
          detail: { hazardIds: ids, deadline, requiresStop, equipmentStopped: stopped },
        });
        return id;
      });
      return detail(id);
    },

    async list(actor: Actor, q: z.infer<typeof ZDirectiveListQuery>) {
      assertPermitted(actor, equipmentDirectiveKind, 'list');
      const rows = await repo.listDirectives(db, actor, q);
      const items = rows.slice(0, q.limit).map(toDirectiveRow);
      return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
    },

    async get(actor: Actor, id: number) {
      assertReadable(actor, equipmentDirectiveKind, await repo.getDirective(db, id), stationRowReach);
      return detail(id);
    },

    /** 登记整改: the user unit's rectification, with its evidence; not before the order, not in the future. */
    async rectify(actor: Actor, id: number, b: z.infer<typeof ZRectifyBody>) {
      const d = await writable(actor, id);
      checkVersion(d, b.version);
      if (b.rectifiedOn > today()) throw validation('rectifiedOn', '整改日期不能晚于今天');
      if (b.rectifiedOn < d.issuedOn) throw validation('rectifiedOn', `整改日期不能早于下达日期（${d.issuedOn}）`);
      await db.transaction((tx) =>
        applyTransition(tx, actor, d, 'rectify', b, { rectified_on: b.rectifiedOn, evidence: b.evidence }, b.evidence),
      );
      return detail(id);
    },

    /** 退回整改: the rectification is not accepted; a new deadline after today. */
    async returnOrder(actor: Actor, id: number, b: z.infer<typeof ZReturnBody>) {
      const d = await writable(actor, id);
      checkVersion(d, b.version);
      const problem = deadlineProblem(b.deadline, today());
      if (problem) throw validation('deadline', problem);
      await db.transaction((tx) => applyTransition(tx, actor, d, 'return', b, { deadline: b.deadline }, b.note));
      return detail(id);
    },

    /**
     * 验收关闭: the hazards are closed; a re-inspection recorded with it moves the equipment's next due date on and
     * its inspection state back to 正常 (and a lift stopped by the order back in use).
     */
    async accept(actor: Actor, id: number, b: z.infer<typeof ZAcceptBody>) {
      const d = await writable(actor, id);
      checkVersion(d, b.version);
      if (b.closedOn > today()) throw validation('closedOn', '验收日期不能晚于今天');
      if (d.rectifiedOn && b.closedOn < d.rectifiedOn)
        throw validation('closedOn', `验收日期不能早于整改日期（${d.rectifiedOn}）`);
      if ((b.reinspectedOn === undefined) !== (b.nextInspectionDue === undefined))
        throw validation(b.reinspectedOn ? 'nextInspectionDue' : 'reinspectedOn', '复检日期与下次检验日期须同时填写');
      if (b.reinspectedOn && b.reinspectedOn > today()) throw validation('reinspectedOn', '复检日期不能晚于今天');
      if (b.reinspectedOn && b.nextInspectionDue! <= b.reinspectedOn)
        throw validation('nextInspectionDue', '下次检验日期必须晚于复检日期');
      const rows = await hazards.hazardsOfDirective(db, id);
      await db.transaction(async (tx) => {
        // Before the first audit row: the 复检 below writes to the equipment row (see lockEquipment).
        if (b.reinspectedOn) await lockEquipment(tx, d.equipmentId);
        await applyTransition(tx, actor, d, 'accept', b, {
          closed_on: b.closedOn,
          reinspected_on: b.reinspectedOn ?? null,
        });
        await moveHazards(tx, rows, 'close', id);
        if (b.nextInspectionDue && b.reinspectedOn) {
          // The 复检 goes on the register as a passing periodic inspection (next due date, state, audit row).
          await recordReinspection(tx, actor, {
            equipmentId: d.equipmentId,
            inspectedOn: b.reinspectedOn,
            nextDue: b.nextInspectionDue,
            reportNo: `${d.docNo}复检`,
            today: today(),
          });
          if (d.requiresStop && (await findEquipment(tx, d.equipmentId))?.status === 'stopped')
            await setEquipmentStatus(tx, actor, {
              id: d.equipmentId,
              action: 'resume',
              reason: `${d.docNo}验收复检合格`,
            });
        }
      });
      return detail(id);
    },

    /**
     * The daily sweep: every open order past its deadline is escalated (督办: the station chief's inbox shows it)
     * and raises a 案源, in one transaction per order. Returns how many were escalated.
     */
    async escalateOverdue(): Promise<number> {
      const day = today();
      const cal = await deps.calendar();
      let n = 0;
      for (;;) {
        const batch = await repo.overdueDirectives(db, day, 200);
        if (batch.length === 0) return n;
        for (const { id } of batch) {
          const d = (await repo.getDirective(db, id))!;
          await db.transaction(async (tx) => {
            const lead = await createCaseLead(
              tx,
              {
                sourceType: 'inspection',
                sourceRef: `equipment-directive:${d.id}`,
                entityId: d.entityId,
                stationId: d.stationId,
                summary: `特种设备安全监察指令书 ${d.docNo} 逾期未整改（期限 ${d.deadline}）：设备 ${d.equipmentCode}，使用单位 ${d.entityName}`,
                createdBy: null,
              },
              cal,
              deps.now?.(),
            );
            await applyTransition(
              tx,
              null,
              d,
              'escalate',
              {},
              {
                escalated_at: (deps.now?.() ?? new Date()).toISOString(),
                case_lead_no: lead,
              },
            );
          });
          n++;
        }
      }
    },
  };
}

export type DirectiveService = ReturnType<typeof createDirectiveService>;
