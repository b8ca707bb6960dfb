import type { z } from 'zod';
import type {
  TMeasure,
  ZMeasureBody,
  ZMeasureExtendBody,
  ZMeasureReleaseBody,
} from '../../../contracts/case-execution.ts';
import type { Db } from '../../../db/client.ts';
import {
  daysBetween,
  extendedDueOn,
  extensionRefusal,
  measureDaysLeft,
  measureDueOn,
  measureKindLabels,
  measureOpenStatuses,
  measureOverdue,
  measureStatus,
  measureStatusLabels,
  measureTakeStatuses,
  measureTransitions,
} from '../../../domain/case-measures.ts';
import { type CaseStatus, caseStatusLabels } from '../../../domain/case-workflow.ts';
import { assertPermitted } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, conflict, notFound, validation } from '../../../platform/errors.ts';
import { allowTransition } from '../../../platform/workflow.ts';
import { caseKind } from '../access.ts';
import * as repo from '../repos/measures.ts';
import { type CaseExecDeps, readableCase, recordCaseStep, writableCase } from './exec-deps.ts';

export function toMeasure(m: repo.MeasureRow, today: string): TMeasure {
  const status = measureStatus(m);
  return {
    id: m.id,
    caseId: m.caseId,
    kind: m.kind,
    kindLabel: measureKindLabels[m.kind],
    items: m.items,
    startedOn: m.startedOn,
    dueOn: m.dueOn,
    firstDueOn: m.firstDueOn,
    extended: m.extended,
    extensionReason: m.extensionReason,
    extendedOn: m.extendedOn,
    endedOn: m.endedOn,
    outcome: m.outcome,
    status,
    overdue: measureOverdue(m, today),
    daysLeft: measureDaysLeft(m, today),
    // Past its due day a seizure can no longer be extended (extend() answers 422): only released.
    canExtend: status === 'active' && extensionRefusal(m) === null && today <= m.dueOn,
  };
}

function assertCaseIn(status: string, allowed: readonly string[], what: string) {
  if (!allowed.includes(status)) {
    const label = caseStatusLabels[status as CaseStatus] ?? status;
    throw new AppError('INVALID_STATE', `当前状态“${label}”不能${what}`);
  }
}

/**
 * 行政强制措施 (domain/case-measures.ts): 先行登记保存 decided within 7 working days, 查封扣押 30 days and one
 * extension of 30 with a reason, release/outcome. Each change: the measure row, a case_steps row, an audit row.
 */
