import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drawnTask, insertEntities, unitId } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TInspector, TVisitSummary } from '../../contracts/spot-checks.ts';

type Problem = { errors?: { path: string }[] };

describe('the inspector directory is limited to the caller’s units; draws still use the whole pool', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let s01: number;
  let all: TInspector[];

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    s01 = await unitId(app.services.db, 's01');
    all = (await admin.get<TInspector[]>('/api/v1/spot-checks/inspectors')).body;
  });
  after(() => app.close());

  it('a district-wide caller lists everyone; a station lists its own people only', async () => {
    assert.ok(all.some((i) => i.stationId !== s01 && i.stationId !== null));
    assert.ok(
      all.some((i) => i.stationId === null),
      'department inspectors without a station',
    );
    const department = await loginAs(app, 'credit.staff');
    assert.equal((await department.get<TInspector[]>('/api/v1/spot-checks/inspectors')).body.length, all.length);

    for (const username of ['s01.chief', 's01.inspector']) {
      const listed = (await (await loginAs(app, username)).get<TInspector[]>('/api/v1/spot-checks/inspectors')).body;
      const own = all.filter((i) => i.stationId === s01);
      assert.ok(own.length > 0);
      assert.deepEqual(
        listed.map((i) => i.id),
        own.map((i) => i.id),
        username,
      );
    }
  });

  it('a station names only inspectors and accounts it may see', async () => {
    const [entity] = await insertEntities(app.services.db, { count: 1, stationCode: 's01' });
    const other = all.find((i) => i.stationId !== s01 && i.stationId !== null)!;
    const own = all.find((i) => i.stationId === s01 && i.userId === null)!;
    const foreign = await chief.post<Problem>('/api/v1/spot-checks/conflicts', {
      inspectorId: other.id,
      entityId: entity,
      reason: '近亲属任该企业股东',
    });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.errors?.[0]?.path, 'inspectorId');
    const mine = await chief.post('/api/v1/spot-checks/conflicts', {
      inspectorId: own.id,
      entityId: entity,
      reason: '近亲属任该企业股东',
    });
    assert.equal(mine.status, 200);

    const [outsider] = await app.services.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 's02.chief'`);
    const [insider] = await app.services.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 's01.chief'`);
    const { name, departmentId, stationId, qualifications } = own;
    const link = (userId: number) =>
      chief.put<Problem & TInspector>(`/api/v1/spot-checks/inspectors/${own.id}`, {
        ...{ name, departmentId, stationId, qualifications, active: true },
        userId,
      });
    const refused = await link(outsider!.id);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors?.[0]?.path, 'userId');
    assert.equal((await link(insider!.id)).status, 200);
  });

  it('a station chief’s joint draw still assigns inspectors of other stations (回避本所)', async () => {
    await insertEntities(app.services.db, { count: 6, stationCode: 's01', riskClass: 'B' });
    const task = await drawnTask(chief, app.services.db, {
      name: '桂城所联合抽查',
      stationCodes: ['s01'],
      itemCodes: ['SP-01', 'DJ-01'],
    });
    const visits = (await chief.get<{ items: TVisitSummary[] }>(`/api/v1/spot-checks/visits?taskId=${task.id}`)).body
      .items;
    assert.ok(visits.length >= 7);
    const stationOf = new Map(all.map((i) => [i.id, i.stationId]));
    for (const v of visits) {
      assert.ok(v.inspectors.length >= 2);
      for (const i of v.inspectors) assert.notEqual(stationOf.get(i.id), s01, '回避: none from the own station');
    }
  });
});
