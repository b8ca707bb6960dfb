import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { z } from 'zod';
import type { TDrawProof, TTask, TTaskCreate, ZTaskTransitionBody } from '../../../contracts/spot-checks.ts';
import type { Db, Transaction } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  commitmentOf,
  DRAW_ALGORITHM_V1,
  drawVersionOf,
  type Ratios,
  RISK_CLASSES,
  sampleSize,
} from '../../../domain/spot-check-draw.ts';
import {
  type TaskAction,
  type TaskStatus,
  taskStatusLabels,
  taskTransitions,
} from '../../../domain/spot-check-workflow.ts';
import { assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import { notify } from '../../notifications/published.ts';
import { ownedReach, spotCheckTaskKind } from '../access.ts';
import { listItems } from '../repos/catalog.ts';
import { freezePoolV2, poolV2 } from '../repos/draw-v2.ts';
import * as repo from '../repos/tasks.ts';
import { taskView } from '../view.ts';
import type { CatalogService } from './catalog.ts';
import { executeDraw, parsePoolEntries } from './draw.ts';

const toFractions = (p: TTaskCreate['ratios']): Ratios => ({ A: p.A / 100, B: p.B / 100, C: p.C / 100, D: p.D / 100 });

/** Tasks: create, list, the transitions (freeze → draw → close, cancel) and the published proof of a draw. */
export function createTaskService(
  db: Db,
  catalog: Pick<CatalogService, 'planInScope' | 'poolInScope'>,
  opts: { drawParallel?: number } = {},
) {
  const drawParallel = opts.drawParallel ?? Math.min(availableParallelism(), 8);
  async function inScope(actor: Actor, id: number): Promise<repo.TaskRecord> {
    return assertReadable(actor, spotCheckTaskKind, await repo.findTask(db, id), ownedReach);
  }

  async function view(row: repo.TaskRecord): Promise<TTask> {
    const [itemIds, draw, visitCount] = await Promise.all([
      repo.taskItemIds(db, [row.id]),
      repo.findDraw(db, { taskId: row.id }),
      repo.visitCount(db, row.id),
    ]);
    return taskView(row, { items: await listItems(db, itemIds), draw, visitCount });
  }

  /** Freezes the pool the caller reaches (access.ts) with a fresh secret seed; publishes only its commitment. */
  async function freeze(tx: Transaction, actor: Actor, row: repo.TaskRecord) {
    const seed = randomBytes(32).toString('hex');
    const frozen = await freezePoolV2(
      db,
      tx,
      {
        taskId: row.id,
        filter: row.poolFilter,
        reader: actor,
        commitment: commitmentOf(seed),
        seed,
        ratios: row.ratios,
      },
      drawParallel,
    );
    if (!frozen.drawId) throw validation('poolId', '检查对象名录库为空（筛选条件下没有市场主体），不能抽取');
    const expected = RISK_CLASSES.reduce((n, c) => n + sampleSize(frozen.counts[c] ?? 0, row.ratios[c]), 0);
    if (expected === 0) throw validation('ratios', '按当前抽查比例不会抽到任何市场主体，请调高比例');
    return { drawId: frozen.drawId, poolSize: frozen.size, commitment: commitmentOf(seed) };
  }

  async function draw(tx: Transaction, row: repo.TaskRecord) {
    const record = await repo.findDraw(tx, { taskId: row.id });
    if (!record) throw new AppError('INVALID_STATE', '名录库尚未冻结');
    const departmentIds = [
      ...new Set((await listItems(tx, await repo.taskItemIds(tx, [row.id]))).map((i) => i.departmentId)),
    ];
    const result = await executeDraw(
      tx,
      record,
      {
        taskId: row.id,
        planId: row.planId,
        ratios: record.ratios,
        perVisit: row.inspectorsPerVisit,
        avoidOwnStation: row.avoidOwnStation,
        departmentIds,
      },
      { db, parallel: drawParallel },
    );
    await notifyDrawnInspectors(tx, row, result.visitsByUser);
    const { visitsByUser: _, ...counts } = result;
    return counts;
  }

  async function poolV1(drawId: number) {
    const byClass = parsePoolEntries((await repo.poolEntries(db, drawId)).entries);
    const pool = RISK_CLASSES.flatMap((c) => byClass[c].map((id) => ({ id, riskClass: c })));
    return pool.sort((a, b) => a.id - b.id);
  }

  /** What an action does besides the status change, in the same transaction; its result goes to event and audit. */
  async function effect(tx: Transaction, actor: Actor, row: repo.TaskRecord, action: TaskAction) {
    if (action === 'freeze') return freeze(tx, actor, row);
    if (action === 'draw') return draw(tx, row);
    if (action === 'close') {
      const open = await repo.uninspectedVisits(tx, row.id);
      if (open) throw validation('status', `还有 ${open} 户未完成检查，不能结束任务`);
    }
    return {};
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
      const rows = await repo.listTasks(db, actor, { planId: q.planId, beforeId }, q.limit + 1);
      return keysetPage(await Promise.all(rows.map(view)), q.limit, (t) => [t.id]);
    },

    /** Every status change of a task: the transition table, its effect, an event and an audit row, one tx. */
    async transition(actor: Actor, id: number, body: z.infer<typeof ZTaskTransitionBody>): Promise<TTask> {
      const row = await inScope(actor, id);
      const from = row.status as TaskStatus;
      const to = allowTransition(taskTransitions, body.action, from, taskStatusLabels).to ?? from;
      if (body.version !== row.version) throw staleVersion();
      await db.transaction(async (tx) => {
        let data: Record<string, unknown> = {};
        await recordTransition(tx, actor, {
          // The status first: its row lock makes a concurrent freeze or draw of the same task wait, then fail.
          change: async () => {
            if (!(await repo.setTaskStatus(tx, { id, version: body.version }, to))) return false;
            data = await effect(tx, actor, row, body.action);
            return true;
          },
          event: () =>
            repo.insertTaskEvent(tx, { taskId: id, action: body.action, from, to, data, actorId: actor.userId }),
          audit: {
            action: `spotcheck.task.${body.action}`,
            targetType: 'spotCheckTask',
            targetId: id,
            // Read after the change: the effect's figures (draw id, counts) belong in the audit row.
            get detail() {
              return { from, to, ...data };
            },
          },
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
      const pool = draw.algorithm === DRAW_ALGORITHM_V1 ? await poolV1(draw.id) : await poolV2(db, draw.id);
      return {
        algorithm: draw.algorithm,
        version: drawVersionOf(draw.algorithm) ?? undefined,
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

/** Each drawn inspector with an account is told how many visits of the task are theirs (抽查任务分派). */
async function notifyDrawnInspectors(tx: Transaction, row: repo.TaskRecord, visitsByUser: Map<number, number>) {
  for (const [userId, visits] of [...visitsByUser].sort(([a], [b]) => a - b))
    await notify(tx, {
      userIds: [userId],
      kind: 'assigned',
      title: `抽查任务“${row.name}”分派给您 ${visits} 户`,
      link: '/spot-checks/visits',
      subjectType: 'spot-check-task',
      subjectId: row.id,
      dedupeKey: `assigned:spot-check-task:${row.id}`,
    });
}

export type TaskService = ReturnType<typeof createTaskService>;
