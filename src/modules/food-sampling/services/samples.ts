import type { z } from 'zod';
import type {
  TResultBody,
  TSampleBody,
  ZDeliverBody,
  ZHandleBody,
  ZNotifyBody,
  ZRetestBody,
  ZRetestRequestBody,
  ZSampleQuery,
} from '../../../contracts/food-sampling.ts';
import type { Db } from '../../../db/client.ts';
import {
  addCalendarDays,
  type SamplingDeadlines,
  type SamplingFoodCategory,
  sampleNo,
  sampleStatusLabels,
  sampleTransitions,
  samplingFoodCategories,
} from '../../../domain/food-sampling.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { validation } from '../../../platform/errors.ts';
import { afterIdOf, idPage } from '../../../platform/sampling/keyset.ts';
import { atVersion, checkDate, checkRetestWindow, createSampleWorkflow } from '../../../platform/sampling/workflow.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import { createCaseLead } from '../../cases/published.ts';
import { foodSampleKind, foodSampleReach } from '../access.ts';
import * as plans from '../repos/plans.ts';
import * as repo from '../repos/samples.ts';
import { toSample } from '../view.ts';

const addWorkingDate = (cal: WorkingDayCalendar, from: string, n: number) => addWorkingDays(cal, from, n).date;

export interface SamplingDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  deadlines: SamplingDeadlines;
  now?: () => Date;
}

/** The food sample's transitions over its own tables, through the shared sampling engine. */
export const workflow = createSampleWorkflow({
  subject: 'foodSample',
  transitions: sampleTransitions,
  statusLabels: sampleStatusLabels,
  store: repo,
});
const { apply: applyTransition } = workflow;

