import type { z } from 'zod';
import type {
  TSpotCheckReference,
  ZCheckItemCreate,
  ZConflictCreate,
  ZInspectorCreate,
  ZInspectorUpdate,
  ZPlanCreate,
  ZPoolCreate,
} from '../../contracts/spot-checks.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation, sqlState } from '../../db/errors.ts';
import { Where } from '../../db/sql.ts';
import { resultCategories } from '../../domain/spot-check-workflow.ts';
import { type Actor, scopeWhere } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { conflict, notFound, validation } from '../../platform/errors.ts';
import * as repo from './catalog-repo.ts';

/** Entity stations a caller's draws may cover: everything, or the stations in their data scope. */
export const stationScope = (actor: Actor): number[] | null => (actor.dataScope === 'all' ? null : actor.scopeUnitIds);

const ownedBy = (actor: Actor, unitId: number) => actor.dataScope === 'all' || actor.scopeUnitIds.includes(unitId);

/**
 * Which inspectors a caller may list or name: everyone for a district-wide caller (the departments that organise
 * joint draws); otherwise those of their own units (a station's, a department's) and their own record. A draw
 * still picks from the whole pool: it is the server's, not a listing.
 */
const inspectorsVisibleTo = (actor: Actor) =>
  actor.dataScope === 'all'
    ? undefined
    : { unitIds: actor.dataScope === 'unit_and_below' ? actor.scopeUnitIds : [], userId: actor.userId };

export function createCatalogService(db: Db) {
  async function expectUnit(path: string, id: number, kind: string, label: string) {
    if ((await repo.findUnitKind(db, id)) !== kind) throw validation(path, `不是有效的${label}`);
  }

  /**
   * Units of the right kind; the linked account exists and is not another inspector's; a station-scoped caller
   * links only accounts of its own units (as its user picker lists them).
   */
  async function expectInspector(actor: Actor, body: z.infer<typeof ZInspectorCreate>, self?: number) {
    await expectUnit('departmentId', body.departmentId, 'department', '业务科室');
    if (body.stationId !== null) await expectUnit('stationId', body.stationId, 'station', '市场监管所');
    // A station-scoped caller keeps the pool of its own stations only.
    const stations = stationScope(actor);
    if (stations && (body.stationId === null || !stations.includes(body.stationId)))
      throw validation('stationId', '只能维护本单位管辖所的检查人员');
    const current = self === undefined ? undefined : (await repo.listInspectors(db)).find((i) => i.id === self);
    if (stations && current && (current.stationId === null || !stations.includes(current.stationId)))
      throw notFound('检查人员');
    if (body.userId === null) return;
    const unchanged = current?.userId === body.userId;
    if (!(await repo.userExists(db, body.userId, unchanged ? null : stations)))
      throw validation('userId', '系统账号不存在或不在本单位管辖范围内');
    const linked = await repo.inspectorOfUser(db, body.userId);
    if (linked !== undefined && linked !== self) throw validation('userId', '该账号已关联其他检查人员');
  }

  /** One write with its audit row; a foreign-key or unique violation is the caller's mistake, named. */
  async function write<T>(
    actor: Actor,
    action: string,
    fn: (tx: import('../../db/client.ts').Transaction) => Promise<T>,
  ) {
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

    listInspectors: (actor: Actor) => repo.listInspectors(db, { visibleTo: inspectorsVisibleTo(actor) }),
    async createInspector(actor: Actor, body: z.infer<typeof ZInspectorCreate>) {
      await expectInspector(actor, body);
      const id = await write(actor, 'inspector.create', (tx) => repo.insertInspector(tx, body));
      return (await repo.listInspectors(db)).find((i) => i.id === id)!;
    },
    listConflicts: (actor: Actor) => repo.listConflicts(db, stationScope(actor)),
    async updateInspector(actor: Actor, id: number, body: z.infer<typeof ZInspectorUpdate>) {
      await expectInspector(actor, body, id);
      await write(actor, 'inspector.update', async (tx) => {
        if (!(await repo.updateInspector(tx, id, body))) throw notFound('检查人员');
        return id;
      });
      return (await repo.listInspectors(db)).find((i) => i.id === id)!;
    },
    async declareConflict(actor: Actor, body: z.infer<typeof ZConflictCreate>) {
      const visibleTo = inspectorsVisibleTo(actor);
      const known = visibleTo
        ? (await repo.listInspectors(db, { visibleTo })).some((i) => i.id === body.inspectorId)
        : await repo.inspectorExists(db, body.inspectorId);
      if (!known) throw validation('inspectorId', '检查人员不存在或不在本单位管辖范围内');
      if (!(await repo.entityInStations(db, body.entityId, stationScope(actor))))
        throw validation('entityId', '市场主体不存在或不在本单位管辖范围内');
      await write(actor, 'conflict.declare', async (tx) => {
        await repo.insertConflict(tx, body);
        return `${body.inspectorId}:${body.entityId}`;
      });
      return { ok: true as const };
    },
    async removeConflict(actor: Actor, key: { inspectorId: number; entityId: number }) {
      if (!(await repo.entityInStations(db, key.entityId, stationScope(actor)))) throw notFound('回避声明');
      await write(actor, 'conflict.remove', async (tx) => {
        if (!(await repo.deleteConflict(tx, key))) throw notFound('回避声明');
        return `${key.inspectorId}:${key.entityId}`;
      });
      return { ok: true as const };
    },

    listPools: (actor: Actor) =>
      repo.listPools(db, scopeWhere(actor, new Where(), { unit: 'owner_unit_id', owner: 'created_by' })),
    async createPool(actor: Actor, body: z.infer<typeof ZPoolCreate>) {
      const id = await write(actor, 'pool.create', (tx) =>
        repo.insertPool(tx, { ...body, unitId: actor.unitId, by: actor.userId }),
      );
      return { id, ...body, ownerUnitId: actor.unitId };
    },
    async poolInScope(actor: Actor, id: number) {
      const pool = (await this.listPools(actor)).find((p) => p.id === id);
      if (!pool) throw validation('poolId', '检查对象名录库不存在');
      return pool;
    },
    async previewPool(actor: Actor, id: number) {
      const pool = (await this.listPools(actor)).find((p) => p.id === id);
      if (!pool) throw notFound('检查对象名录库');
      return repo.previewPool(db, repo.poolWhere(pool.filter, stationScope(actor)));
    },

    listPlans: (actor: Actor) =>
      repo.listPlans(db, scopeWhere(actor, new Where(), { unit: 'p.owner_unit_id', owner: 'p.created_by' })),
    async createPlan(actor: Actor, body: z.infer<typeof ZPlanCreate>) {
      const id = await write(actor, 'plan.create', (tx) =>
        repo.insertPlan(tx, { ...body, unitId: actor.unitId, by: actor.userId }),
      );
      return (await this.listPlans(actor)).find((p) => p.id === id)!;
    },
    async planInScope(actor: Actor, id: number) {
      const plan = (await this.listPlans(actor)).find((p) => p.id === id);
      if (!plan || !ownedBy(actor, plan.ownerUnitId)) throw validation('planId', '抽查计划不存在');
      return plan;
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
