import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assignVisitTo,
  drawnTask,
  insertEntities,
  itemIds,
  unitId,
} from '../../../tests/helpers/spot-check-factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TRole, TUser } from '../../contracts/org.ts';
import type { TConflict, TInspector, TPlan, TPool, TTask, TVisitSummary } from '../../contracts/spot-checks.ts';

type Problem = { errors?: { path: string }[] };
type TPoolPreview = { size: number };

/**
 * Data scope `self` means the caller's own rows (created by them, or drawn for them), nothing unit-wide
 * (src/platform/access.ts). Before the module's kinds were registered, a self-scoped caller previewed and froze
 * pools, listed and removed 回避 declarations and edited inspector records over their whole unit.
 */
describe('spot checks under data scope self: the caller’s own rows, nothing unit-wide', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let self: ApiClient;
  let selfId: number;
  let s01: number;
  let own: number[];
  let others: number[];
  let ownInspector: TInspector;
  let colleague: TInspector;

  before(async () => {
    app = await startTestApp();
    const db = app.services.db;
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    s01 = await unitId(db, 's01');
    const role = await admin.post<TRole>('/api/v1/org/roles', {
      code: 'spotcheck_self',
      name: '本人抽查',
      permissions: ['spotcheck:read', 'spotcheck:write', 'entity:read'],
      dataScope: 'self',
    });
    assert.equal(role.status, 201, JSON.stringify(role.body));
    const user = await admin.post<TUser>('/api/v1/org/users', {
      username: 's01.self',
      displayName: '本人范围检查员',
      unitId: s01,
      roleIds: [role.body.id],
      password: 'Welcome#2026',
    });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    selfId = user.body.id;
    self = new ApiClient(app.baseUrl);
    assert.equal((await self.login('s01.self', 'Welcome#2026')).status, 200);

    own = await insertEntities(db, { count: 3, stationCode: 's01', riskClass: 'B' });
    await db.query('UPDATE entities SET created_by = $1 WHERE id = ANY($2::bigint[])', [selfId, own]);
    others = await insertEntities(db, { count: 5, stationCode: 's01', riskClass: 'B' });

    const [dept] = await db.query<{ id: number }>("SELECT id FROM org_units WHERE kind = 'department' LIMIT 1");
    const make = async (name: string, userId: number | null) => {
      const res = await admin.post<TInspector>('/api/v1/spot-checks/inspectors', {
        name,
        departmentId: dept!.id,
        stationId: s01,
        userId,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    ownInspector = await make('本人', selfId);
    colleague = await make('同所同事', null);
  });
  after(() => app.close());

  const createPool = async (as: ApiClient, name: string) => {
    const res = await as.post<TPool>('/api/v1/spot-checks/pools', { name, filter: { stationIds: [s01] } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const createPlan = async (as: ApiClient, name: string) => {
    const res = await as.post<TPlan>('/api/v1/spot-checks/plans', {
      name,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  it('lists only the pools and plans they created; the unit sees theirs too', async () => {
    const chiefPool = await createPool(chief, '所长的名录库');
    const ownPool = await createPool(self, '本人的名录库');
    const chiefPlan = await createPlan(chief, '所长的计划');
    const ownPlan = await createPlan(self, '本人的计划');
    const pools = (await self.get<TPool[]>('/api/v1/spot-checks/pools')).body.map((p) => p.id);
    const plans = (await self.get<TPlan[]>('/api/v1/spot-checks/plans')).body.map((p) => p.id);
    assert.deepEqual(pools, [ownPool.id]);
    assert.deepEqual(plans, [ownPlan.id]);
    assert.equal((await self.get(`/api/v1/spot-checks/pools/${chiefPool.id}/preview`)).status, 404);
    const unitPools = (await chief.get<TPool[]>('/api/v1/spot-checks/pools')).body.map((p) => p.id);
    assert.ok(unitPools.includes(ownPool.id) && unitPools.includes(chiefPool.id));
    const unitPlans = (await chief.get<TPlan[]>('/api/v1/spot-checks/plans')).body.map((p) => p.id);
    assert.ok(unitPlans.includes(ownPlan.id) && unitPlans.includes(chiefPlan.id));
  });

  it('previews and freezes a pool over the entities they registered, not the unit’s (was: the whole unit)', async () => {
    const pool = await createPool(self, '本人登记的主体');
    const preview = await self.get<TPoolPreview>(`/api/v1/spot-checks/pools/${pool.id}/preview`);
    assert.equal(preview.status, 200);
    assert.equal(preview.body.size, own.length);
    const plan = await createPlan(self, '本人抽查计划');
    const task = await self.post<TTask>('/api/v1/spot-checks/tasks', {
      planId: plan.id,
      poolId: pool.id,
      name: '本人抽查任务',
      itemIds: await itemIds(app.services.db, ['DJ-01']),
      ratios: { A: 100, B: 100, C: 100, D: 100 },
    });
    assert.equal(task.status, 201, JSON.stringify(task.body));
    const frozen = await self.post<TTask>(`/api/v1/spot-checks/tasks/${task.body.id}/transitions`, {
      action: 'freeze',
      version: task.body.version,
    });
    assert.equal(frozen.status, 200, JSON.stringify(frozen.body));
    assert.equal(frozen.body.draw?.poolSize, own.length);
    const unitPool = await createPool(chief, '全所主体');
    const unit = await chief.get<TPoolPreview>(`/api/v1/spot-checks/pools/${unitPool.id}/preview`);
    assert.ok(unit.body.size >= own.length + others.length);
  });

  it('lists, declares and removes 回避 only over the entities they registered (was: the unit’s)', async () => {
    const theirs = await chief.post('/api/v1/spot-checks/conflicts', {
      inspectorId: colleague.id,
      entityId: others[0],
      reason: '同事的近亲属',
    });
    assert.equal(theirs.status, 200);
    const declared = await self.post('/api/v1/spot-checks/conflicts', {
      inspectorId: ownInspector.id,
      entityId: own[0],
      reason: '本人的近亲属',
    });
    assert.equal(declared.status, 200, JSON.stringify(declared.body));
    const listed = (await self.get<TConflict[]>('/api/v1/spot-checks/conflicts')).body;
    assert.deepEqual(
      listed.map((c) => c.entityId),
      [own[0]],
    );
    const outside = await self.post<Problem>('/api/v1/spot-checks/conflicts', {
      inspectorId: ownInspector.id,
      entityId: others[1],
      reason: '越权申报',
    });
    assert.equal(outside.status, 422);
    assert.equal(outside.body.errors?.[0]?.path, 'entityId');
    assert.equal((await self.delete(`/api/v1/spot-checks/conflicts/${colleague.id}/${others[0]}`)).status, 404);
    const stillThere = (await chief.get<TConflict[]>('/api/v1/spot-checks/conflicts')).body;
    assert.ok(stillThere.some((c) => c.entityId === others[0]));
  });

  it('sees and edits only their own inspector record (was: any of the unit’s)', async () => {
    const listed = (await self.get<TInspector[]>('/api/v1/spot-checks/inspectors')).body;
    assert.deepEqual(
      listed.map((i) => i.id),
      [ownInspector.id],
    );
    const edit = (i: TInspector) =>
      self.put(`/api/v1/spot-checks/inspectors/${i.id}`, {
        name: i.name,
        departmentId: i.departmentId,
        stationId: i.stationId,
        qualifications: ['食品'],
        userId: i.userId,
        active: true,
      });
    assert.equal((await edit(colleague)).status, 404);
    const [after] = await app.services.db.query<{ q: string[] }>(
      'SELECT qualifications AS q FROM spot_check_inspectors WHERE id = $1',
      [colleague.id],
    );
    assert.deepEqual(after!.q, []);
    assert.equal((await edit(ownInspector)).status, 200);
  });

  it('sees only the visits they were drawn for, and no colleague’s task', async () => {
    const task = await drawnTask(chief, app.services.db, {
      name: '所长的抽查',
      stationCodes: ['s01'],
      itemCodes: ['DJ-01'],
    });
    assert.equal((await self.get(`/api/v1/spot-checks/tasks/${task.id}`)).status, 404);
    const tasks = (await self.get<{ items: TTask[] }>('/api/v1/spot-checks/tasks')).body.items;
    assert.ok(!tasks.some((t) => t.id === task.id));
    const visits = (await chief.get<{ items: TVisitSummary[] }>(`/api/v1/spot-checks/visits?taskId=${task.id}`)).body
      .items;
    assert.ok(visits.length >= 2);
    const [drawn, notDrawn] = visits as [TVisitSummary, TVisitSummary];
    await assignVisitTo(app.services.db, drawn.id, ['s01.self']);
    const seen = (await self.get<{ items: TVisitSummary[] }>(`/api/v1/spot-checks/visits?taskId=${task.id}`)).body
      .items;
    assert.deepEqual(
      seen.map((v) => v.id),
      [drawn.id],
    );
    assert.equal((await self.get(`/api/v1/spot-checks/visits/${drawn.id}`)).status, 200);
    assert.equal((await self.get(`/api/v1/spot-checks/visits/${notDrawn.id}`)).status, 404);
  });
});
