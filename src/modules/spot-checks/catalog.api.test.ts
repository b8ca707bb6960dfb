import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertEntities, unitId } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TConflict, TInspector } from '../../contracts/spot-checks.ts';

type Problem = { detail: string; errors?: { path: string; message: string }[] };

describe('spot-check catalog: 回避 declared, listed in scope, removed; inspector accounts linked', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let inspector: TInspector;
  let inS01 = 0;
  let inS02 = 0;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    const db = app.services.db;
    inS01 = (await insertEntities(db, { count: 1, stationCode: 's01' }))[0]!;
    inS02 = (await insertEntities(db, { count: 1, stationCode: 's02' }))[0]!;
    const [dept] = await db.query<{ id: number }>("SELECT id FROM org_units WHERE kind = 'department' LIMIT 1");
    const res = await admin.post<TInspector>('/api/v1/spot-checks/inspectors', {
      name: '回避测试员',
      departmentId: dept!.id,
      stationId: await unitId(db, 's01'),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    inspector = res.body;
  });
  after(() => app.close());

  const audits = async (action: string) =>
    (
      await app.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])
    )[0]!.n;

  it('declares, lists with names, and a station sees only its own entities', async () => {
    for (const entityId of [inS01, inS02]) {
      const res = await admin.post('/api/v1/spot-checks/conflicts', {
        inspectorId: inspector.id,
        entityId,
        reason: '近亲属任该企业股东',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const all = await admin.get<TConflict[]>('/api/v1/spot-checks/conflicts');
    assert.equal(all.status, 200);
    const mine = all.body.filter((c) => c.inspectorId === inspector.id);
    assert.equal(mine.length, 2);
    assert.equal(mine[0]!.inspectorName, '回避测试员');
    assert.match(mine[0]!.uscc, /^[0-9A-Z]{18}$/);
    assert.equal(mine[0]!.reason, '近亲属任该企业股东');
    assert.ok(!Number.isNaN(Date.parse(mine[0]!.declaredAt)));

    const scoped = await chief.get<TConflict[]>('/api/v1/spot-checks/conflicts');
    assert.deepEqual(
      scoped.body.map((c) => c.entityId),
      [inS01],
    );
    assert.equal(await audits('spotcheck.conflict.declare'), 2);
  });

  it('names the field for an unknown inspector or an entity outside the scope', async () => {
    const bad = await admin.post<Problem>('/api/v1/spot-checks/conflicts', {
      inspectorId: 999999,
      entityId: inS01,
      reason: '测试',
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors?.[0]?.path, 'inspectorId');
    const outside = await chief.post<Problem>('/api/v1/spot-checks/conflicts', {
      inspectorId: inspector.id,
      entityId: inS02,
      reason: '测试',
    });
    assert.equal(outside.status, 422);
    assert.equal(outside.body.errors?.[0]?.path, 'entityId');
    const empty = await admin.post<Problem>('/api/v1/spot-checks/conflicts', {
      inspectorId: inspector.id,
      entityId: inS01,
      reason: ' ',
    });
    assert.equal(empty.status, 422);
  });

  it('removes a declaration with an audit row; outside the scope or twice is 404', async () => {
    const outside = await chief.delete(`/api/v1/spot-checks/conflicts/${inspector.id}/${inS02}`);
    assert.equal(outside.status, 404);
    const res = await chief.delete(`/api/v1/spot-checks/conflicts/${inspector.id}/${inS01}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(await audits('spotcheck.conflict.remove'), 1);
    const again = await chief.delete<Problem>(`/api/v1/spot-checks/conflicts/${inspector.id}/${inS01}`);
    assert.equal(again.status, 404);
    assert.match(again.body.detail, /回避声明不存在/);
    const left = await admin.get<TConflict[]>('/api/v1/spot-checks/conflicts');
    assert.deepEqual(
      left.body.filter((c) => c.inspectorId === inspector.id).map((c) => c.entityId),
      [inS02],
    );
  });

  it('links an inspector to an account on edit, once per account, and names the field otherwise', async () => {
    const db = app.services.db;
    const [user] = await db.query<{ id: number; username: string }>(
      `SELECT id, username FROM users u WHERE NOT EXISTS (SELECT 1 FROM spot_check_inspectors i WHERE i.user_id = u.id)
        ORDER BY id LIMIT 1`,
    );
    const { name, departmentId, stationId } = inspector;
    const body = { name, departmentId, stationId, qualifications: ['食品'], userId: user!.id, active: true };
    const res = await admin.put<TInspector>(`/api/v1/spot-checks/inspectors/${inspector.id}`, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.username, user!.username);
    assert.deepEqual(res.body.qualifications, ['食品']);
    assert.equal((await admin.put(`/api/v1/spot-checks/inspectors/${inspector.id}`, body)).status, 200, 'own link');
    assert.equal(await audits('spotcheck.inspector.update'), 2);

    const second = await admin.post<Problem>('/api/v1/spot-checks/inspectors', {
      name: '第二名检查员',
      departmentId: inspector.departmentId,
      userId: user!.id,
    });
    assert.equal(second.status, 422);
    assert.equal(second.body.errors?.[0]?.path, 'userId');
    assert.match(second.body.errors?.[0]?.message ?? '', /已关联/);
    const ghost = await admin.put<Problem>(`/api/v1/spot-checks/inspectors/${inspector.id}`, {
      ...body,
      userId: 999999,
    });
    assert.equal(ghost.body.errors?.[0]?.path, 'userId');
    const missing = await admin.put(`/api/v1/spot-checks/inspectors/999999`, { ...body, userId: null });
    assert.equal(missing.status, 404);
    const fromStation = await chief.put<Problem>(`/api/v1/spot-checks/inspectors/${inspector.id}`, {
      ...body,
      stationId: await unitId(db, 's02'),
    });
    assert.equal(fromStation.status, 422, 's01 cannot move an inspector to s02');
    assert.equal(fromStation.body.errors?.[0]?.path, 'stationId');
    const own = await chief.put(`/api/v1/spot-checks/inspectors/${inspector.id}`, body);
    assert.equal(own.status, 200, 's01 edits its own inspector');
    const unlinked = await admin.put<TInspector>(`/api/v1/spot-checks/inspectors/${inspector.id}`, {
      ...body,
      userId: null,
    });
    assert.equal(unlinked.body.username, null);
  });
});
