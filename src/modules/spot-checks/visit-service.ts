import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  TPublicResult,
  TResultBody,
  TVisitDetail,
  TVisitSummary,
  ZVisitListQuery,
  ZVisitTransitionBody,
} from '../../contracts/spot-checks.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, escapeLike, keysetPage, Where } from '../../db/sql.ts';
import { dueDate, shanghaiToday } from '../../domain/deadlines.ts';
import { maskPersonalText } from '../../domain/personal-text.ts';
import {
  categoryOf,
  checkSpotCheckTransition,
  PUBLICATION_WORKING_DAYS,
  spotCheckTransitions,
  type VisitStatus,
  visitStatusLabels,
} from '../../domain/spot-check-workflow.ts';
import type { WorkingDayCalendar } from '../../domain/working-days.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, conflict, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { FileService } from '../files/service.ts';
import { listItems } from './catalog-repo.ts';
import { taskItemIds } from './repo.ts';
import { assertAssignedTo, canSeeVisit, isAssignedTo } from './visit-access.ts';
import { writeResult } from './visit-results.ts';
import * as repo from './visits-repo.ts';

export interface VisitDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  files: Pick<FileService, 'receive' | 'store' | 'describe' | 'openLinked'>;
  now?: () => Date;
}

const stale = () => conflict('检查记录已被他人更新，请刷新后重试', [{ path: 'version', message: '版本已过期' }]);

