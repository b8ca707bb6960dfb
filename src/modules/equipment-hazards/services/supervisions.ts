import type { z } from 'zod';
import type {
  TSupervision,
  TSupervisionRow,
  ZSupervisionComplete,
  ZSupervisionCreate,
  ZSupervisionHazards,
  ZSupervisionQuery,
  ZSupervisionStart,
} from '../../../contracts/equipment-supervisions.ts';
import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import {
  assertParticipant,
  assertPermitted,
  assertPlaceable,
  assertReadable,
  assertWritable,
} from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import * as visits from '../../spot-checks/services/visit-engine.ts';
import { equipmentSupervisionKind, supervisionReach } from '../access.ts';
import { hazardsOfVisit } from '../repos/hazards.ts';
import * as repo from '../repos/supervisions.ts';
import { toHazard } from '../view.ts';
import type { HazardService } from './hazards.ts';

type Status = repo.SupervisionRow['status'];
const statusLabels: Record<Status, string> = { planned: '待检查', inProgress: '检查中', done: '已完成' };
const transitions = {
  schedule: { label: '安排监督检查', from: [null], to: 'planned', requires: [] },
  start: { label: '开始检查', from: ['planned'], to: 'inProgress', requires: [] },
  complete: { label: '完成检查', from: ['inProgress'], to: 'done', requires: [] },
} as const;

const toRow = (r: repo.SupervisionRow): TSupervisionRow => ({
  id: r.id,
  entityId: r.entityId,
  entityName: r.entityName,
  stationName: r.stationName,
  plannedOn: r.plannedOn,
  status: r.status,
  visitId: r.visitId,
  visitStatus: r.visitStatus,
  inspectedOn: r.inspectedOn,
  hazardCount: r.hazardCount,
  version: r.version,
});

/**
 * 特种设备监督检查 of an equipment user on the one visit engine: a chief schedules it; an inspector starts it (a
 * standalone visit of plan kind 'equipment', ≥ 2 inspectors, no 回避 conflict); the visit's inspectors record
 * hazards on the entity's equipment (each keeps the visit's id and then follows the 指令书 workflow); completing
 * it completes the visit (its publication clock starts).
 */
