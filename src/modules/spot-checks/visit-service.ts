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
import type { Actor } from '../../server/actor.ts';
import { AppError, conflict, notFound, validation } from '../../server/errors.ts';
import { appendAudit } from '../audit/repo.ts';
import { createCaseLead } from '../cases/leads.ts';
import type { FileService } from '../files/service.ts';
import { listItems } from './catalog-repo.ts';
import { taskItemIds } from './repo.ts';
import * as repo from './visits-repo.ts';

export interface VisitDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  files: Pick<FileService, 'receive' | 'store' | 'describe' | 'openLinked'>;
  now?: () => Date;
}

const stale = () => conflict('检查记录已被他人更新，请刷新后重试', [{ path: 'version', message: '版本已过期' }]);

export function createVisitService(db: Db, deps: VisitDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  const canSee = (actor: Actor, v: repo.VisitRecord) =>
    actor.dataScope === 'all' ||
    (actor.dataScope === 'unit_and_below' && actor.scopeUnitIds.includes(v.stationId)) ||
    v.inspectors.some((i) => i.userId === actor.userId);

  async function inScope(actor: Actor, id: number) {
    const v = await repo.findVisit(db, id);
    if (!v || !canSee(actor, v)) throw notFound('抽查检查记录');
    return v;
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
      const files = await deps.files.describe(results.flatMap((r) => r.fileIds));
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
      };
    },

    /** One item's result; a problem queues the entity for risk recompute and, where it needs one, opens a lead. */
    async recordResult(actor: Actor, id: number, body: TResultBody): Promise<TVisitDetail> {
      const v = await inScope(actor, id);
      if (v.status !== 'assigned') throw new AppError('INVALID_STATE', '检查已完成，结果不能再修改');
      const { items } = await itemsOf(id);
      const item = items.find((i) => i.id === body.itemId);
      if (!item) throw validation('itemId', '该事项不在本次检查的任务中');
      const files = await deps.files.describe(body.fileIds);
      const foreign = (f: (typeof files)[number]) =>
        f.purpose !== 'inspection-evidence' || f.ownerUnitId !== v.stationId;
      if (files.length !== new Set(body.fileIds).size || files.some(foreign))
        throw validation('fileIds', '附件不存在或不是检查取证材料');
      const category = categoryOf(body.category)!;
      await db.transaction(async (tx) => {
        let caseLeadRef: string | null = null;
        if (category.lead)
          caseLeadRef = await createCaseLead(tx, {
            sourceType: 'inspection',
            sourceRef: `SC${v.id}-${item.id}`,
            entityId: v.entityId,
            stationId: v.stationId,
            summary: `双随机抽查「${item.name}」：${category.label}${body.notes ? `。${body.notes}` : ''}`,
            createdBy: actor.userId,
          });
        if (category.problem) await repo.queueRiskRecompute(tx, v.entityId, `spot-check:${v.id}:${category.code}`);
        await repo.upsertResult(tx, {
          visitId: v.id,
          itemId: item.id,
          category: category.code,
          notes: body.notes || null,
          fileIds: body.fileIds,
          caseLeadRef,
          recordedBy: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'spotcheck.result.record',
          targetType: 'spotCheckVisit',
          targetId: v.id,
          detail: { itemId: item.id, category: category.code, caseLeadRef },
        });
      });
      return this.get(actor, id);
    },

    async uploadEvidence(actor: Actor, id: number, req: FastifyRequest) {
      const v = await inScope(actor, id);
      const { file } = await deps.files.receive(req);
      return db.transaction((tx) =>
        deps.files.store(tx, file, {
          purpose: 'inspection-evidence',
          ownerUnitId: v.stationId,
          createdBy: actor.userId,
        }),
      );
    },

    /** Evidence of a visit, for whoever may see the visit (assigned inspectors of other stations included). */
    async evidenceFile(actor: Actor, id: number, fileId: number) {
      const v = await inScope(actor, id);
      const linked = (await repo.resultsOf(db, id)).some((r) => r.fileIds.includes(fileId));
      const opened = await deps.files.openLinked(fileId);
      const { file } = opened;
      // Not yet linked to a result: only the uploader sees it (the form shows it before saving).
      const ownUpload = file.createdBy === actor.userId && file.ownerUnitId === v.stationId;
      if (file.purpose !== 'inspection-evidence' || !(linked || ownUpload)) throw notFound('取证材料');
      return opened;
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
