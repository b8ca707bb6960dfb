import type { z } from 'zod';
import type {
  TResultBody,
  TSampleBody,
  TSampleItem,
  ZDeliverBody,
  ZHandleBody,
  ZNotifyBody,
  ZRetestBody,
  ZRetestRequestBody,
  ZSampleQuery,
} from '../../../contracts/food-sampling.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  addCalendarDays,
  type SampleAction,
  type SampleStatus,
  type SamplingDeadlines,
  type SamplingFoodCategory,
  sampleConclusion,
  sampleNo,
  sampleStatusLabels,
  sampleTransitions,
  samplingFoodCategories,
} from '../../../domain/food-sampling.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
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

type Given = Partial<Record<'deliveredOn' | 'testedOn' | 'noticeNo' | 'notifiedOn' | 'requestedOn' | 'note', unknown>>;

/** A date that must not lie before `earliest` nor after today; 422 naming the field. */
function checkDate(field: string, value: string, earliest: { day: string | null; label: string }, today: string) {
  if (value > today) throw validation(field, '日期不能晚于今天');
  if (earliest.day && value < earliest.day) throw validation(field, `日期不能早于${earliest.label}（${earliest.day}）`);
}

/**
 * Applies one transition of the sample's workflow inside `tx`: the table's check (409/422), the versioned update,
 * the event row and the audit row. Exported for the XLSX import, which records the same transitions.
 */
export async function applyTransition(
  tx: Queryable,
  actor: Actor,
  s: { id: number; status: string; version: number },
  action: SampleAction,
  given: Given,
  set: repo.SampleSet,
  note: string | null = null,
): Promise<number> {
  const t = allowTransition(sampleTransitions, action, s.status as SampleStatus, sampleStatusLabels, given);
  const to = t.to ?? (s.status as SampleStatus);
  await recordTransition(tx, actor, {
    change: () => repo.updateSample(tx, s.id, s.version, { ...set, status: to }),
    event: () => repo.insertEvent(tx, { sampleId: s.id, action, from: s.status, to, note, actorId: actor.userId }),
    audit: {
      action: `foodSample.${action}`,
      targetType: 'foodSample',
      targetId: s.id,
      detail: { from: s.status, to, ...set },
    },
  });
  return s.version + 1;
}

/**
 * Records a lab result (entered or imported): the items, the sample's conclusion; a 合格 sample is closed at once
 * (a second recorded transition), a 不合格 one waits for its 检验结果通知书.
 */
export async function recordResult(
  tx: Queryable,
  actor: Actor,
  s: { id: number; status: string; version: number },
  r: { testedOn: string; reportNo: string | null; items: readonly TSampleItem[] },
) {
  const conclusion = sampleConclusion(r.items);
  const version = await applyTransition(
    tx,
    actor,
    s,
    'result',
    { testedOn: r.testedOn },
    {
      tested_on: r.testedOn,
      report_no: r.reportNo,
      conclusion,
    },
  );
  await repo.insertItems(
    tx,
    s.id,
    false,
    r.items.map((i) => ({ ...i, retest: false })),
  );
  if (conclusion === 'pass') await applyTransition(tx, actor, { id: s.id, status: 'tested', version }, 'close', {}, {});
  return conclusion;
}

/** 抽样 records and their workflow: delivery, results, 不合格 consequences, 复检, 核查处置, publication. */
export function createSampleService(db: Db, deps: SamplingDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function writable(actor: Actor, id: number, version: number) {
    const s = assertWritable(actor, foodSampleKind, await repo.getSample(db, id), foodSampleReach);
    if (s.version !== version) return { ...s, version };
    return s;
  }

  async function detail(actor: Actor, id: number) {
    const s = assertReadable(actor, foodSampleKind, await repo.getSample(db, id), foodSampleReach);
    const [items, events] = await Promise.all([repo.listItems(db, id), repo.listEvents(db, id)]);
    return { ...toSample(s, today()), items, events };
  }

  return {
    detail,

    async list(actor: Actor, q: z.infer<typeof ZSampleQuery>) {
      assertPermitted(actor, foodSampleKind, 'list');
      const afterId = q.cursor ? Number(Buffer.from(q.cursor, 'base64url').toString()) || undefined : undefined;
      const rows = await repo.listSamples(db, actor, q, { afterId, limit: q.limit });
      const items = rows.slice(0, q.limit);
      const nextCursor = rows.length > q.limit ? Buffer.from(String(items.at(-1)!.id)).toString('base64url') : null;
      const t = today();
      return { items: items.map((r) => toSample(r, t)), nextCursor };
    },

    async create(actor: Actor, body: TSampleBody) {
      assertPermitted(actor, foodSampleKind, 'write');
      const t = today();
      const [business] = await db.query<{ id: number; stationId: number }>(
        'SELECT id, station_id AS "stationId" FROM food_businesses WHERE id = $1',
        [body.businessId],
      );
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
      allowTransition(sampleTransitions, 'sample', null, sampleStatusLabels);
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
        await repo.insertEvent(tx, {
          sampleId: newId,
          action: 'sample',
          from: null,
          to: 'sampled',
          note: null,
          actorId: actor.userId,
        });
        await recordAudit(tx, actor, newId);
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
        recordResult(tx, actor, s, { testedOn: b.testedOn, reportNo: b.reportNo ?? null, items: b.items }),
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
      if (s.retestDueOn && b.requestedOn > s.retestDueOn)
        throw validation(
          'requestedOn',
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
      await db.transaction(async (tx) => {
        await applyTransition(tx, actor, s, 'retest', b, { retest_conclusion: sampleConclusion(b.items) });
        await repo.insertItems(
          tx,
          id,
          true,
          b.items.map((i) => ({ ...i, retest: true })),
        );
      });
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
        await appendAudit(tx, actor, {
          action: 'foodSample.correct',
          targetType: 'foodSample',
          targetId: id,
          detail: b,
        });
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
        await recordAudit(tx, actor, id, 'foodSample.publish');
      });
      return detail(actor, id);
    },
  };
}

const recordAudit = (tx: Queryable, actor: Actor, id: number, action = 'foodSample.sample') =>
  appendAudit(tx, actor, { action, targetType: 'foodSample', targetId: id });

export type SampleService = ReturnType<typeof createSampleService>;
