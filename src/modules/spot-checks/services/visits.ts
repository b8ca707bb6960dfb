import type { z } from 'zod';
import type {
  TResultBody,
  TVisitDetail,
  ZVisitListQuery,
  ZVisitTransitionBody,
} from '../../../contracts/spot-checks.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { dueDate, shanghaiToday } from '../../../domain/deadlines.ts';
import {
  PUBLICATION_WORKING_DAYS,
  type VisitStatus,
  visitStatusLabels,
  visitTransitions,
} from '../../../domain/spot-check-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, forbidden, notFound, validation } from '../../../platform/errors.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import type { FileService } from '../../files/service.ts';
import { isDrawnFor, spotCheckVisitKind, visitReach } from '../access.ts';
import { listItems } from '../repos/catalog.ts';
import { taskItemIds } from '../repos/tasks.ts';
import * as repo from '../repos/visits.ts';
import { publicResultView, visitDetail, visitSummary } from '../view.ts';
import { createVisitExport, visitListFilter } from './visit-export.ts';
import { writeResult } from './visit-results.ts';
import { clearVisitSignatures } from './visit-signatures.ts';

export interface VisitDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  files: Pick<FileService, 'maxBytes' | 'store' | 'describe' | 'openLinked' | 'remove'>;
  now?: () => Date;
}

/**
 * The caller's account is linked to one of the visit's drawn inspectors. Only they enter results and upload
 * evidence: the draw chose them (回避 applied: no one from the entity's own station, no declared conflict), so
 * seeing the visit — by station scope or a bureau-wide role — is not enough to act as its inspector. A domain
 * rule on top of the access policy (which decides who sees and changes the visit at all).
 */
const isAssignedTo = (actor: Actor, v: repo.VisitRecord) => isDrawnFor(actor.userId, v);

function assertAssignedTo(actor: Actor, v: repo.VisitRecord) {
  if (!isAssignedTo(actor, v)) throw forbidden('只有本次检查抽中的检查人员才能录入结果或上传取证材料');
}

