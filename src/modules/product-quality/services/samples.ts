import type { z } from 'zod';
import type {
  TProductSampleFilter,
  ZProductNotifyBody,
  ZProductRectifyBody,
  ZProductResultBody,
  ZProductRetestBody,
  ZProductRetestRequestBody,
  ZProductSampleBody,
  ZProductSampleQuery,
} from '../../../contracts/product-quality.ts';
import type { Db } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import {
  productSampleNo,
  productSampleStatusLabels,
  productSampleTransitions,
} from '../../../domain/product-sampling-workflow.ts';
import { addCalendarDays } from '../../../domain/sampling.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { conflict, validation } from '../../../platform/errors.ts';
import { afterIdOf, idPage } from '../../../platform/sampling/keyset.ts';
import { atVersion, checkDate, checkRetestWindow, createSampleWorkflow } from '../../../platform/sampling/workflow.ts';
import { createCaseLead } from '../../cases/published.ts';
import { productSampleKind, reachOf } from '../access.ts';
import * as plans from '../repos/plans.ts';
import * as repo from '../repos/samples.ts';
import * as settings from '../repos/settings.ts';
import { toProductSample } from '../view.ts';

export interface ProductSamplingDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  now?: () => Date;
}

/** The product sample's transitions over its own tables, through the shared sampling engine. */
export const workflow = createSampleWorkflow({
  subject: 'productSample',
  transitions: productSampleTransitions,
  statusLabels: productSampleStatusLabels,
  store: repo,
});
const { apply: applyTransition } = workflow;