export function createVisitService(db: Db, deps: VisitDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function inScope(actor: Actor, id: number) {
    const v = await repo.findVisit(db, id);
    if (!v || !canSeeVisit(actor, v)) throw notFound('抽查检查记录');
    return v;
  }

  /** Every file must have been uploaded for this visit (by any of its inspectors). */
  async function expectOwnEvidence(visitId: number, fileIds: readonly number[]) {
    const own = await repo.visitFiles(db, visitId, fileIds);
    if (own.length !== new Set(fileIds).size) throw validation('fileIds', '附件不存在或不是本次检查上传的取证材料');
  }

  const summary = (v: repo.VisitRecord, now: string): TVisitSummary => ({
    id: v.id,
    planId: v.planId,
    entityId: v.entityId,
    entityName: v.entityName,
    uscc: v.uscc,
    stationName: v.stationName,
    status: v.status,
    statusLabel: visitStatusLabels[v.status as VisitStatus] ?? v.status,
    inspectedOn: v.inspectedOn,
    publishDueOn: v.publishDueOn,
    overdue: v.status === 'inspected' && v.publishDueOn !== null && v.publishDueOn < now,
    publishedAt: v.publishedAt,
    inspectors: v.inspectors.map(({ id, name, departmentName }) => ({ id, name, departmentName })),
    version: v.version,
  });

  async function itemsOf(visitId: number) {
    const tasks = await repo.visitTasks(db, visitId);
    return {
      tasks,
      items: await listItems(
        db,
        await taskItemIds(
          db,
          tasks.map((t) => t.id),
        ),
      ),
    };
  }

  async function saveResult(actor: Actor, v: repo.VisitRecord, body: TResultBody) {
    if (v.status !== 'assigned') throw new AppError('INVALID_STATE', '检查已完成，结果不能再修改');
    const { items } = await itemsOf(v.id);
    const item = items.find((i) => i.id === body.itemId);
    if (!item) throw validation('itemId', '该事项不在本次检查的任务中');
    await expectOwnEvidence(v.id, body.fileIds);
    await writeResult(db, actor, v, item, body);
  }

  return {
    today,
    async list(actor: Actor, q: z.infer<typeof ZVisitListQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const w = new Where();
      if (actor.dataScope === 'unit_and_below')
        w.add(`(v.station_id = ANY(?::bigint[]) OR ${repo.assignedToUser()})`, actor.scopeUnitIds, actor.userId);
      if (actor.dataScope === 'self' || q.mine === 'true') w.add(repo.assignedToUser(), actor.userId);
      if (q.taskId) w.add('v.task_ids @> ARRAY[?::bigint]', q.taskId);
      w.addIf(q.planId, 'v.plan_id = ?').addIf(q.status, 'v.status = ?').addIf(beforeId, 'v.id < ?');
      if (q.overdue === 'true') w.add(`v.status = 'inspected' AND v.publish_due_on < ?`, today());
      const rows = await repo.listVisits(db, w, q.limit + 1);
      const now = today();
      return keysetPage(
        rows.map((r) => summary(r, now)),
        q.limit,
        (r) => [r.id],
      );
    },

    async get(actor: Actor, id: number): Promise<TVisitDetail> {
      const v = await inScope(actor, id);
      const [{ tasks, items }, results] = await Promise.all([itemsOf(id), repo.resultsOf(db, id)]);
      // Only this visit's own uploads are described, whatever ids a result row may hold.
      const own = await repo.visitFiles(db, id, [...new Set(results.flatMap((r) => r.fileIds))]);
      const files = await deps.files.describe(own.map((f) => f.fileId));
      return {
        ...summary(v, today()),
        taskNames: tasks.map((t) => t.name),
        items: items.map((i) => {
          const r = results.find((x) => x.itemId === i.id);
          return {
            itemId: i.id,
            name: i.name,
            departmentName: i.departmentName,
            level: i.level,
            checklist: i.checklist,
            result: r
              ? {
                  category: r.category,
                  categoryLabel: categoryOf(r.category)?.label ?? r.category,
                  notes: r.notes,
                  files: files.filter((f) => r.fileIds.includes(f.id)),
                  caseLeadRef: r.caseLeadRef,
                }
              : null,
          };
        }),
        actions: (['complete', 'publish'] as const).filter((a) =>
          (spotCheckTransitions[a].from as readonly string[]).includes(v.status),
        ),
        canRecord: v.status === 'assigned' && isAssignedTo(actor, v),
      };
    },

    /** One item's result, entered by one of the visit's drawn inspectors. */
    async recordResult(actor: Actor, id: number, body: TResultBody): Promise<TVisitDetail> {
      const v = await inScope(actor, id);
      assertAssignedTo(actor, v);
      await saveResult(actor, v, body);
      return this.get(actor, id);
    },

    /**
     * A paper record entered for the visit's team by trusted code (the demo's history, a migration from the
     * previous platform): no route exposes it. Evidence is still limited to the visit's own uploads.
     */
    async importResult(actor: Actor, id: number, body: TResultBody): Promise<TVisitDetail> {
      if (actor.dataScope !== 'all') throw forbidden();
      await saveResult(actor, await inScope(actor, id), body);
      return this.get(actor, id);
    },

    /** A photo or document for this visit, by one of its inspectors; the file is recorded as this visit's. */
    async uploadEvidence(actor: Actor, id: number, req: FastifyRequest) {
      const v = await inScope(actor, id);
      assertAssignedTo(actor, v);
      if (v.status !== 'assigned') throw new AppError('INVALID_STATE', '检查已完成，不能再上传取证材料');
      const { file } = await deps.files.receive(req);
      return db.transaction(async (tx) => {
        const stored = await deps.files.store(tx, file, {
          purpose: 'inspection-evidence',
          ownerUnitId: v.stationId,
          createdBy: actor.userId,
        });
        await repo.linkVisitFile(tx, { visitId: v.id, fileId: stored.id, uploadedBy: actor.userId });
        return stored;
      });
    },

    /**
     * Evidence of a visit, for whoever may see the visit (assigned inspectors of other stations included): only
     * a file uploaded for this visit, and until a result links it only its uploader (the form shows it first).
     */
    async evidenceFile(actor: Actor, id: number, fileId: number) {
      await inScope(actor, id);
      const [own] = await repo.visitFiles(db, id, [fileId]);
      const linked = (await repo.resultsOf(db, id)).some((r) => r.fileIds.includes(fileId));
      if (!own || !(linked || own.uploadedBy === actor.userId)) throw notFound('取证材料');
      return deps.files.openLinked(fileId, 'inspection-evidence');
    },

    async transition(actor: Actor, id: number, body: z.infer<typeof ZVisitTransitionBody>): Promise<TVisitDetail> {
      const v = await inScope(actor, id);
      const check = checkSpotCheckTransition(body.action, 'visit', v.status);
      if (!check.ok) throw new AppError('INVALID_STATE', check.reason);
      const set: { inspectedOn?: string; publishDueOn?: string } = {};
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
      await db.transaction(async (tx) => {
        if (!(await repo.setVisitStatus(tx, { id, version: body.version, from: v.status, to: check.to, ...set })))
          throw stale();
        await appendAudit(tx, actor, {
          action: `spotcheck.visit.${body.action}`,
          targetType: 'spotCheckVisit',
          targetId: id,
          detail: { from: v.status, to: check.to, ...set },
        });
      });
      return this.get(actor, id);
    },

    /** The public register of results (no login): category per item, no notes, no inspectors. */
    async published(q: { q?: string; limit: number; cursor?: string }) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const w = new Where().add(`v.status = 'published'`).addIf(beforeId, 'v.id < ?');
      if (q.q) w.add('(e.uscc = ? OR e.name LIKE ?)', q.q.toUpperCase(), `%${escapeLike(q.q)}%`);
      const rows = await repo.publishedResults(db, w, q.limit + 1);
      // Names leave through the personal-text mask (an individual business may carry its owner's phone); the USCC
      // is public by law and is the register's key, so it stays as it is.
      const items: TPublicResult[] = rows.map((r) => ({
        ...r,
        entityName: maskPersonalText(r.entityName),
        planName: maskPersonalText(r.planName),
        taskNames: (r.taskNames ?? []).map(maskPersonalText),
        items: (r.items ?? []).map((i) => ({
          name: maskPersonalText(i.name),
          departmentName: i.departmentName,
          categoryLabel: categoryOf(i.category)?.label ?? i.category,
        })),
      }));
      return keysetPage(items, q.limit, (r) => [r.visitId]);
    },
  };
}

export type VisitService = ReturnType<typeof createVisitService>;
