import type { Db } from '../../../src/db/client.ts';
import { insertEntities } from '../../helpers/spot-check-factories.ts';
import type { ApiClient, ApiResponse } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/**
 * The 双随机 module's kinds (src/modules/spot-checks/access.ts) driven through the HTTP API. Rows are seeded with
 * SQL: at station A one per owner (created by them, or, for visits and inspectors, linked to their account), at
 * station B one of the outsider's. Writes that are not repeatable by nature (cancel a task, publish a visit,
 * withdraw a 回避 declaration) first put the row back with SQL, so every caller meets the same row.
 */
const api = '/api/v1/spot-checks';
let db: Db;

type Page<T> = { items: T[]; nextCursor: string | null };

/** The listed ids among `ids`, following the keyset pages of a list (other probes' rows may come first). */
async function listedIds(caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> {
  const wanted = new Set(ids);
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res: ApiResponse<Page<{ id: number }>> = await caller.get<Page<{ id: number }>>(
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.status !== 200) return { status: res.status };
    seen.push(...res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return { status: 200, ids: seen };
}

/** For lists answered whole (an array): the ids among `ids`, read with `key`. */
async function arrayIds<T>(caller: ApiClient, path: string, ids: readonly string[], key: (row: T) => number) {
  const res = await caller.get<T[]>(path);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.map((r) => String(key(r))).filter((id) => wanted.has(id)) };
}

const status = async (p: Promise<{ status: number }>): Promise<Outcome> => ({ status: (await p).status });

async function one<T>(q: Db, sql: string, params: unknown[]): Promise<T> {
  const [row] = await q.query<T>(sql, params);
  if (!row) throw new Error(`seed returned no row: ${sql}`);
  return row;
}

const insertPlan = (q: Db, unitId: number, by: number | null) =>
  one<{ id: number }>(
    q,
    `INSERT INTO spot_check_plans (name, period_start, period_end, owner_unit_id, created_by)
     VALUES ('权限矩阵计划', '2026-01-01', '2026-12-31', $1, $2) RETURNING id`,
    [unitId, by],
  ).then((r) => r.id);

const insertPool = (q: Db, unitId: number, by: number | null) =>
  one<{ id: number }>(
    q,
    `INSERT INTO spot_check_entity_pools (name, owner_unit_id, filter, created_by)
     VALUES ('权限矩阵名录库', $1, '{"statuses":["active"]}', $2) RETURNING id`,
    [unitId, by],
  ).then((r) => r.id);

const insertTask = (q: Db, t: { planId: number; poolId: number; unitId: number; by: number | null }) =>
  one<{ id: number }>(
    q,
    `INSERT INTO spot_check_tasks (plan_id, name, pool_id, ratios, owner_unit_id, created_by)
     VALUES ($1, '权限矩阵任务', $2, '{"A":1,"B":1,"C":1,"D":1}', $3, $4) RETURNING id`,
    [t.planId, t.poolId, t.unitId, t.by],
  ).then((r) => r.id);

/** The inspector record linked to a user (one per account), kept at `stationId`; created when missing. */
async function inspectorOf(q: Db, userId: number, stationId: number): Promise<number> {
  const { id: departmentId } = await one<{ id: number }>(
    q,
    `SELECT id FROM org_units WHERE kind = 'department' ORDER BY id LIMIT 1`,
    [],
  );
  const row = await one<{ id: number }>(
    q,
    `INSERT INTO spot_check_inspectors (name, department_id, station_id, user_id) VALUES ('矩阵检查员', $1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET station_id = EXCLUDED.station_id RETURNING id`,
    [departmentId, stationId, userId],
  );
  return row.id;
}

/** Seeds one row per owner at station A and the outsider's at station B with `make(unitId, userId)`. */
async function seedEach(
  ctx: MatrixContext,
  owners: readonly number[],
  outsider: number,
  make: (unit: { id: number; code: string }, userId: number) => Promise<number>,
): Promise<SeededRows> {
  db = ctx.db;
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, String(await make(ctx.stationA, owner)));
  return { ownRows, stationBRow: String(await make(ctx.stationB, outsider)) };
}