/** 监督抽查 samples: registration, results, 不合格 notice, 异议/复检, 责令整改 with a case lead, follow-up, close. */
export function createProductSampleService(db: Db, deps: ProductSamplingDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  const writable = async (actor: Actor, id: number, version: number) =>
    atVersion(assertWritable(actor, productSampleKind, await repo.getSample(db, id), reachOf), version);

  async function detail(actor: Actor, id: number) {
    const s = assertReadable(actor, productSampleKind, await repo.getSample(db, id), reachOf);
    const [items, events, follow] = await Promise.all([
      repo.listItems(db, id),
      repo.listEvents(db, id),
      repo.followUps(db, id),
    ]);
    return {
      ...toProductSample(s),
      items,
      events,
      followUps: follow.map((f) => ({ ...f, sampleNo: productSampleNo(f.id) })),
    };
  }

  return {
    detail,

    async list(actor: Actor, q: z.infer<typeof ZProductSampleQuery>) {
      assertPermitted(actor, productSampleKind, 'list');
      const rows = await repo.listSamples(db, actor, q, { afterId: afterIdOf(q.cursor), limit: q.limit });
      return idPage(rows, q.limit, toProductSample);
    },

    /** One keyset batch of the list for the XLSX export: `limit` rows before `beforeId`, same filters and reach. */
    async exportPage(actor: Actor, q: TProductSampleFilter, beforeId: number | undefined, limit: number) {
      const rows = await repo.listSamples(db, actor, q, { afterId: beforeId, limit: limit - 1 });
      return rows.map(toProductSample);
    },

    async create(actor: Actor, b: z.infer<typeof ZProductSampleBody>) {
      assertPermitted(actor, productSampleKind, 'write');
      const entity = await repo.entityStation(db, b.entityId);
      if (!entity) throw validation('entityId', '市场主体不存在');
      assertPlaceable(actor, productSampleKind, entity.stationId!);
      if (b.sampledOn > today()) throw validation('sampledOn', '抽样日期不能晚于今天');
      const cat = await settings.category(db, b.categoryCode);
      if (!cat?.active) throw validation('categoryCode', '产品类别不存在或已停用');
      if (b.planId) {
        const plan = await plans.getPlan(db, b.planId);
        if (!plan || plan.stationId !== entity.stationId)
          throw validation('planId', '抽查计划不存在或不属于该主体所在所');
        if (plan.categoryCode !== b.categoryCode)
          throw validation('categoryCode', `产品类别应与计划一致（${plan.categoryName}）`);
      }
      if (b.followUpOf) {
        const failed = assertReadable(actor, productSampleKind, await repo.getSample(db, b.followUpOf), reachOf);
        if (failed.status !== 'rectifying') throw validation('followUpOf', '只能对整改中的不合格样品进行跟踪抽查');
        if (failed.entityId !== b.entityId) throw validation('entityId', '跟踪抽查应针对原不合格样品的被抽查单位');
      }
      workflow.assertCanStart();
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertSample(tx, {
          planId: b.planId ?? null,
          entityId: b.entityId,
          partyRole: b.partyRole,
          stationId: entity.stationId!,
          categoryCode: b.categoryCode,
          productName: b.productName,
          model: b.model,
          batchNo: b.batchNo,
          sampledOn: b.sampledOn,
          labName: b.labName,
          followUpOf: b.followUpOf ?? null,
          createdBy: actor.userId,
        });
        await workflow.started(tx, actor, newId);
        return newId;
      });
      return detail(actor, id);
    },

    async correct(actor: Actor, id: number, b: { model?: string; batchNo?: string }) {
      const s = assertWritable(actor, productSampleKind, await repo.getSample(db, id), reachOf);
      if (s.status !== 'sampled') throw validation('status', '样品已出检验结果，抽样单不能再更正');
      await db.transaction(async (tx) => {
        await repo.correctSample(tx, id, b);
        await workflow.audit(tx, actor, id, 'correct', b);
      });
      return detail(actor, id);
    },

    async result(actor: Actor, id: number, b: z.infer<typeof ZProductResultBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('testedOn', b.testedOn, { day: s.sampledOn, label: '抽样日期' }, today());
      await db.transaction((tx) =>
        workflow.recordResult(tx, actor, s, { testedOn: b.testedOn, reportNo: b.reportNo ?? null, items: b.items }),
      );
      return detail(actor, id);
    },

    /** 不合格: a numbered notice; the 异议/复检 window runs from the day the producer/seller received it. */
    async notify(actor: Actor, id: number, b: z.infer<typeof ZProductNotifyBody>) {
      const s = await writable(actor, id, b.version);
      if (s.conclusion !== 'fail') throw validation('conclusion', '检验结论为合格，无需送达不合格通知书');
      checkDate('receivedOn', b.receivedOn, { day: s.testedOn, label: '检验日期' }, today());
      const days = await settings.ruleValue(db, 'objectionDays');
      const serve = db.transaction(async (tx) => {
        const noticeNo = b.noticeNo ?? (await repo.nextNoticeNo(tx, Number(b.receivedOn.slice(0, 4))));
        await applyTransition(
          tx,
          actor,
          s,
          'notify',
          { noticeNo, receivedOn: b.receivedOn },
          {
            notice_no: noticeNo,
            received_on: b.receivedOn,
            objection_due_on: addCalendarDays(b.receivedOn, days),
          },
        );
      });
      // A number typed in may have been given to another sample a moment ago (notice_no is unique).
      await serve.catch((err) => {
        if (isUniqueViolation(err))
          throw conflict(`通知书编号${b.noticeNo ? ` ${b.noticeNo} ` : ''}已被使用，请重试`, [
            { path: 'noticeNo', message: '已使用' },
          ]);
        throw err;
      });
      return detail(actor, id);
    },

    /** 异议/复检 is accepted only within the window (objectionDays after receipt; verify). */
    async requestRetest(actor: Actor, id: number, b: z.infer<typeof ZProductRetestRequestBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('requestedOn', b.requestedOn, { day: s.receivedOn, label: '收到不合格结论日期' }, today());
      const days =
        s.objectionDueOn && b.requestedOn > s.objectionDueOn ? await settings.ruleValue(db, 'objectionDays') : 0;
      checkRetestWindow(
        b.requestedOn,
        s.objectionDueOn,
        () => `异议/复检申请已超过期限（收到检验结论之日起 ${days} 日内，截至 ${s.objectionDueOn}）`,
      );
      await db.transaction((tx) =>
        applyTransition(tx, actor, s, 'requestRetest', b, { retest_requested_on: b.requestedOn }),
      );
      return detail(actor, id);
    },

    async retest(actor: Actor, id: number, b: z.infer<typeof ZProductRetestBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('testedOn', b.testedOn, { day: s.retestRequestedOn, label: '复检申请日期' }, today());
      await db.transaction((tx) => workflow.recordRetest(tx, actor, s, b, b.items, '复检合格'));
      return detail(actor, id);
    },

    /** 责令整改 once the 不合格 conclusion is final: a case lead, and a follow-up sampling due. */
    async rectify(actor: Actor, id: number, b: z.infer<typeof ZProductRectifyBody>) {
      const s = await writable(actor, id, b.version);
      const t = today();
      if (s.status === 'notified' && s.objectionDueOn && s.objectionDueOn >= t)
        throw validation('status', `异议/复检申请期未满（至 ${s.objectionDueOn}），暂不能责令整改`);
      if (s.status === 'retested' && s.retestConclusion !== 'fail') throw validation('status', '复检合格，无需整改');
      const [cal, days] = await Promise.all([deps.calendar(), settings.ruleValue(db, 'rectifyDays')]);
      await db.transaction(async (tx) => {
        const lead = await createCaseLead(
          tx,
          {
            sourceType: 'sampling',
            sourceRef: `PS${id}`,
            entityId: s.entityId,
            stationId: s.stationId,
            summary: `产品质量监督抽查不合格：${s.productName}（${s.model || '—'}，批号 ${s.batchNo || '—'}，抽查单 ${productSampleNo(id)}，${s.labName}检验）`,
            createdBy: actor.userId,
          },
          cal,
        );
        await applyTransition(
          tx,
          actor,
          s,
          'rectify',
          b,
          { case_lead_ref: lead, rectify_due_on: addCalendarDays(t, days) },
          b.note,
        );
      });
      return detail(actor, id);
    },

    /** Closes a 整改 once a follow-up sample linked to it passed. */
    async close(actor: Actor, id: number, version: number) {
      const s = await writable(actor, id, version);
      if (s.status === 'rectifying') {
        const passed = (await repo.followUps(db, id)).some((f) => f.conclusion === 'pass');
        if (!passed) throw validation('followUpOf', '整改后跟踪抽查合格前不能办结');
      } else if (s.status !== 'tested' || s.conclusion !== 'pass')
        throw validation('status', '不合格样品需经通知、整改及跟踪抽查合格后办结');
      await db.transaction((tx) => applyTransition(tx, actor, s, 'close', {}, {}));
      return detail(actor, id);
    },
  };
}
export type ProductSampleService = ReturnType<typeof createProductSampleService>;
