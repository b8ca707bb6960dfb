import type { z } from 'zod';
import type {
  TProductItem,
  ZProductNotifyBody,
  ZProductRectifyBody,
  ZProductResultBody,
  ZProductRetestBody,
  ZProductRetestRequestBody,
  ZProductSampleBody,
  ZProductSampleQuery,
} from '../../../contracts/product-quality.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  type ProductSampleAction,
  type ProductSampleStatus,
  productSampleNo,
  productSampleStatusLabels,
  productSampleTransitions,
} from '../../../domain/product-sampling-workflow.ts';
import { addCalendarDays, sampleConclusion } from '../../../domain/sampling.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
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

/** A date that must not lie after today nor before `earliest`; 422 naming the field. */
export function checkDate(
  field: string,
  value: string,
  earliest: { day: string | null; label: string },
  today: string,
) {
  if (value > today) throw validation(field, '日期不能晚于今天');
  if (earliest.day && value < earliest.day) throw validation(field, `日期不能早于${earliest.label}（${earliest.day}）`);
}

/** One transition of the sample's workflow inside `tx`: table check, versioned update, event row, audit row. */
export async function applyTransition(
  tx: Queryable,
  actor: Actor,
  s: { id: number; status: string; version: number },
  action: ProductSampleAction,
  given: Record<string, unknown>,
  set: repo.SampleSet,
  note: string | null = null,
): Promise<number> {
  const t = allowTransition(
    productSampleTransitions,
    action,
    s.status as ProductSampleStatus,
    productSampleStatusLabels,
    given,
  );
  const to = t.to ?? (s.status as ProductSampleStatus);
  await recordTransition(tx, actor, {
    change: () => repo.updateSample(tx, s.id, s.version, { ...set, status: to }),
    event: () => repo.insertEvent(tx, { sampleId: s.id, action, from: s.status, to, note, actorId: actor.userId }),
    audit: {
      action: `productSample.${action}`,
      targetType: 'productSample',
      targetId: s.id,
      detail: { from: s.status, to, ...set },
    },
  });
  return s.version + 1;
}

/** A lab result (entered or imported): items and conclusion; a 合格 sample is closed at once. */
export async function recordResult(
  tx: Queryable,
  actor: Actor,
  s: { id: number; status: string; version: number },
  r: { testedOn: string; reportNo: string | null; items: readonly TProductItem[] },
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
  await repo.insertItems(tx, s.id, false, r.items);
  if (conclusion === 'pass') await applyTransition(tx, actor, { id: s.id, status: 'tested', version }, 'close', {}, {});
  return conclusion;
}

/** 监督抽查 samples: registration, results, 不合格 notice, 异议/复检, 责令整改 with a case lead, follow-up, close. */
export function createProductSampleService(db: Db, deps: ProductSamplingDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function writable(actor: Actor, id: number, version: number) {
    const s = assertWritable(actor, productSampleKind, await repo.getSample(db, id), reachOf);
    return s.version === version ? s : { ...s, version };
  }

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
      const afterId = q.cursor ? Number(Buffer.from(q.cursor, 'base64url').toString()) || undefined : undefined;
      const rows = await repo.listSamples(db, actor, q, { afterId, limit: q.limit });
      const items = rows.slice(0, q.limit);
      const nextCursor = rows.length > q.limit ? Buffer.from(String(items.at(-1)!.id)).toString('base64url') : null;
      return { items: items.map(toProductSample), nextCursor };
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
      allowTransition(productSampleTransitions, 'sample', null, productSampleStatusLabels);
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
        await repo.insertEvent(tx, {
          sampleId: newId,
          action: 'sample',
          from: null,
          to: 'sampled',
          note: null,
          actorId: actor.userId,
        });
        await appendAudit(tx, actor, { action: 'productSample.sample', targetType: 'productSample', targetId: newId });
        return newId;
      });
      return detail(actor, id);
    },

    async correct(actor: Actor, id: number, b: { model?: string; batchNo?: string }) {
      const s = assertWritable(actor, productSampleKind, await repo.getSample(db, id), reachOf);
      if (s.status !== 'sampled') throw validation('status', '样品已出检验结果，抽样单不能再更正');
      await db.transaction(async (tx) => {
        await repo.correctSample(tx, id, b);
        await appendAudit(tx, actor, {
          action: 'productSample.correct',
          targetType: 'productSample',
          targetId: id,
          detail: b,
        });
      });
      return detail(actor, id);
    },

    async result(actor: Actor, id: number, b: z.infer<typeof ZProductResultBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('testedOn', b.testedOn, { day: s.sampledOn, label: '抽样日期' }, today());
      await db.transaction((tx) =>
        recordResult(tx, actor, s, { testedOn: b.testedOn, reportNo: b.reportNo ?? null, items: b.items }),
      );
      return detail(actor, id);
    },

    /** 不合格: a numbered notice; the 异议/复检 window runs from the day the producer/seller received it. */
    async notify(actor: Actor, id: number, b: z.infer<typeof ZProductNotifyBody>) {
      const s = await writable(actor, id, b.version);
      if (s.conclusion !== 'fail') throw validation('conclusion', '检验结论为合格，无需送达不合格通知书');
      checkDate('receivedOn', b.receivedOn, { day: s.testedOn, label: '检验日期' }, today());
      const days = await settings.ruleValue(db, 'objectionDays');
      await db.transaction(async (tx) => {
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
      return detail(actor, id);
    },

    /** 异议/复检 is accepted only within the window (objectionDays after receipt; verify). */
    async requestRetest(actor: Actor, id: number, b: z.infer<typeof ZProductRetestRequestBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('requestedOn', b.requestedOn, { day: s.receivedOn, label: '收到不合格结论日期' }, today());
      if (s.objectionDueOn && b.requestedOn > s.objectionDueOn) {
        const days = await settings.ruleValue(db, 'objectionDays');
        throw validation(
          'requestedOn',
          `异议/复检申请已超过期限（收到检验结论之日起 ${days} 日内，截至 ${s.objectionDueOn}）`,
        );
      }
      await db.transaction((tx) =>
        applyTransition(tx, actor, s, 'requestRetest', b, { retest_requested_on: b.requestedOn }),
      );
      return detail(actor, id);
    },

    async retest(actor: Actor, id: number, b: z.infer<typeof ZProductRetestBody>) {
      const s = await writable(actor, id, b.version);
      checkDate('testedOn', b.testedOn, { day: s.retestRequestedOn, label: '复检申请日期' }, today());
      const conclusion = sampleConclusion(b.items);
      await db.transaction(async (tx) => {
        const version = await applyTransition(tx, actor, s, 'retest', b, { retest_conclusion: conclusion });
        await repo.insertItems(tx, id, true, b.items);
        if (conclusion === 'pass')
          await applyTransition(tx, actor, { id, status: 'retested', version }, 'close', {}, {}, '复检合格');
      });
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
