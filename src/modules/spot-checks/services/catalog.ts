import type { z } from 'zod';
import type {
  TSpotCheckReference,
  ZCheckItemCreate,
  ZConflictCreate,
  ZInspectorCreate,
  ZInspectorUpdate,
  ZPlanCreate,
  ZPoolCreate,
} from '../../../contracts/spot-checks.ts';
import type { Db, Transaction } from '../../../db/client.ts';
import { isUniqueViolation, sqlState } from '../../../db/errors.ts';
import { resultCategories } from '../../../domain/spot-check-workflow.ts';
import {
  assertPermitted,
  assertPlaceable,
  assertReadable,
  assertWritable,
  canPlaceIn,
  canRead,
} from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import {
  inspectorReach,
  inspectorUnit,
  ownedReach,
  spotCheckEntityKind,
  spotCheckInspectorKind,
  spotCheckPlanKind,
  spotCheckPoolKind,
} from '../access.ts';
import * as repo from '../repos/catalog.ts';
import { planView, poolView } from '../view.ts';

/**
 * The catalog of the 双随机 module: check items (shared reference data), the inspector pool and 回避
 * declarations, entity pools and plans. Every reach comes from access.ts.
 */
export function createCatalogService(db: Db) {
  async function expectUnit(path: string, id: number, kind: string, label: string) {
    if ((await repo.findUnitKind(db, id)) !== kind) throw validation(path, `不是有效的${label}`);
  }

  /**
   * Units of the right kind; the record lies where the caller may keep one (a station keeps its own
   * stations' people); the linked account exists and is not another inspector's; a caller links only accounts
   * of units they may place records in (as their user picker lists them), unless the link is unchanged.
   */
  async function expectInspector(actor: Actor, body: z.infer<typeof ZInspectorCreate>, self?: number) {
    await expectUnit('departmentId', body.departmentId, 'department', '业务科室');
    if (body.stationId !== null) await expectUnit('stationId', body.stationId, 'station', '市场监管所');
    const current = self === undefined ? undefined : await repo.findInspector(db, self);
    if (self !== undefined) assertWritable(actor, spotCheckInspectorKind, current, inspectorReach);
    if (!canPlaceIn(actor, inspectorUnit(body))) throw validation('stationId', '只能维护本单位管辖所的检查人员');
    if (body.userId === null) return;
    const unchanged = current?.userId === body.userId;
    const accountUnit = await repo.userUnit(db, body.userId);
    if (accountUnit === undefined || (!unchanged && !canPlaceIn(actor, accountUnit)))
      throw validation('userId', '系统账号不存在或不在本单位管辖范围内');
    const linked = await repo.inspectorOfUser(db, body.userId);
    if (linked !== undefined && linked !== self) throw validation('userId', '该账号已关联其他检查人员');
  }

  /** One write with its audit row; a foreign-key or unique violation is the caller's mistake, named. */
  async function write<T>(actor: Actor, action: string, fn: (tx: Transaction) => Promise<T>) {
    try {
      return await db.transaction(async (tx) => {
        const out = await fn(tx);
        await appendAudit(tx, actor, { action: `spotcheck.${action}`, targetType: 'spotCheck', targetId: String(out) });
        return out;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('记录已存在（编号或账号重复）');
      if (sqlState(err) === '23503') throw validation('id', '引用的记录不存在');
      throw err;
    }
  }

  return {
    listItems: () => repo.listItems(db),
    async createItem(actor: Actor, body: z.infer<typeof ZCheckItemCreate>) {
      await expectUnit('departmentId', body.departmentId, 'department', '业务科室');
      const id = await write(actor, 'item.create', (tx) => repo.insertItem(tx, body));
      return (await repo.listItems(db, [id]))[0]!;
    },

    listInspectors: (actor: Actor) => repo.listInspectors(db, { reader: actor }),
    async createInspector(actor: Actor, body: z.infer<typeof ZInspectorCreate>) {
      await expectInspector(actor, body);
      const id = await write(actor, 'inspector.create', (tx) => repo.insertInspector(tx, body));
      return (await repo.findInspector(db, id))!;
    },
    listConflicts: (actor: Actor) => repo.listConflicts(db, actor),
    async updateInspector(actor: Actor, id: number, body: z.infer<typeof ZInspectorUpdate>) {
      await expectInspector(actor, body, id);
      await write(actor, 'inspector.update', async (tx) => {
        if (!(await repo.updateInspector(tx, id, body))) throw notFound('检查人员');
        return id;
      });
      return (await repo.findInspector(db, id))!;
    },
    async declareConflict(actor: Actor, body: z.infer<typeof ZConflictCreate>) {
      if (!(await repo.findInspector(db, body.inspectorId, actor)))
        throw validation('inspectorId', '检查人员不存在或不在本单位管辖范围内');
      if (!(await repo.entityInReach(db, body.entityId, actor)))
        throw validation('entityId', '市场主体不存在或不在本单位管辖范围内');
      await write(actor, 'conflict.declare', async (tx) => {
        await repo.insertConflict(tx, body);
        return `${body.inspectorId}:${body.entityId}`;
      });
      return { ok: true as const };
    },
    async removeConflict(actor: Actor, key: { inspectorId: number; entityId: number }) {
      assertPermitted(actor, spotCheckEntityKind, 'write');
      if (!(await repo.entityInReach(db, key.entityId, actor))) throw notFound('回避声明');
      await write(actor, 'conflict.remove', async (tx) => {
        if (!(await repo.deleteConflict(tx, key))) throw notFound('回避声明');
        return `${key.inspectorId}:${key.entityId}`;
      });
      return { ok: true as const };
    },

    listPools: async (actor: Actor) => (await repo.listPools(db, actor)).map(poolView),
    async createPool(actor: Actor, body: z.infer<typeof ZPoolCreate>) {
      assertPlaceable(actor, spotCheckPoolKind, actor.unitId);
      const id = await write(actor, 'pool.create', (tx) =>
        repo.insertPool(tx, { ...body, unitId: actor.unitId, by: actor.userId }),
      );
      return { id, ...body, ownerUnitId: actor.unitId };
    },
    /** A pool a new task may use: one the caller sees; otherwise the field is wrong (422). */
    async poolInScope(actor: Actor, id: number) {
      const pool = await repo.findPool(db, id);
      if (!pool || !canRead(actor, ownedReach(pool))) throw validation('poolId', '检查对象名录库不存在');
      return poolView(pool);
    },
    async previewPool(actor: Actor, id: number) {
      const pool = assertReadable(actor, spotCheckPoolKind, await repo.findPool(db, id), ownedReach);
      return repo.previewPool(db, pool.filter, actor);
    },

    listPlans: async (actor: Actor) => (await repo.listPlans(db, actor)).map(planView),
    async createPlan(actor: Actor, body: z.infer<typeof ZPlanCreate>) {
      assertPlaceable(actor, spotCheckPlanKind, actor.unitId);
      const id = await write(actor, 'plan.create', (tx) =>
        repo.insertPlan(tx, { ...body, unitId: actor.unitId, by: actor.userId }),
      );
      return planView((await repo.listPlans(db, actor, id))[0]!);
    },
    /** A plan a new task may join: one the caller sees; otherwise the field is wrong (422). */
    async planInScope(actor: Actor, id: number) {
      const [plan] = await repo.listPlans(db, actor, id);
      if (!plan) throw validation('planId', '抽查计划不存在');
      return planView(plan);
    },

    async reference(): Promise<TSpotCheckReference> {
      const units = await repo.departmentsAndStations(db);
      return {
        departments: units.filter((u) => u.kind === 'department').map(({ id, name }) => ({ id, name })),
        stations: units.filter((u) => u.kind === 'station').map(({ id, name }) => ({ id, name })),
        categories: resultCategories.map((c) => ({ code: c.code, label: c.label, problem: c.problem })),
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