const taskProbe: AccessProbe = {
  kind: 'spot-check-task',
  tables: ['spot_check_tasks'],
  seed: (ctx, owners, outsider) =>
    seedEach(ctx, owners, outsider, async (unit, by) => {
      const planId = await insertPlan(ctx.db, unit.id, by);
      const poolId = await insertPool(ctx.db, unit.id, by);
      return insertTask(ctx.db, { planId, poolId, unitId: unit.id, by });
    }),
  ops: {
    list: (caller, { ids }) => listedIds(caller, `${api}/tasks`, ids),
    get: (caller, { id }) => status(caller.get(`${api}/tasks/${id}`)),
    // Cancelling a draft; the task is put back to draft first.
    write: async (caller, { id }) => {
      const [row] = await db.query<{ version: number }>(
        `UPDATE spot_check_tasks SET status = 'draft' WHERE id = $1 RETURNING version`,
        [Number(id)],
      );
      return status(caller.post(`${api}/tasks/${id}/transitions`, { action: 'cancel', version: row?.version ?? 1 }));
    },
  },
  notOffered: {
    count: '任务列表按游标分页，不给总数',
    export: '抽查任务没有导出',
    download: '任务没有附件；抽取证明随任务可见（GET /draws/:id/proof，用任务的可见范围）',
  },
};

const visitProbe: AccessProbe = {
  kind: 'spot-check-visit',
  tables: ['spot_check_visits'],
  async seed(ctx, owners, outsider) {
    return seedEach(ctx, owners, outsider, async (unit, userId) => {
      const planId = await insertPlan(ctx.db, unit.id, null);
      const poolId = await insertPool(ctx.db, unit.id, null);
      const taskId = await insertTask(ctx.db, { planId, poolId, unitId: unit.id, by: null });
      const [entityId] = await insertEntities(ctx.db, { count: 1, stationCode: unit.code });
      // The owner is the visit's drawn inspector (the visit kind's participant rule); the visit lies at `unit`.
      const inspectorId = await inspectorOf(ctx.db, userId, unit.id);
      const row = await one<{ id: number }>(
        ctx.db,
        `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids)
         VALUES ($1, $2, $3, ARRAY[$4::bigint], ARRAY[$5::bigint]) RETURNING id`,
        [planId, entityId, unit.id, taskId, inspectorId],
      );
      return row.id;
    });
  },
  ops: {
    list: (caller, { ids }) => listedIds(caller, `${api}/visits`, ids),
    get: (caller, { id }) => status(caller.get(`${api}/visits/${id}`)),
    // Publishing an inspected visit; the visit is put back to inspected first.
    write: async (caller, { id }) => {
      const [row] = await db.query<{ version: number }>(
        `UPDATE spot_check_visits SET status = 'inspected', inspected_on = '2026-06-01', publish_due_on = '2026-06-29'
          WHERE id = $1 RETURNING version`,
        [Number(id)],
      );
      return status(caller.post(`${api}/visits/${id}/transitions`, { action: 'publish', version: row?.version ?? 1 }));
    },
  },
  notOffered: {
    count: '检查列表按游标分页，不给总数',
    export: '检查记录没有导出',
    download:
      '取证材料另有领域规则（上传者本人，或结果引用后可见该检查的人），由 visit-access.api.test.ts 覆盖；可见范围与 get 相同',
  },
};

const poolProbe: AccessProbe = {
  kind: 'spot-check-pool',
  tables: ['spot_check_entity_pools'],
  seed: (ctx, owners, outsider) => seedEach(ctx, owners, outsider, (unit, by) => insertPool(ctx.db, unit.id, by)),
  ops: {
    list: (caller, { ids }) => arrayIds<{ id: number }>(caller, `${api}/pools`, ids, (p) => p.id),
    get: (caller, { id }) => status(caller.get(`${api}/pools/${id}/preview`)),
  },
  notOffered: {
    count: '名录库列表一次给全，没有单独的总数',
    export: '名录库没有导出（冻结后的名录随抽取证明公开）',
    download: '名录库没有附件',
    write: '名录库建成后不可修改（没有修改接口）；新建的名录库记在本人单位',
  },
};