/** 抽样 records and their workflow: delivery, results, 不合格 consequences, 复检, 核查处置, publication. */
export function createSampleService(db: Db, deps: SamplingDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  const writable = async (actor: Actor, id: number, version: number) =>
    atVersion(assertWritable(actor, foodSampleKind, await repo.getSample(db, id), foodSampleReach), version);

  async function detail(actor: Actor, id: number) {
    const s = assertReadable(actor, foodSampleKind, await repo.getSample(db, id), foodSampleReach);
    const [items, events] = await Promise.all([repo.listItems(db, id), repo.listEvents(db, id)]);
    return { ...toSample(s, today()), items, events };
  }

  return {
    detail,

    async list(actor: Actor, q: z.infer<typeof ZSampleQuery>) {
      assertPermitted(actor, foodSampleKind, 'list');
      const rows = await repo.listSamples(db, actor, q, { afterId: afterIdOf(q.cursor), limit: q.limit });
      const t = today();
      return idPage(rows, q.limit, (r) => toSample(r, t));
    },

    async create(actor: Actor, body: TSampleBody) {
      assertPermitted(actor, foodSampleKind, 'write');
      const t = today();
      const business = await repo.businessStation(db, body.businessId);
      if (!business) throw validation('businessId', '食品经营者不存在');
      assertPlaceable(actor, foodSampleKind, business.stationId);
      if (body.sampledOn > t) throw validation('sampledOn', '抽样日期不能晚于今天');
      if (body.producedOn && body.producedOn > body.sampledOn)
        throw validation('producedOn', '生产日期不能晚于抽样日期');
      if (body.planId) {
        const plan = await plans.getPlan(db, body.planId);
        if (!plan || plan.stationId !== business.stationId)
          throw validation('planId', '抽检计划不存在或不属于该经营者所在所');
        if (plan.foodCategory !== body.foodCategory)
          throw validation(
            'foodCategory',
            `食品类别应与计划一致（${samplingFoodCategories[plan.foodCategory as SamplingFoodCategory]}）`,
          );
      }
      const cal = await deps.calendar();
      workflow.assertCanStart();
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertSample(tx, {
          planId: body.planId ?? null,
          businessId: business.id,
          stationId: business.stationId,
          stage: body.stage,
          foodCategory: body.foodCategory,
          foodName: body.foodName,
          batchNo: body.batchNo,
          producerName: body.producerName,
          producerUscc: body.producerUscc || null,
          producedOn: body.producedOn ?? null,
          quantity: body.quantity,
          samplers: body.samplers,
          sampledOn: body.sampledOn,
          labName: body.labName,
          deliveryDueOn: addWorkingDate(cal, body.sampledOn, deps.deadlines.deliveryWorkingDays),
          createdBy: actor.userId,
        });
        await workflow.started(tx, actor, newId);
        return newId;
      });
      return detail(actor, id);
    },

    async deliver(actor: Actor, id: number, b: z.infer<typeof ZDeliverBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('deliveredOn', b.deliveredOn, { day: s.sampledOn, label: '抽样日期' }, today());
      const cal = await deps.calendar();
      await db.transaction((tx) =>
        applyTransition(tx, actor, s, 'deliver', b, {
          delivered_on: b.deliveredOn,
          result_due_on: addWorkingDate(cal, b.deliveredOn, deps.deadlines.resultWorkingDays),
        }),
      );
      return detail(actor, id);
    },

    async result(actor: Actor, id: number, b: TResultBody) {
      const s = await writable(actor, id, b.version);
      checkDate('testedOn', b.testedOn, { day: s.deliveredOn, label: '送检日期' }, today());
      await db.transaction((tx) =>
        workflow.recordResult(tx, actor, s, { testedOn: b.testedOn, reportNo: b.reportNo ?? null, items: b.items }),
      );
      return detail(actor, id);
    },

    /** 不合格: the notice is served; the 复检 window and the 核查处置 clock start, and a case lead is opened. */
    async notify(actor: Actor, id: number, b: z.infer<typeof ZNotifyBody>) {
      const s = await writable(actor, id, b.version);
      if (s.conclusion !== 'fail') throw validation('conclusion', '检验结论为合格，无需送达不合格检验结果通知书');
      checkDate('notifiedOn', b.notifiedOn, { day: s.testedOn, label: '检验日期' }, today());
      const cal = await deps.calendar();
      await db.transaction(async (tx) => {
        const lead = await createCaseLead(
          tx,
          {
            sourceType: 'sampling',
            sourceRef: `FS${id}`,
            entityId: s.entityId,
            stationId: s.stationId,
            summary: `食品安全监督抽检不合格：${s.foodName}（批号 ${s.batchNo || '—'}，抽样单 ${sampleNo(id)}，${s.labName}检验）`,
            createdBy: actor.userId,
          },
          cal,
        );
        await applyTransition(tx, actor, s, 'notify', b, {
          notice_no: b.noticeNo,
          notified_on: b.notifiedOn,
          retest_due_on: addWorkingDate(cal, b.notifiedOn, deps.deadlines.retestWorkingDays),
          disposal_due_on: addCalendarDays(b.notifiedOn, deps.deadlines.disposalDays),
          case_lead_ref: lead,
        });
      });
      return detail(actor, id);
    },

    async requestRetest(actor: Actor, id: number, b: z.infer<typeof ZRetestRequestBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('requestedOn', b.requestedOn, { day: s.notifiedOn, label: '通知书送达日期' }, today());
      checkRetestWindow(
        b.requestedOn,
        s.retestDueOn,
        () =>
          `复检申请已超过期限（收到检验结论之日起 ${deps.deadlines.retestWorkingDays} 个工作日，截至 ${s.retestDueOn}）`,
      );
      await db.transaction((tx) =>
        applyTransition(tx, actor, s, 'requestRetest', b, {
          retest_requested_on: b.requestedOn,
          retest_lab: b.retestLab,
        }),
      );
      return detail(actor, id);
    },

    async retest(actor: Actor, id: number, b: z.infer<typeof ZRetestBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('testedOn', b.testedOn, { day: s.retestRequestedOn, label: '复检申请日期' }, today());
      await db.transaction((tx) => workflow.recordRetest(tx, actor, s, b, b.items));
      return detail(actor, id);
    },

    async handle(actor: Actor, id: number, b: z.infer<typeof ZHandleBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('handledOn', b.handledOn, { day: s.notifiedOn, label: '通知书送达日期' }, today());
      await db.transaction((tx) =>
        applyTransition(tx, actor, s, 'handle', b, { handled_on: b.handledOn, disposal_note: b.note }, b.note),
      );
      return detail(actor, id);
    },

    /** 更正抽样单 before delivery (batch, producer, quantity); the sample's state does not change. */
    async correct(actor: Actor, id: number, b: { batchNo?: string; producerName?: string; quantity?: string }) {
      const s = assertWritable(actor, foodSampleKind, await repo.getSample(db, id), foodSampleReach);
      if (s.status !== 'sampled') throw validation('status', '样品已送检，抽样单不能再更正');
      await db.transaction(async (tx) => {
        await repo.correctSample(tx, id, b);
        await workflow.audit(tx, actor, id, 'correct', b);
      });
      return detail(actor, id);
    },

    /**
     * 公布: a 合格 result once closed; a 不合格 one only when its conclusion is final (复检 done, or the 复检 window
     * passed without a request), naming the business, the producer and the failed items.
     */
    async publish(actor: Actor, id: number, version: number) {
      const s = await writable(actor, id, version);
      if (s.publishedOn) throw validation('publishedOn', '该抽检结果已公布');
      const t = today();
      const final =
        s.status === 'closed' ||
        s.retestConclusion !== null ||
        (s.notifiedOn !== null && s.retestRequestedOn === null && s.retestDueOn !== null && s.retestDueOn < t);
      if (!final)
        throw validation(
          'status',
          s.conclusion === 'fail'
            ? '不合格结论尚未确定（复检申请期未满或复检未完成），暂不能公布'
            : '尚无检验结论，不能公布',
        );
      await db.transaction(async (tx) => {
        if (!(await repo.updateSample(tx, id, s.version, { published_on: t }))) throw staleVersion();
        await repo.insertEvent(tx, {
          sampleId: id,
          action: 'publish',
          from: s.status,
          to: s.status,
          note: null,
          actorId: actor.userId,
        });
        await workflow.audit(tx, actor, id, 'publish');
      });
      return detail(actor, id);
    },
  };
}

export type SampleService = ReturnType<typeof createSampleService>;
