import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { assignVisitTo, drawnTask, insertEntities } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TCaseListItem } from '../../contracts/cases.ts';
import type { TVisitSummary } from '../../contracts/spot-checks.ts';

type Page<T> = { items: T[] };

/** The entity page's sections: each module's list filtered to one entity, still within the caller's reach. */
describe('entity 360: visits and cases filtered by entityId, scoped by each module', () => {
  let app: TestApp;
  let admin: ApiClient;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  it('lists only the entity’s spot-check visits, and only those the caller may see', async () => {
    const db = app.services.db;
    await insertEntities(db, { count: 3, stationCode: 's02', riskClass: 'B' });
    const task = await drawnTask(admin, db, { name: '实体页抽查', stationCodes: ['s02'], itemCodes: ['DJ-01'] });
    const all = (await admin.get<Page<TVisitSummary>>(`/api/v1/spot-checks/visits?taskId=${task.id}`)).body.items;
    assert.ok(all.length >= 2);
    const [one, two] = all as [TVisitSummary, TVisitSummary];
    await assignVisitTo(db, one.id, ['s03.inspector']);
    await assignVisitTo(db, two.id, ['s04.inspector']);
    const ids = async (as: ApiClient, entityId: number) => {
      const res = await as.get<Page<TVisitSummary>>(`/api/v1/spot-checks/visits?entityId=${entityId}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items.map((v) => v.id);
    };
    assert.deepEqual(await ids(admin, one.entityId), [one.id]);
    assert.deepEqual(await ids(admin, two.entityId), [two.id]);
    // The drawn inspector sees their visit; another station's inspector, not drawn, sees nothing of this entity.
    assert.deepEqual(await ids(await loginAs(app, 's03.inspector'), one.entityId), [one.id]);
    assert.deepEqual(await ids(await loginAs(app, 's03.inspector'), two.entityId), []);
    assert.deepEqual(await ids(await loginAs(app, 's05.inspector'), one.entityId), []);
    assert.equal((await admin.get('/api/v1/spot-checks/visits?entityId=abc')).status, 422);
  });

  it('lists only the cases whose party is the entity, within the case scope', async () => {
    const db = app.testDb.db;
    const [entityId, otherId] = (await insertEntities(db, { count: 2, stationCode: 's01', riskClass: null })) as [
      number,
      number,
    ];
    const atS01 = await insertCase(db, { stationCode: 's01', status: 'draft', entityId });
    const atS02 = await insertCase(db, { stationCode: 's02', status: 'draft', entityId });
    await insertCase(db, { stationCode: 's01', status: 'draft', entityId: otherId });
    await insertCase(db, { stationCode: 's01', status: 'draft' });
    const ids = async (as: ApiClient) => {
      const res = await as.get<Page<TCaseListItem>>(`/api/v1/cases?entityId=${entityId}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items.map((c) => c.id);
    };
    assert.deepEqual(await ids(admin), [atS02, atS01]);
    assert.deepEqual(await ids(await loginAs(app, 's01.chief')), [atS01], 'a station chief sees their station only');
    assert.deepEqual(await ids(await loginAs(app, 's02.chief')), [atS02]);
  });
});
