import type { z } from 'zod';
import type { ZGspResultBody, ZGspStartBody } from '../../../contracts/pharmacies.ts';
import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, forbidden, notFound, validation } from '../../../platform/errors.ts';
import { recordTransition, staleVersion } from '../../../platform/workflow.ts';
import { isDrawnFor } from '../../spot-checks/access.ts';
import * as visits from '../../spot-checks/services/visit-engine.ts';
import { pharmacyKind, pharmacyReach } from '../access.ts';
import * as repo from '../repos/gsp.ts';
import { findPharmacy } from '../repos/pharmacies.ts';
import { toGsp } from '../view.ts';

const resultLabels = { pass: '符合', rectify: '限期整改', fail: '不符合' } as const;

/**
 * GSP 检查 of a retail pharmacy on the one visit engine: starting opens a standalone visit (plan kind 'gsp') with
 * ≥ 2 inspectors and no 回避 conflict; the result completes the visit (its publication clock starts) in the same
 * transaction. A non-passing result queues the entity's risk recompute.
 */
export function createGspService(db: Db, deps: { calendar: () => Promise<WorkingDayCalendar>; now?: () => Date }) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  return {
    async start(actor: Actor, pharmacyId: number, body: z.infer<typeof ZGspStartBody>) {
      const p = assertWritable(actor, pharmacyKind, await findPharmacy(db, pharmacyId, today()), pharmacyReach);
      if (p.status !== 'active') throw validation('pharmacyId', '药店已停业，不能开始GSP检查');
      const ids = await visits.chooseInspectors(db, {
        userId: actor.userId,
        inspectorIds: body.inspectorIds,
        entityId: p.entityId,
      });
      const day = today();
      const id = await db.transaction(async (tx) => {
        const visitId = await visits.insertStandaloneVisit(tx, {
          planKind: 'gsp',
          name: `GSP检查 ${p.entityName}（${day}）`,
          day,
          stationId: p.stationId,
          entityId: p.entityId,
          inspectorIds: ids,
          createdBy: actor.userId,
        });
        const id = await repo.insertGsp(tx, { pharmacyId, visitId, createdBy: actor.userId });
        await appendAudit(tx, actor, {
          action: 'pharmacy.gsp.start',
          targetType: 'pharmacy',
          targetId: pharmacyId,
          detail: { gspId: id, visitId, inspectorIds: ids },
        });
        return id;
      });
      return toGsp((await repo.findGsp(db, id))!);
    },

    async record(actor: Actor, id: number, body: z.infer<typeof ZGspResultBody>) {
      const g = await repo.findGsp(db, id);
      if (!g) throw notFound('GSP检查');
      assertWritable(actor, pharmacyKind, g, pharmacyReach);
      const visit = await visits.findVisit(db, g.visitId);
      if (g.status !== 'inProgress' || !visit) throw new AppError('INVALID_STATE', '该GSP检查已完成，不能再录入结果');
      if (!isDrawnFor(actor.userId, visit)) throw forbidden('只有本次检查的执法人员才能录入结果');
      if (g.version !== body.version) throw staleVersion('检查结果已提交或已被他人修改，请刷新后重试');
      if (body.result !== 'pass' && !body.findings) throw validation('findings', '不符合或限期整改须填写发现的问题');
      const day = today();
      const publishDueOn = visits.publicationDueOn(await deps.calendar(), day);
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () =>
            repo.markGspDone(tx, {
              id,
              version: body.version,
              result: body.result,
              findings: body.findings ?? null,
              inspectedOn: day,
            }),
          event: async () => {
            await visits.completeVisit(tx, visit, { day, publishDueOn });
            if (body.result !== 'pass') await visits.queueRiskRecompute(tx, g.entityId, `gsp:${id}:${body.result}`);
          },
          audit: {
            action: 'pharmacy.gsp.result',
            targetType: 'pharmacy',
            targetId: g.pharmacyId,
            detail: { gspId: id, result: body.result, label: resultLabels[body.result], publishDueOn },
          },
        }),
      );
      return toGsp((await repo.findGsp(db, id))!);
    },
  };
}

export type GspService = ReturnType<typeof createGspService>;
