import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TAdverseEvent, TCdBusiness, TCdInspection } from '../../contracts/cosmetics-devices.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import type { TVisitSummary } from '../../contracts/spot-checks.ts';
import { bigramTsvector } from '../../domain/bigrams.ts';
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

  test('the list searches a fragment of the name, the licence number or the USCC, keyset pages kept', async () => {
    const names = ['美丽佳化妆品商行', '美丽人生化妆品店', '安康医疗器械店'];
    const made: TCdBusiness[] = [];
    for (const [i, name] of names.entries()) {
      const [e] = await app.testDb.db.query<{ id: number }>(
        `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
         SELECT $1, 'enterprise', $2, $3::tsvector, id, '2019-01-01' FROM org_units WHERE code = 's01' RETURNING id`,
        [makeUscc('92', '440605', `D${tag}00${i}`), name, bigramTsvector(name)],
      );
      const body =
        i < 2
          ? { entityId: e!.id, category: 'cosmetics', licenceKind: 'licence', licenceNo: `粤妆${tag}210${i}` }
          : { entityId: e!.id, category: 'device', licenceKind: 'filing', licenceNo: `粤佛药监械经营备2021${tag}号` };
      const r = await chief.post<TCdBusiness>('/api/v1/drugs/cd-businesses', body);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      made.push(r.body);
    }
    const search = async (q: string, extra = '') =>
      chief.get<{ items: TCdBusiness[]; nextCursor: string | null }>(
        `/api/v1/drugs/cd-businesses?q=${encodeURIComponent(q)}${extra}`,
      );
    const ids = (r: { body: { items: TCdBusiness[] } }) => r.body.items.map((b) => b.id);
    assert.deepEqual(ids(await search('美丽')), [made[1]!.id, made[0]!.id]);
    assert.deepEqual(ids(await search('人生')), [made[1]!.id]);
    assert.deepEqual(ids(await search(`粤妆${tag}21`)), [made[1]!.id, made[0]!.id]);
    assert.deepEqual(ids(await search(`械经营备2021${tag}`)), [made[2]!.id]);
    // A USCC fragment from its middle (lower case typed), and one character (no bigram: a scan).
    assert.deepEqual(ids(await search(`d${tag}002`)), [made[2]!.id]);
    assert.deepEqual(ids(await search('佳')), [made[0]!.id]);
    assert.deepEqual(ids(await search('美丽', '&category=device')), []);
    const first = await search('化妆品', '&limit=1');
    assert.deepEqual(ids(first), [made[1]!.id]);
    assert.ok(first.body.nextCursor);
    const second = await search('化妆品', `&limit=1&cursor=${first.body.nextCursor}`);
    assert.deepEqual(ids(second), [made[0]!.id]);
    assert.equal(second.body.nextCursor, null);
    assert.deepEqual(ids(await otherChief.get<{ items: TCdBusiness[] }>('/api/v1/drugs/cd-businesses?q=美丽')), []);
    // The copy of the registry name follows a rename.
    await app.testDb.db.query('UPDATE entities SET name = $2 WHERE id = $1', [made[0]!.entityId, '新美妆化妆品商行']);
    assert.deepEqual(ids(await search('新美妆')), [made[0]!.id]);
    const long = await chief.get<Problem>(`/api/v1/drugs/cd-businesses?q=${'美'.repeat(61)}`);
    assert.equal(long.status, 422);
    assert.equal(long.body.errors[0]?.path, 'q');
  });

  test('a chief schedules an inspection on the visit engine; an inspector of the visit records the result', async () => {
    const url = `/api/v1/drugs/cd-businesses/${device.id}/inspections`;
    const past = await chief.post<Problem & { detail: string }>(url, { plannedOn: '2020-01-01' });
    assert.equal(past.status, 422);
    assert.equal(past.body.errors[0]?.path, 'plannedOn');
    assert.match(past.body.errors[0]!.message, /[\u4e00-\u9fff]/);
    const badDate = await chief.post<Problem>(url, { plannedOn: '2026-13-40' });
    assert.equal(badDate.status, 422);
    assert.equal(badDate.body.errors[0]?.path, 'plannedOn');
    const [own, other] = await app.testDb.db.query<{ id: number }>(
      `SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id
        WHERE u.username IN ('s01.inspector', 's01.inspector2') ORDER BY u.username`,
    );
    const one = await chief.post<Problem>(url, { inspectorIds: [own!.id] });
    assert.equal(one.status, 422);
    assert.equal(one.body.errors[0]?.path, 'inspectorIds');
    assert.equal((await otherChief.post(url, { inspectorIds: [] })).status, 404);

    // No one named: the engine picks two active inspectors of the business's station.
    const picked = await chief.post<TCdInspection>(url, {});
    assert.equal(picked.status, 200, JSON.stringify(picked.body));
    assert.equal(picked.body.inspectors.length, 2);
    assert.equal(picked.body.status, 'scheduled');
    assert.equal(picked.body.plannedOn, shanghaiToday());
    const stations = await app.testDb.db.query<{ code: string }>(
      `SELECT o.code FROM spot_check_inspectors i JOIN org_units o ON o.id = i.station_id WHERE i.id = ANY($1::bigint[])`,
      [picked.body.inspectors.map((i) => i.id)],
    );
    assert.deepEqual(
      stations.map((s) => s.code),
      ['s01', 's01'],
    );

    const named = await chief.post<TCdInspection>(url, { inspectorIds: [own!.id, other!.id] });
    assert.equal(named.status, 200, JSON.stringify(named.body));
    assert.equal(named.body.visitStatus, 'assigned');
    assert.equal(named.body.canRecord, false);
    const [plan] = await app.testDb.db.query<{ kind: string }>(
      'SELECT p.kind FROM spot_check_visits v JOIN spot_check_plans p ON p.id = v.plan_id WHERE v.id = $1',
      [named.body.visitId],
    );
    assert.equal(plan!.kind, 'cd');

    // The visit is the inspector's like any other: their visit list and their inbox (results due today).
    const mine = await inspector.get<{ items: TVisitSummary[] }>('/api/v1/spot-checks/visits?mine=true');
    assert.equal(mine.body.items.find((v) => v.id === named.body.visitId)?.cdBusinessId, device.id);
    const inbox = await inspector.get<TInbox>('/api/v1/inbox?limit=50');
    const items = [...inbox.body.groups.overdue, ...inbox.body.groups.dueToday, ...inbox.body.groups.dueWeek];
    assert.ok(items.some((i) => i.module === 'spot-checks' && i.id === named.body.visitId));

    const listed = await inspector.get<{ items: TCdInspection[] }>(url);
    assert.deepEqual(
      listed.body.items.map((i) => i.id),
      [named.body.id, picked.body.id],
    );
    assert.equal(listed.body.items[0]!.canRecord, true);

    const result = `/api/v1/drugs/cd-inspections/${named.body.id}/result`;
    const noFindings = await inspector.post<Problem>(result, { version: named.body.version, result: 'fail' });
    assert.equal(noFindings.status, 422);
    assert.equal(noFindings.body.errors[0]?.path, 'findings');
    assert.equal((await chief.post(result, { version: named.body.version, result: 'pass' })).status, 403);
    const done = await inspector.post<TCdInspection>(result, {
      version: named.body.version,
      result: 'rectify',
      findings: '未建立医疗器械进货查验记录',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'done');
    assert.equal(done.body.visitStatus, 'inspected');
    assert.equal(done.body.inspectedOn, shanghaiToday());
    assert.equal((await inspector.post(result, { version: done.body.version, result: 'pass' })).status, 409);
    const audits = await app.testDb.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'cdBusiness' AND target_id = $1 AND action LIKE 'cd.inspection.%'
        ORDER BY id`,
      [String(device.id)],
    );
    assert.deepEqual(
      audits.map((a) => a.action),
      ['cd.inspection.schedule', 'cd.inspection.schedule', 'cd.inspection.record'],
    );
    assert.equal((await otherChief.get(url)).status, 404);
  });
});