/** Visits (one per entity per plan): list, detail, results and evidence by the drawn inspectors, complete, publish. */
export function createVisitService(db: Db, deps: VisitDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  const readable = async (actor: Actor, id: number) =>
    assertReadable(actor, spotCheckVisitKind, await repo.findVisit(db, id), visitReach(actor.userId));
  const writable = async (actor: Actor, id: number) =>
    assertWritable(actor, spotCheckVisitKind, await repo.findVisit(db, id), visitReach(actor.userId));

  /** Every file must have been uploaded for this visit (by any of its inspectors). */
  async function expectOwnEvidence(visitId: number, fileIds: readonly number[]) {
    const own = await repo.visitFiles(db, visitId, fileIds);
    if (own.length !== new Set(fileIds).size) throw validation('fileIds', '附件不存在或不是本次检查上传的取证材料');
  }

  async function itemsOf(visitId: number) {
    const tasks = await repo.visitTasks(db, visitId);
    const itemIds = await taskItemIds(
      db,
      tasks.map((t) => t.id),
    );
    return { tasks, items: await listItems(db, itemIds) };
  }

  async function saveResult(actor: Actor, v: repo.VisitRecord, body: TResultBody) {
    if (v.status !== 'assigned') throw new AppError('INVALID_STATE', '检查已完成，结果不能再修改');
    const { items } = await itemsOf(v.id);
    const item = items.find((i) => i.id === body.itemId);
    if (!item) throw validation('itemId', '该事项不在本次检查的任务中');
    await expectOwnEvidence(v.id, body.fileIds);
    // The record changed: whoever signed it signed a different one.
    await writeResult(db, actor, v, item, body, await deps.calendar(), (tx) =>
      clearVisitSignatures(tx, deps.files, actor, v.id),
    );
  }

  async function detail(actor: Actor, v: repo.VisitRecord): Promise<TVisitDetail> {
    const [{ tasks, items }, results] = await Promise.all([itemsOf(v.id), repo.resultsOf(db, v.id)]);
    // Only this visit's own uploads are described, whatever ids a result row may hold.
    const own = await repo.visitFiles(db, v.id, [...new Set(results.flatMap((r) => r.fileIds))]);
    const files = await deps.files.describe(own.map((f) => f.fileId));
    const canRecord = v.status === 'assigned' && isAssignedTo(actor, v);
    return visitDetail(v, { today: today(), tasks, items, results, files, canRecord });
  }

  return {
    today,
    ...createVisitExport(db, today),
    async list(actor: Actor, q: z.infer<typeof ZVisitListQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const now = today();
      const filter = { ...visitListFilter(q, now), beforeId };
      const rows = await repo.listVisits(db, actor, filter, q.limit + 1);
      return keysetPage(
        rows.map((r) => visitSummary(r, now)),
        q.limit,
        (r) => [r.id],
      );
    },

    async get(actor: Actor, id: number): Promise<TVisitDetail> {
      return detail(actor, await readable(actor, id));
    },

    /** One item's result, entered by one of the visit's drawn inspectors. */
    async recordResult(actor: Actor, id: number, body: TResultBody): Promise<TVisitDetail> {
      const v = await writable(actor, id);
      assertAssignedTo(actor, v);
      await saveResult(actor, v, body);
      return this.get(actor, id);
    },

    /**
     * A paper record entered for the visit's team by trusted code (the demo's history, a migration from the
     * previous platform): no route exposes it, so the drawn-inspector rule does not apply; the access policy
     * still does. Evidence is still limited to the visit's own uploads.
     */
    async importResult(actor: Actor, id: number, body: TResultBody): Promise<TVisitDetail> {
      await saveResult(actor, await writable(actor, id), body);
      return this.get(actor, id);
    },

    /**
     * A photo or document for this visit, by one of its inspectors; the file is recorded as this visit's.
     * `file` reads the upload, called only once the caller may add it (nothing is read for a refused request).
     */
    async uploadEvidence(actor: Actor, id: number, file: () => Promise<ReceivedFile>) {
      const v = await writable(actor, id);
      assertAssignedTo(actor, v);
      if (v.status !== 'assigned') throw new AppError('INVALID_STATE', '检查已完成，不能再上传取证材料');
      const received = await file();
      return db.transaction(async (tx) => {
        const stored = await deps.files.store(tx, received, {
          purpose: 'inspection-evidence',
          ownerUnitId: v.stationId,
          createdBy: actor.userId,
        });
        await repo.linkVisitFile(tx, { visitId: v.id, fileId: stored.id, uploadedBy: actor.userId });
        return stored;
      });
    },

    /** The upload cap of evidence files, for the route that reads the request. */
    maxUploadBytes: deps.files.maxBytes,

    /**
     * Evidence of a visit, for whoever may see the visit (assigned inspectors of other stations included): only
     * a file uploaded for this visit, and until a result links it only its uploader (the form shows it first).
     */
    async evidenceFile(actor: Actor, id: number, fileId: number) {
      await readable(actor, id);
      const [own] = await repo.visitFiles(db, id, [fileId]);
      const linked = (await repo.resultsOf(db, id)).some((r) => r.fileIds.includes(fileId));
      if (!own || !(linked || own.uploadedBy === actor.userId)) throw notFound('取证材料');
      return deps.files.openLinked(fileId, 'inspection-evidence');
    },

    async transition(actor: Actor, id: number, body: z.infer<typeof ZVisitTransitionBody>): Promise<TVisitDetail> {
      const v = await writable(actor, id);
      const from = v.status as VisitStatus;
      const to = allowTransitionTo(body.action, from);
      const set: { inspectedOn?: string; publishDueOn?: string; publishedAt?: Date } = {};
      if (body.action === 'complete') {
        const [{ items }, results] = await Promise.all([itemsOf(id), repo.resultsOf(db, id)]);
        const open = items.filter((i) => !results.some((r) => r.itemId === i.id));
        if (open.length) throw validation('items', `尚有事项未录入结果：${open.map((i) => i.name).join('、')}`);
        set.inspectedOn = today();
        set.publishDueOn = dueDate(await deps.calendar(), set.inspectedOn, {
          days: PUBLICATION_WORKING_DAYS,
          unit: 'workingDays',
        }).dueOn;
      }
      if (to === 'published') set.publishedAt = new Date();
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () => repo.setVisitStatus(tx, { id, version: body.version }, { status: to, ...set }),
          // A visit keeps no event table: its history is the audit trail.
          event: async () => {},
          audit: {
            action: `spotcheck.visit.${body.action}`,
            targetType: 'spotCheckVisit',
            targetId: id,
            detail: { from, to, ...visitAuditDates(set) },
          },
        }),
      );
      return this.get(actor, id);
    },

    /** The public register of results (no login): category per item, no notes, no inspectors. */
    async published(q: { q?: string; limit: number; cursor?: string }) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const rows = await repo.publishedResults(db, { q: q.q, beforeId }, q.limit + 1);
      return keysetPage(rows.map(publicResultView), q.limit, (r) => [r.visitId]);
    },

    /** One entity's published results, newest first, for its public profile; `more`: older ones exist. */
    async publishedOfEntity(entityId: number, limit: number) {
      const rows = await repo.publishedResults(db, { entityId }, limit + 1);
      return { items: rows.slice(0, limit).map(publicResultView), more: rows.length > limit };
    },
  };
}

const allowTransitionTo = (action: keyof typeof visitTransitions, from: VisitStatus): VisitStatus =>
  allowTransition(visitTransitions, action, from, visitStatusLabels).to ?? from;

/** The audit row keeps the dates as before: the inspection day and the publication deadline. */
const visitAuditDates = (set: { inspectedOn?: string; publishDueOn?: string }) => ({
  ...(set.inspectedOn !== undefined && { inspectedOn: set.inspectedOn }),
  ...(set.publishDueOn !== undefined && { publishDueOn: set.publishDueOn }),
});

export type VisitService = ReturnType<typeof createVisitService>;
