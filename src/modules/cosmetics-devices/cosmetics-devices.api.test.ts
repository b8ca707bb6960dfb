import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TAdverseEvent, TCdBusiness } from '../../contracts/cosmetics-devices.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';

type Problem = { errors: { path: string; message: string }[] };
const tag = String(process.pid % 10000).padStart(4, '0');

describe('两品一械: businesses with checked numbers, adverse-event reports and their workflow', () => {
  let app: TestApp;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherChief: ApiClient;
  let entityId = 0;
  let device: TCdBusiness;

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherChief = await loginAs(app, 's02.chief');
    const [e] = await app.testDb.db.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'enterprise', '康健医疗器械店', ''::tsvector, id, '2019-01-01' FROM org_units WHERE code = 's01'
       RETURNING id`,
      [makeUscc('91', '440605', `C${tag}001`)],
    );
    entityId = e!.id;
  });
  after(() => app.close());

  test('a business number in the wrong format is refused naming the field; a good one registers once', async () => {
    const bad = await chief.post<Problem>('/api/v1/drugs/cd-businesses', {
      entityId,
      category: 'device',
      licenceKind: 'licence',
      licenceNo: '粤佛药监械经营备20200001号',
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]?.path, 'licenceNo');
    const body = { entityId, category: 'device', licenceKind: 'licence', licenceNo: `粤佛药监械经营许2020${tag}号` };
    assert.equal((await otherChief.post('/api/v1/drugs/cd-businesses', body)).status, 403);
    const ok = await chief.post<TCdBusiness>('/api/v1/drugs/cd-businesses', body);
    assert.equal(ok.status, 200);
    device = ok.body;
    assert.equal((await chief.post('/api/v1/drugs/cd-businesses', body)).status, 409);
    assert.equal((await otherChief.get(`/api/v1/drugs/cd-businesses/${device.id}`)).status, 404);
  });

  test('an adverse event needs a product number of the business category; its status moves by the table, audited', async () => {
    const report = {
      businessId: device.id,
      productName: '一次性使用无菌注射器',
      registrationNo: '国妆特字G20210001',
      severity: 'serious',
      description: '使用后局部红肿，已就医',
      occurredOn: shanghaiToday(),
    };
    const wrong = await inspector.post<Problem>('/api/v1/drugs/adverse-events', report);
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0]?.path, 'registrationNo');
    const made = await inspector.post<TAdverseEvent>('/api/v1/drugs/adverse-events', {
      ...report,
      registrationNo: '粤械注准20202140123',
    });
    assert.equal(made.status, 200);
    assert.equal(made.body.status, 'reported');
    const closeEarly = await chief.post(`/api/v1/drugs/adverse-events/${made.body.id}/transition`, {
      action: 'close',
      note: '结束',
      version: made.body.version,
    });
    assert.equal(closeEarly.status, 409);
    const assessing = await chief.post<TAdverseEvent>(`/api/v1/drugs/adverse-events/${made.body.id}/transition`, {
      action: 'assess',
      version: made.body.version,
    });
    assert.equal(assessing.body.status, 'assessing');
    const noNote = await chief.post<Problem>(`/api/v1/drugs/adverse-events/${made.body.id}/transition`, {
      action: 'close',
      version: assessing.body.version,
    });
    assert.equal(noNote.status, 422);
    const closed = await chief.post<TAdverseEvent>(`/api/v1/drugs/adverse-events/${made.body.id}/transition`, {
      action: 'close',
      note: '评价为可能相关，已上报省中心',
      version: assessing.body.version,
    });
    assert.equal(closed.body.status, 'closed');
    const audits = await app.testDb.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'cdAdverseEvent' AND target_id = $1 ORDER BY id`,
      [String(made.body.id)],
    );
    assert.deepEqual(
      audits.map((a) => a.action),
      ['cd.adverse.report', 'cd.adverse.assess', 'cd.adverse.close'],
    );
    assert.equal((await otherChief.get(`/api/v1/drugs/adverse-events/${made.body.id}`)).status, 404);
    const list = await chief.get<{ items: TAdverseEvent[] }>(
      '/api/v1/drugs/adverse-events?registrationNo=粤械注准20202140123',
    );
    assert.ok(list.body.items.some((a) => a.id === made.body.id));
    const ofBusiness = await chief.get<{ items: TAdverseEvent[] }>(
      `/api/v1/drugs/adverse-events?businessId=${made.body.businessId}`,
    );
    assert.deepEqual(
      ofBusiness.body.items.map((a) => a.id),
      [made.body.id],
    );
    const ofOther = await chief.get<{ items: TAdverseEvent[] }>(
      `/api/v1/drugs/adverse-events?businessId=${made.body.businessId + 1000}`,
    );
    assert.deepEqual(ofOther.body.items, []);
  });
});
