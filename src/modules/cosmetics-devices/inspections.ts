import type { z } from 'zod';
import type {
  TCdInspection,
  ZCdInspectionResultBody,
  ZCdInspectionScheduleBody,
} from '../../contracts/cosmetics-devices.ts';
import type { Db } from '../../db/client.ts';
import {
  cdCategories,
  cdInspectionResults,
  cdInspectionStatuses,
  cdInspectionWorkflow,
} from '../../domain/cosmetics-devices.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../domain/working-days.ts';
import { assertReadable, assertWritable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../platform/workflow.ts';
import { isDrawnFor } from '../spot-checks/access.ts';
import * as visits from '../spot-checks/services/visit-engine.ts';
import { cdBusinessKind, cdBusinessReach } from './access.ts';
import * as repo from './inspections-repo.ts';
import { getBusiness } from './repo.ts';

const toInspection = (actor: Actor, r: repo.CdInspectionRecord): TCdInspection => ({
  id: Number(r.id),
  businessId: Number(r.businessId),
  visitId: Number(r.visitId),
  visitStatus: r.visitStatus,
  plannedOn: r.plannedOn,
  status: r.status,
  result: r.result,
  findings: r.findings,
  inspectedOn: r.inspectedOn,
  inspectors: r.inspectors.map((i) => ({ id: Number(i.id), name: i.name })),
  canRecord: r.status === 'scheduled' && isDrawnFor(actor.userId, r),
  createdAt: new Date(r.createdAt).toISOString(),
  version: r.version,
});

/**
 * 两品一械 inspections on the one visit engine, the way GSP inspections run: scheduling opens a standalone visit
 * (plan kind 'cd', its day the planned day) with ≥ 2 inspectors — named, or the engine's lightest-loaded two of the
 * station — none with a 回避 conflict, so it shows in their visit list and inbox; the result, by one of them,
 * completes the visit (its publication clock starts) in the same transaction, and a non-passing result queues the
 * entity's risk recompute.
 */
export function createCdInspectionService(
  db: Db,
  deps: { calendar: () => Promise<WorkingDayCalendar>; now?: () => Date },
) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  return {
    async list(actor: Actor, businessId: number) {
      assertReadable(actor, cdBusinessKind, await getBusiness(db, businessId), cdBusinessReach);
      return (await repo.inspectionsOf(db, businessId)).map((r) => toInspection(actor, r));
    },

    async schedule(actor: Actor, businessId: number, body: z.infer<typeof ZCdInspectionScheduleBody>) {
      const b = assertWritable(actor, cdBusinessKind, await getBusiness(db, businessId), cdBusinessReach);
      allowTransition(cdInspectionWorkflow, 'schedule', null, cdInspectionStatuses);
      const day = body.plannedOn ?? today();
      if (day < today()) throw validation('plannedOn', '计划检查日期不能早于今天');
      const ids = await visits.scheduleInspectors(db, {
        inspectorIds: body.inspectorIds,
        entityId: b.entityId,
        stationId: b.stationId,
      });
      const id = await db.transaction(async (tx) => {
        const visitId = await visits.insertStandaloneVisit(tx, {
          planKind: 'cd',
          name: `${cdCategories[b.category]}经营检查 ${b.entityName}（${day}）`,
          day,
          stationId: b.stationId,
          entityId: b.entityId,
          inspectorIds: ids,
          createdBy: actor.userId,
        });
        let created = 0;
        await recordTransition(tx, actor, {
          change: async () => {
            created = await repo.insertInspection(tx, { businessId, visitId, plannedOn: day, createdBy: actor.userId });
            return true;
          },
          event: async () => {},
          audit: {
            action: 'cd.inspection.schedule',
            targetType: 'cdBusiness',
            targetId: businessId,
            detail: { visitId, plannedOn: day, inspectorIds: ids, chosenByEngine: body.inspectorIds.length === 0 },
          },
        });
        return created;
      });
      return toInspection(actor, (await repo.findInspection(db, id))!);
    },

    async record(actor: Actor, id: number, body: z.infer<typeof ZCdInspectionResultBody>) {
      const i = await repo.findInspection(db, id);
      if (!i) throw notFound('两品一械检查');
      assertWritable(actor, cdBusinessKind, i, cdBusinessReach);
      allowTransition(cdInspectionWorkflow, 'record', i.status, cdInspectionStatuses);
      const visit = await visits.findVisit(db, i.visitId);
      if (!visit) throw new AppError('INVALID_STATE', '该检查没有对应的检查记录');
      if (!isDrawnFor(actor.userId, visit)) throw forbidden('只有本次检查的执法人员才能录入结果');
      if (i.version !== body.version) throw staleVersion('检查结果已提交或已被他人修改，请刷新后重试');
      if (body.result !== 'pass' && !body.findings) throw validation('findings', '不符合或限期整改须填写发现的问题');
      const day = today();
      const publishDueOn = visits.publicationDueOn(await deps.calendar(), day);
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () =>
            repo.markInspectionDone(tx, {
              id,
              version: body.version,
              result: body.result,
              findings: body.findings ?? null,
              inspectedOn: day,
            }),
          event: async () => {
            await visits.completeVisit(tx, visit, { day, publishDueOn });
            if (body.result !== 'pass') await visits.queueRiskRecompute(tx, i.entityId, `cd:${id}:${body.result}`);
          },
          audit: {
            action: 'cd.inspection.record',
            targetType: 'cdBusiness',
            targetId: i.businessId,
            detail: {
              inspectionId: id,
              result: body.result,
              label: cdInspectionResults[body.result],
              visitId: visit.id,
              publishDueOn,
            },
          },
        }),
      );
      return toInspection(actor, (await repo.findInspection(db, id))!);
    },
  };
}

export type CdInspectionService = ReturnType<typeof createCdInspectionService>;
