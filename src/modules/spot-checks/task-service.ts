import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { TDrawProof, TTask, TTaskCreate, ZTaskTransitionBody } from '../../contracts/spot-checks.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, keysetPage, Where } from '../../db/sql.ts';
import { commitmentOf, type Ratios, RISK_CLASSES, sampleSize } from '../../domain/spot-check-draw.ts';
import { checkSpotCheckTransition, type TaskStatus, taskStatusLabels } from '../../domain/spot-check-workflow.ts';
import { type Actor, scopeWhere } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../platform/errors.ts';
import { listItems, poolWhere } from './catalog-repo.ts';
import { type CatalogService, stationScope } from './catalog-service.ts';
import { executeDraw, parsePoolEntries } from './draw.ts';
import * as repo from './repo.ts';

const toFractions = (p: TTaskCreate['ratios']): Ratios => ({ A: p.A / 100, B: p.B / 100, C: p.C / 100, D: p.D / 100 });
const toPercent = (r: Ratios) =>
  Object.fromEntries(RISK_CLASSES.map((c) => [c, Math.round(r[c] * 1e8) / 1e6])) as TTask['ratios'];
const stale = () => conflict('任务已被他人更新，请刷新后重试', [{ path: 'version', message: '版本已过期' }]);

export function createTaskService(db: Db, catalog: CatalogService) {
  async function inScope(actor: Actor, id: number): Promise<repo.TaskRecord> {
    const row = await repo.findTask(db, id);
    const visible =
      row &&
      (actor.dataScope === 'all' ||
        (actor.dataScope === 'self' ? row.createdBy === actor.userId : actor.scopeUnitIds.includes(row.ownerUnitId)));
    if (!row || !visible) throw notFound('抽查任务');
    return row;
  }

  async function view(row: repo.TaskRecord): Promise<TTask> {
    const [itemIds, draw, visitCount] = await Promise.all([
      repo.taskItemIds(db, [row.id]),
      repo.findDraw(db, { taskId: row.id }),
      repo.visitCount(db, row.id),
    ]);
    const items = await listItems(db, itemIds);
    return {
      id: row.id,
      planId: row.planId,
      planName: row.planName,
      name: row.name,
      poolId: row.poolId,
      poolName: row.poolName,
      ratios: toPercent(row.ratios),
      inspectorsPerVisit: row.inspectorsPerVisit,
      avoidOwnStation: row.avoidOwnStation,
      status: row.status,
      statusLabel: taskStatusLabels[row.status as TaskStatus] ?? row.status,
      version: row.version,
      joint: new Set(items.map((i) => i.departmentId)).size > 1,
      items,
      visitCount,
      draw: draw
        ? {
            id: draw.id,
            algorithm: draw.algorithm,
            poolHash: draw.poolHash,
            poolSize: draw.poolSize,
            unclassifiedCount: draw.unclassifiedCount,
            classCounts: draw.classCounts,
            commitment: draw.commitment,
            // The seed is secret until the draw: publishing it earlier would let anyone predict the result.
            seed: draw.drawnAt ? draw.seed : null,
            frozenAt: draw.frozenAt,
            drawnAt: draw.drawnAt,
            drawnCount: draw.drawnCount,
          }
        : null,
    };
  }

  async function freeze(tx: import('../../db/client.ts').Transaction, actor: Actor, row: repo.TaskRecord) {
    const seed = randomBytes(32).toString('hex');
    const where = poolWhere(row.poolFilter, stationScope(actor));
    const frozen = await repo.freezePool(tx, {
      taskId: row.id,
      where,
      commitment: commitmentOf(seed),
      seed,
      ratios: row.ratios,
    });
    if (!frozen.drawId) throw validation('poolId', '检查对象名录库为空（筛选条件下没有市场主体），不能抽取');
    const expected = RISK_CLASSES.reduce((n, c) => n + sampleSize(frozen.counts[c] ?? 0, row.ratios[c]), 0);
    if (expected === 0) throw validation('ratios', '按当前抽查比例不会抽到任何市场主体，请调高比例');
    return { drawId: frozen.drawId, poolSize: frozen.size, commitment: commitmentOf(seed) };
  }

  async function draw(tx: import('../../db/client.ts').Transaction, row: repo.TaskRecord) {
    const record = await repo.findDraw(tx, { taskId: row.id });
    if (!record) throw new AppError('INVALID_STATE', '名录库尚未冻结');
    const departmentIds = [
      ...new Set((await listItems(tx, await repo.taskItemIds(tx, [row.id]))).map((i) => i.departmentId)),
    ];
    return executeDraw(tx, record, {
      taskId: row.id,
      planId: row.planId,
      ratios: record.ratios,
      perVisit: row.inspectorsPerVisit,
      avoidOwnStation: row.avoidOwnStation,
      departmentIds,
    });
  }

  return {
    inScope,
    async create(actor: Actor, body: TTaskCreate): Promise<TTask> {
      await catalog.planInScope(actor, body.planId);
      await catalog.poolInScope(actor, body.poolId);
      const items = await listItems(db, body.itemIds);
      const missing = body.itemIds.filter((id) => !items.some((i) => i.id === id && i.active));
      if (missing.length) throw validation('itemIds', `抽查事项不存在或已停用：${missing.join('、')}`);
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertTask(
          tx,
          { ...body, ratios: toFractions(body.ratios), perVisit: body.inspectorsPerVisit },
          [...new Set(body.itemIds)],
          actor.unitId,
          actor.userId,
        );
        await repo.insertTaskEvent(tx, {
          taskId: id,
          action: 'create',
          from: null,
          to: 'draft',
          data: {},
          actorId: actor.userId,
        });
        await appendAudit(tx, actor, { action: 'spotcheck.task.create', targetType: 'spotCheckTask', targetId: id });
        return id;
      });
      return view((await repo.findTask(db, id))!);
    },

    async get(actor: Actor, id: number) {
      return view(await inScope(actor, id));
    },

    async list(actor: Actor, q: { planId?: number; limit: number; cursor?: string }) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const w = scopeWhere(actor, new Where(), { unit: 't.owner_unit_id', owner: 't.created_by' })
        .addIf(q.planId, 't.plan_id = ?')
        .addIf(beforeId, 't.id < ?');
      const rows = await repo.listTasks(db, w, q.limit + 1);
      return keysetPage(await Promise.all(rows.map(view)), q.limit, (t) => [t.id]);
    },

    /** Every status change of a task: the transition table, its effect, an event and an audit row, one tx. */
    async transition(actor: Actor, id: number, body: z.infer<typeof ZTaskTransitionBody>): Promise<TTask> {
      const row = await inScope(actor, id);
      const check = checkSpotCheckTransition(body.action, 'task', row.status);
      if (!check.ok) throw new AppError('INVALID_STATE', check.reason);
      if (body.version !== row.version) throw stale();
      await db.transaction(async (tx) => {
        if (!(await repo.setTaskStatus(tx, id, body.version, row.status, check.to))) throw stale();
        let data: Record<string, unknown> = {};
        if (body.action === 'freeze') data = await freeze(tx, actor, row);
        if (body.action === 'draw') data = await draw(tx, row);
        if (body.action === 'close') {
          const open = await repo.uninspectedVisits(tx, id);
          if (open) throw validation('status', `还有 ${open} 户未完成检查，不能结束任务`);
        }
        await repo.insertTaskEvent(tx, {
          taskId: id,
          action: body.action,
          from: row.status,
          to: check.to,
          data,
          actorId: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: `spotcheck.task.${body.action}`,
          targetType: 'spotCheckTask',
          targetId: id,
          detail: { from: row.status, to: check.to, ...data },
        });
      });
      return view((await repo.findTask(db, id))!);
    },

    /** The published proof: only after the draw, when the seed is revealed. */
    async proof(actor: Actor, drawId: number): Promise<TDrawProof> {
      const draw = await repo.findDraw(db, { id: drawId });
      if (!draw) throw notFound('抽取记录');
      await inScope(actor, draw.taskId);
      if (!draw.drawnAt) throw new AppError('INVALID_STATE', '尚未抽取：种子在抽取后才公开');
      const byClass = parsePoolEntries((await repo.poolEntries(db, draw.id)).entries);
      const pool = RISK_CLASSES.flatMap((c) => byClass[c].map((id) => ({ id, riskClass: c })));
      pool.sort((a, b) => a.id - b.id);
      return {
        algorithm: draw.algorithm,
        drawId: draw.id,
        poolHash: draw.poolHash,
        commitment: draw.commitment,
        seed: draw.seed,
        ratios: draw.ratios,
        pool,
        result: await repo.drawResult(db, draw.id),
      };
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