export function createMeasureService(db: Db, deps: CaseExecDeps) {
  async function ownMeasure(actor: Actor, id: number) {
    const m = await repo.findMeasure(db, id);
    if (!m) throw notFound('强制措施');
    // The measure is exactly as reachable as its case.
    await readableCase(db, actor, m.caseId);
    return m;
  }

  return {
    /** 强制措施台账: measures in force on the caller's cases, most urgent first; `overdue` only those past due. */
    async open(actor: Actor, q: { overdue?: 'true' | 'false'; kind?: 'preservation' | 'seizure'; limit: number }) {
      assertPermitted(actor, caseKind, 'list');
      const today = deps.today();
      const rows = await repo.listOpenMeasures(
        db,
        actor,
        { dueBefore: q.overdue === 'true' ? today : undefined, kind: q.kind },
        q.limit,
      );
      return {
        items: rows.map((m) => ({
          ...toMeasure(m, today),
          caseNo: m.caseNo,
          caseTitle: m.caseTitle,
          stationId: m.stationId,
        })),
      };
    },

    async list(actor: Actor, caseId: number) {
      const c = await readableCase(db, actor, caseId);
      const today = deps.today();
      const writer = actor.permissions.has('case:write');
      return {
        items: (await repo.listMeasures(db, caseId)).map((m) => toMeasure(m, today)),
        canTake: writer && (measureTakeStatuses as readonly string[]).includes(c.status),
        canChange: writer && (measureOpenStatuses as readonly string[]).includes(c.status),
      };
    },

    async take(actor: Actor, caseId: number, body: z.infer<typeof ZMeasureBody>): Promise<TMeasure> {
      const today = deps.today();
      if (body.startedOn > today) throw validation('startedOn', '采取措施的日期不能晚于今天');
      allowTransition(measureTransitions, 'take', null, measureStatusLabels);
      const cal = await deps.calendar();
      const due = measureDueOn(cal, body.kind, body.startedOn);
      const id = await db.transaction(async (tx) => {
        const c = await writableCase(tx, actor, caseId);
        assertCaseIn(c.status, measureTakeStatuses, `采取${measureKindLabels[body.kind]}`);
        const measureId = await repo.insertMeasure(tx, {
          caseId,
          kind: body.kind,
          items: body.items,
          startedOn: body.startedOn,
          dueOn: due.dueOn,
          createdBy: actor.userId,
        });
        await recordCaseStep(tx, actor, c, {
          action: 'takeMeasure',
          note: `${measureKindLabels[body.kind]}：${body.items}`.slice(0, 2000),
          data: { measureId, kind: body.kind, startedOn: body.startedOn, dueOn: due.dueOn },
        });
        return measureId;
      });
      return toMeasure((await repo.findMeasure(db, id))!, today);
    },

    async extend(actor: Actor, id: number, body: z.infer<typeof ZMeasureExtendBody>): Promise<TMeasure> {
      const today = deps.today();
      const before = await ownMeasure(actor, id);
      await db.transaction(async (tx) => {
        const c = await writableCase(tx, actor, before.caseId);
        const m = (await repo.findMeasure(tx, id, true))!;
        allowTransition(measureTransitions, 'extend', measureStatus(m), measureStatusLabels, body);
        assertCaseIn(c.status, measureOpenStatuses, '延长强制措施期限');
        const refusal = extensionRefusal(m);
        if (refusal) throw validation(refusal.field, refusal.message);
        if (today > m.dueOn) throw validation('dueOn', `查封、扣押期限已于 ${m.dueOn} 届满，不能再延长`);
        const dueOn = extendedDueOn(m);
        await recordCaseStep(tx, actor, c, {
          action: 'extendMeasure',
          note: body.reason,
          data: { measureId: id, kind: m.kind, from: m.dueOn, dueOn },
          change: () => repo.extendMeasure(tx, id, { dueOn, reason: body.reason, extendedOn: today }),
        });
      });
      return toMeasure((await repo.findMeasure(db, id))!, today);
    },

    async release(actor: Actor, id: number, body: z.infer<typeof ZMeasureReleaseBody>): Promise<TMeasure> {
      const today = deps.today();
      const before = await ownMeasure(actor, id);
      if (body.endedOn > today) throw validation('endedOn', '解除或处理日期不能晚于今天');
      if (body.endedOn < before.startedOn) throw validation('endedOn', '解除或处理日期不能早于采取措施的日期');
      await db.transaction(async (tx) => {
        const c = await writableCase(tx, actor, before.caseId);
        const m = (await repo.findMeasure(tx, id, true))!;
        allowTransition(measureTransitions, 'release', measureStatus(m), measureStatusLabels, body);
        const late = body.endedOn > m.dueOn;
        await recordCaseStep(tx, actor, c, {
          action: 'releaseMeasure',
          note: body.outcome,
          data: {
            measureId: id,
            kind: m.kind,
            endedOn: body.endedOn,
            dueOn: m.dueOn,
            lateDays: late ? daysBetween(m.dueOn, body.endedOn) : 0,
          },
          change: async () => {
            if (!(await repo.endMeasure(tx, id, body))) throw conflict('该强制措施已被他人解除或处理');
            return true;
          },
        });
      });
      return toMeasure((await repo.findMeasure(db, id))!, today);
    },
  };
}

export type MeasureService = ReturnType<typeof createMeasureService>;