const planProbe: AccessProbe = {
  kind: 'spot-check-plan',
  tables: ['spot_check_plans'],
  seed: (ctx, owners, outsider) => seedEach(ctx, owners, outsider, (unit, by) => insertPlan(ctx.db, unit.id, by)),
  ops: {
    list: (caller, { ids }) => arrayIds<{ id: number }>(caller, `${api}/plans`, ids, (p) => p.id),
  },
  notOffered: {
    get: '计划没有单独的详情接口（列表即详情）',
    count: '计划列表一次给全，没有单独的总数',
    export: '计划没有导出',
    download: '计划没有附件',
    write: '计划建成后不可修改（没有修改接口）；新建的计划记在本人单位',
  },
};

type Inspector = {
  id: number;
  name: string;
  departmentId: number;
  stationId: number | null;
  qualifications: string[];
  userId: number | null;
  active: boolean;
};

const inspectorProbe: AccessProbe = {
  kind: 'spot-check-inspector',
  tables: ['spot_check_inspectors'],
  seed: (ctx, owners, outsider) =>
    seedEach(ctx, owners, outsider, (unit, userId) => inspectorOf(ctx.db, userId, unit.id)),
  ops: {
    list: (caller, { ids }) => arrayIds<{ id: number }>(caller, `${api}/inspectors`, ids, (i) => i.id),
    // Saving the record unchanged (read with SQL: the caller may not be able to list it).
    write: async (caller, { id }) => {
      const [i] = await db.query<Inspector>(
        `SELECT id, name, department_id AS "departmentId", station_id AS "stationId", qualifications,
                user_id AS "userId", active FROM spot_check_inspectors WHERE id = $1`,
        [Number(id)],
      );
      const { id: _, ...body } = i!;
      return status(caller.put(`${api}/inspectors/${id}`, body));
    },
  },
  notOffered: {
    get: '检查人员没有单独的详情接口（列表即详情）',
    count: '检查人员名录一次给全，没有单独的总数',
    export: '检查人员名录没有导出',
    download: '检查人员没有附件',
  },
};

/** The inspector each entity's 回避 declaration names, to withdraw and declare it again. */
const declaredBy = new Map<string, number>();

const entityProbe: AccessProbe = {
  kind: 'spot-check-entity',
  tables: ['entities'],
  seed: (ctx, owners, outsider) =>
    seedEach(ctx, owners, outsider, async (unit, userId) => {
      const [entityId] = await insertEntities(ctx.db, { count: 1, stationCode: unit.code });
      await ctx.db.query('UPDATE entities SET created_by = $1 WHERE id = $2', [userId, entityId]);
      const inspectorId = await inspectorOf(ctx.db, userId, unit.id);
      await ctx.db.query(
        `INSERT INTO spot_check_conflicts (inspector_id, entity_id, reason) VALUES ($1, $2, '权限矩阵回避')`,
        [inspectorId, entityId],
      );
      declaredBy.set(String(entityId), inspectorId);
      return entityId!;
    }),
  ops: {
    // The 回避 declarations listed are those over the entities the caller reaches.
    list: (caller, { ids }) => arrayIds<{ entityId: number }>(caller, `${api}/conflicts`, ids, (c) => c.entityId),
    // Withdrawing the entity's declaration; it is there before and declared again after (lists need it).
    write: async (caller, { id }) => {
      const redeclare = () =>
        db.query(
          `INSERT INTO spot_check_conflicts (inspector_id, entity_id, reason) VALUES ($1, $2, '权限矩阵回避')
           ON CONFLICT (inspector_id, entity_id) DO NOTHING`,
          [declaredBy.get(id), Number(id)],
        );
      await redeclare();
      const outcome = await status(caller.delete(`${api}/conflicts/${declaredBy.get(id)}/${id}`));
      await redeclare();
      return outcome;
    },
  },
  notOffered: {
    get: '市场主体的详情属于主体名录（entity），抽查只列回避声明、预览和冻结名录库',
    count: '名录库预览的户数按名录库计（见 spot-check-pool 的 get）',
    export: '抽查不导出市场主体',
    download: '抽查不下载市场主体的文件',
  },
};

export const probes: AccessProbe[] = [taskProbe, visitProbe, poolProbe, planProbe, inspectorProbe, entityProbe];
