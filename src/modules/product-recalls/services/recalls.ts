import type { z } from 'zod';
import type {
  TRecallDetail,
  ZPublicRecallQuery,
  ZRecallBody,
  ZRecallCompleteBody,
  ZRecallQuery,
  ZRecallReportBody,
} from '../../../contracts/product-recalls.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  type RecallAction,
  type RecallStatus,
  recallStatusLabels,
  recallTransitions,
  recoveredOverflow,
} from '../../../domain/product-recall-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import type { FileService } from '../../files/service.ts';
import { productRecallKind, productRecallReach } from '../access.ts';
import * as repo from '../repos/recalls.ts';
import { toPublicRecall, toRecall } from '../view.ts';

type Given = Partial<Record<'plan' | 'quantity' | 'reportedOn' | 'quantityRecovered' | 'completedOn', unknown>>;
const purpose = 'product-recall-report' as const;

/** Applies one transition of the recall's table in `tx`: the check (409/422), versioned update, event, audit. */
async function apply(
  tx: Queryable,
  actor: Actor,
  r: { id: number; status: string; version: number },
  action: RecallAction,
  given: Given,
  set: Record<string, unknown>,
  note: string | null = null,
) {
  const t = allowTransition(recallTransitions, action, r.status as RecallStatus, recallStatusLabels, given);
  const to = t.to ?? r.status;
  await recordTransition(tx, actor, {
    change: () => repo.updateRecall(tx, r.id, r.version, { ...set, status: to }),
    event: () => repo.insertEvent(tx, { recallId: r.id, action, from: r.status, to, note, actorId: actor.userId }),
    audit: {
      action: `productRecall.${action}`,
      targetType: 'productRecall',
      targetId: r.id,
      detail: { from: r.status, to, ...set },
    },
  });
}