export function createSupervisionService(
  db: Db,
  deps: {
    hazards: Pick<HazardService, 'recordOnVisit'>;
    calendar: () => Promise<WorkingDayCalendar>;
    now?: () => Date;
  },
) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());
  const reach = (actor: Actor) => supervisionReach(actor.userId);
  const readable = async (actor: Actor, id: number) =>
    assertReadable(actor, equipmentSupervisionKind, await repo.findSupervision(db, id), reach(actor));
  const writable = async (actor: Actor, id: number) =>
    assertWritable(actor, equipmentSupervisionKind, await repo.findSupervision(db, id), reach(actor));

  async function detail(actor: Actor, id: number): Promise<TSupervision> {
    const s = (await repo.findSupervision(db, id))!;
    const [equipment, hazards] = await Promise.all([
      repo.equipmentOfEntity(db, s.entityId),
      s.visitId ? hazardsOfVisit(db, s.visitId) : [],
    ]);
    return {
      ...toRow(s),
      findings: s.findings,
      inspectors: s.inspectors,
      canRecord: s.status === 'inProgress' && reach(actor)(s).participant === true,
      equipment,
      hazards: hazards.map(toHazard),
    };
  }

  /** The open visit and the caller one of its inspectors (403 otherwise, whatever their scope). */
  async function openVisit(actor: Actor, id: number) {
    const s = await writable(actor, id);
    if (s.status !== 'inProgress' || !s.visitId)
      throw new AppError('INVALID_STATE', `监督检查状态为“${statusLabels[s.status]}”，不能录入检查结果`);
    assertParticipant(actor, equipmentSupervisionKind, reach(actor)(s), '只有本次检查的执法人员才能录入检查结果');
    return s;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof ZSupervisionQuery>) {
      assertPermitted(actor, equipmentSupervisionKind, 'list');
      const rows = await repo.listSupervisions(db, actor, q);
      const items = rows.slice(0, q.limit).map(toRow);
      return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
    },

    async get(actor: Actor, id: number) {
      await readable(actor, id);
      return detail(actor, id);
    },

    /** 安排: a chief plans a supervision of an equipment user in their reach. */
    async schedule(actor: Actor, body: z.infer<typeof ZSupervisionCreate>) {
      const e = await repo.entityFacts(db, body.entityId);
      if (!e) throw validation('entityId', '使用单位不存在');
      assertPlaceable(actor, equipmentSupervisionKind, e.stationId);
      const plannedOn = body.plannedOn ?? today();
      if (plannedOn < today()) throw validation('plannedOn', '计划检查日期不能早于今天');
      const id = await db.transaction(async (tx) => {
        allowTransition(transitions, 'schedule', null, statusLabels);
        const id = await repo.insertSupervision(tx, {
          entityId: e.id,
          stationId: e.stationId,
          plannedOn,
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'equipmentSupervision.schedule',
          targetType: 'equipmentSupervision',
          targetId: id,
          detail: { entityId: e.id, plannedOn },
        });
        return id;
      });
      return detail(actor, id);
    },

    /** 开始检查: the caller (a registered inspector) and the chosen ones open the visit. */
    async start(actor: Actor, id: number, body: z.infer<typeof ZSupervisionStart>) {
      const s = await writable(actor, id);
      allowTransition(transitions, 'start', s.status, statusLabels);
      if (s.version !== body.version) throw staleVersion();
      const ids = await visits.chooseInspectors(db, {
        userId: actor.userId,
        inspectorIds: body.inspectorIds,
        entityId: s.entityId,
      });
      const day = today();
      await db.transaction(async (tx) => {
        const visitId = await visits.insertStandaloneVisit(tx, {
          planKind: 'equipment',
          name: `特种设备监督检查 ${s.entityName}（${day}）`,
          day,
          stationId: s.stationId,
          entityId: s.entityId,
          inspectorIds: ids,
          createdBy: actor.userId,
        });
        await recordTransition(tx, actor, {
          change: () => repo.markSupervision(tx, s, { status: 'inProgress', visitId }),
          event: async () => {},
          audit: {
            action: 'equipmentSupervision.start',
            targetType: 'equipmentSupervision',
            targetId: id,
            detail: { visitId, inspectorIds: ids },
          },
        });
      });
      return detail(actor, id);
    },

    /** Hazards found on the visit, on one piece of the entity's equipment, by one of the visit's inspectors. */
    async recordHazards(actor: Actor, id: number, body: z.infer<typeof ZSupervisionHazards>) {
      const s = await openVisit(actor, id);
      return deps.hazards.recordOnVisit(
        actor,
        { visitId: s.visitId!, entityId: s.entityId },
        { ...body, foundOn: today(), inspectorNames: s.inspectors.map((i) => i.name).join('、') },
      );
    },

    /** 完成检查: the findings, the visit completed (its publication clock starts), in one transaction. */
    async complete(actor: Actor, id: number, body: z.infer<typeof ZSupervisionComplete>) {
      const s = await openVisit(actor, id);
      if (s.version !== body.version) throw staleVersion('检查已完成或已被他人修改，请刷新后重试');
      const visit = (await visits.findVisit(db, s.visitId!))!;
      const day = today();
      const publishDueOn = visits.publicationDueOn(await deps.calendar(), day);
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () =>
            repo.markSupervision(tx, s, { status: 'done', inspectedOn: day, findings: body.findings ?? null }),
          event: async () => {
            await visits.completeVisit(tx, visit, { day, publishDueOn });
            if (s.hazardCount > 0) await visits.queueRiskRecompute(tx, s.entityId, `equipment-supervision:${id}`);
          },
          audit: {
            action: 'equipmentSupervision.complete',
            targetType: 'equipmentSupervision',
            targetId: id,
            detail: { visitId: visit.id, hazards: s.hazardCount, publishDueOn },
          },
        }),
      );
      return detail(actor, id);
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