/** 缺陷产品召回: the producer's plan, progress reports (with an attachment each), completion, publication. */
export function createRecallService(db: Db, deps: { files: Pick<FileService, 'store'>; now?: () => Date }) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());
  const notAfterToday = (field: string, day: string) => {
    if (day > today()) throw validation(field, '日期不能晚于今天');
  };

  async function writable(actor: Actor, id: number, version: number) {
    const r = assertWritable(actor, productRecallKind, await repo.getRecall(db, id), productRecallReach);
    if (r.version !== version) throw staleVersion('该召回已被他人更新，请刷新后重试');
    return r;
  }

  async function detail(actor: Actor, id: number): Promise<TRecallDetail> {
    const r = assertReadable(actor, productRecallKind, await repo.getRecall(db, id), productRecallReach);
    const [reports, events] = await Promise.all([repo.listReports(db, id), repo.listEvents(db, id)]);
    return { ...toRecall(r), reports, events };
  }

  return {
    detail,

    async list(actor: Actor, q: z.infer<typeof ZRecallQuery>) {
      assertPermitted(actor, productRecallKind, 'list');
      const [afterId] = (decodeCursor(q.cursor) ?? []) as number[];
      const rows = await repo.listRecalls(db, actor, q, { afterId, limit: q.limit });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toRecall), nextCursor: page.nextCursor };
    },

    async published(q: z.infer<typeof ZPublicRecallQuery>) {
      const [afterId] = (decodeCursor(q.cursor) ?? []) as number[];
      const rows = await repo.listPublished(db, q, { afterId, limit: q.limit });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toPublicRecall), nextCursor: page.nextCursor };
    },

    async create(actor: Actor, body: z.infer<typeof ZRecallBody>) {
      assertPermitted(actor, productRecallKind, 'write');
      const producer = await repo.entityStation(db, body.entityId);
      if (!producer) throw validation('entityId', '生产者不在主体登记库中');
      const unitId = body.unitId ?? producer.stationId;
      assertPlaceable(actor, productRecallKind, unitId);
      notAfterToday('planFiledOn', body.planFiledOn);
      const id = await db.transaction(async (tx) => {
        allowTransition(recallTransitions, 'file', null, recallStatusLabels, body);
        const newId = await repo.insertRecall(tx, { ...body, stationId: unitId, createdBy: actor.userId });
        await repo.insertEvent(tx, {
          recallId: newId,
          action: 'file',
          from: null,
          to: 'planned',
          note: null,
          actorId: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'productRecall.file',
          targetType: 'productRecall',
          targetId: newId,
          detail: {
            entityId: body.entityId,
            stationId: unitId,
            productName: body.productName,
            quantity: body.quantity,
          },
        });
        return newId;
      });
      return detail(actor, id);
    },

    async report(actor: Actor, id: number, body: z.infer<typeof ZRecallReportBody>) {
      const r = await writable(actor, id, body.version);
      // The state first: a completed recall refuses any report, whatever its numbers.
      allowTransition(recallTransitions, 'report', r.status as RecallStatus, recallStatusLabels, body);
      notAfterToday('reportedOn', body.reportedOn);
      if (body.reportedOn < r.planFiledOn)
        throw validation('reportedOn', `报告日期不能早于召回计划备案日期（${r.planFiledOn}）`);
      const overflow = recoveredOverflow(r.quantity, r.recovered, body.quantityRecovered);
      if (overflow) throw validation('quantityRecovered', overflow);
      await db.transaction(async (tx) => {
        const reportId = await repo.insertReport(tx, {
          recallId: id,
          reportedOn: body.reportedOn,
          quantityRecovered: body.quantityRecovered,
          note: body.note ?? null,
          createdBy: actor.userId,
        });
        await apply(
          tx,
          actor,
          r,
          'report',
          body,
          { recovered: r.recovered + body.quantityRecovered },
          `报告 #${reportId}`,
        );
      });
      return detail(actor, id);
    },

    async attach(actor: Actor, id: number, reportId: number, upload: () => Promise<{ file: ReceivedFile }>) {
      const r = assertWritable(actor, productRecallKind, await repo.getRecall(db, id), productRecallReach);
      const report = await repo.reportOf(db, id, reportId);
      if (!report) throw notFound('召回进展报告');
      if (r.status === 'completed') throw validation('file', `召回已完成（${r.completedOn}），不能再补充进展报告附件`);
      if (report.fileId) throw validation('file', '该进展报告已有附件');
      const { file } = await upload();
      await db.transaction(async (tx) => {
        const stored = await deps.files.store(tx, file, { purpose, ownerUnitId: r.stationId, createdBy: actor.userId });
        if (!(await repo.attachReportFile(tx, id, reportId, stored.id))) throw validation('file', '该进展报告已有附件');
        await appendAudit(tx, actor, {
          action: 'productRecall.report.attach',
          targetType: 'productRecall',
          targetId: id,
          detail: { reportId, fileId: stored.id, sha256: stored.sha256 },
        });
      });
      return detail(actor, id);
    },

    async complete(actor: Actor, id: number, body: z.infer<typeof ZRecallCompleteBody>) {
      const r = await writable(actor, id, body.version);
      allowTransition(recallTransitions, 'complete', r.status as RecallStatus, recallStatusLabels, body);
      notAfterToday('completedOn', body.completedOn);
      const last = await repo.latestReportOn(db, id);
      if (last && body.completedOn < last)
        throw validation('completedOn', `完成日期不能早于最后一次进展报告（${last}）`);
      await db.transaction((tx) =>
        apply(
          tx,
          actor,
          r,
          'complete',
          body,
          { completed_on: body.completedOn, completion_note: body.note ?? null },
          body.note ?? null,
        ),
      );
      return detail(actor, id);
    },

    async publish(actor: Actor, id: number, version: number) {
      const r = await writable(actor, id, version);
      if (r.publishedOn) throw validation('version', `该召回已于 ${r.publishedOn} 公布`);
      await db.transaction((tx) => apply(tx, actor, r, 'publish', {}, { published_on: today() }));
      return detail(actor, id);
    },
  };
}
export type RecallService = ReturnType<typeof createRecallService>;
