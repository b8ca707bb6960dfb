import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TBatch, TDistribution, TListing, TRepair } from '../../contracts/credit.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit, TRole, TUser } from '../../contracts/org.ts';
import { latestClosedReportYear } from '../../domain/credit-rules.ts';
import { shanghaiToday } from '../../domain/deadlines.ts';

const today = shanghaiToday();
const year = latestClosedReportYear(today);
type Page<T> = { items: T[] };

/**
 * Data scope `self` in the credit module: a self-scoped user sees and changes the rows that are theirs (batches
 * they proposed and their listings, repair applications they registered, the credit of entities they registered),
 * the same in list and get, and nothing of a colleague's at the same station.
 */
describe('credit data scope: self means the caller’s own rows, in list and get alike', () => {
  let app: TestApp;
  let admin: ApiClient;
  let own: ApiClient;
  let colleague: ApiClient;
  let staff: ApiClient;
  let otherChief: ApiClient;
  let mine: TEntityDetail;
  let theirs: TEntityDetail;
  let batch: TBatch;
  let repair: TRepair;

  async function selfUser(
    username: string,
    unitId: number,
    roleId: number,
  ): Promise<{ client: ApiClient; id: number }> {
    const res = await admin.post<TUser>('/api/v1/org/users', {
      username,
      displayName: username,
      unitId,
      roleIds: [roleId],
      password: 'Welcome#2026',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const client = new ApiClient(app.baseUrl);
    assert.equal((await client.login(username, 'Welcome#2026')).status, 200);
    return { client, id: res.body.id };
  }

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    staff = await loginAs(app, 'credit.staff');
    otherChief = await loginAs(app, 's02.chief');
    const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
    const role = await admin.post<TRole>('/api/v1/org/roles', {
      code: 'credit_self',
      name: '信用协管员',
      permissions: ['entity:read', 'credit:read', 'credit:write'],
      dataScope: 'self',
    });
    assert.equal(role.status, 201, JSON.stringify(role.body));
    const a = await selfUser('s01.credit-a', s01.id, role.body.id);
    const b = await selfUser('s01.credit-b', s01.id, role.body.id);
    own = a.client;
    colleague = b.client;
    const entity = async () => {
      const res = await admin.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ establishedOn: `${year - 1}-03-15`, stationId: s01.id }),
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    mine = await entity();
    theirs = await entity();
    // Registered by the self-scoped user (test set-up: this role cannot register entities itself).
    await app.testDb.db.query('UPDATE entities SET created_by = $2 WHERE id = $1', [mine.id, a.id]);
  });
  after(() => app.close());

  test("an entity's credit page follows the entity: its registrar sees it, a colleague does not", async () => {
    assert.equal((await own.get(`/api/v1/credit/entities/${mine.id}`)).status, 200);
    assert.equal((await own.get(`/api/v1/credit/entities/${theirs.id}`)).status, 404);
    assert.equal((await colleague.get(`/api/v1/credit/entities/${mine.id}`)).status, 404);
  });

  test('annual reports are recorded only for entities the caller may read', async () => {
    const item = { entityId: mine.id, reportYear: year - 1, filedOn: `${year}-04-01` };
    const refused = await colleague.post<{ errors: { path: string }[] }>('/api/v1/credit/annual-reports', {
      items: [item],
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0]!.path, 'items.0.entityId');
    const ok = await own.post('/api/v1/credit/annual-reports', { items: [item] });
    assert.deepEqual(ok.body, { recorded: 1, unchanged: 0 });
  });

  test('a batch proposed by a self-scoped user holds only their entities; they see it in list and get', async () => {
    const res = await own.post<TBatch>('/api/v1/credit/batches', { list: 'abnormal', reportYear: year });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    batch = res.body;
    const items = await own.get<Page<TListing>>(`/api/v1/credit/listings?batchId=${batch.id}`);
    assert.deepEqual(
      items.body.items.map((l) => l.entityId),
      [mine.id],
      "a colleague's entity is not proposed",
    );
    assert.equal((await own.get(`/api/v1/credit/batches/${batch.id}`)).status, 200, 'get agrees with list');
    assert.ok((await own.get<Page<TBatch>>('/api/v1/credit/batches')).body.items.some((b) => b.id === batch.id));
    assert.equal((await colleague.get(`/api/v1/credit/batches/${batch.id}`)).status, 404);
    assert.ok(!(await colleague.get<Page<TBatch>>('/api/v1/credit/batches')).body.items.some((b) => b.id === batch.id));
    assert.equal(
      (await colleague.get<Page<TListing>>(`/api/v1/credit/listings?batchId=${batch.id}`)).body.items.length,
      0,
    );
    const discard = await colleague.post(`/api/v1/credit/batches/${batch.id}/discard`, {
      reason: '不是本人的批次',
      version: batch.version,
    });
    assert.equal(discard.status, 404);
    assert.ok((await staff.get<Page<TBatch>>('/api/v1/credit/batches')).body.items.some((b) => b.id === batch.id));
  });

  test('repair applications: the registrar sees theirs in list and get alike; a colleague in neither', async () => {
    const approved = await own.post<TBatch>(`/api/v1/credit/batches/${batch.id}/approve`, {
      decisionNo: `桂市监异〔${year + 1}〕88号`,
      reason: '经查未在规定期限内报送年度报告',
      decidedOn: today,
      version: batch.version,
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const [listing] = (await own.get<Page<TListing>>(`/api/v1/credit/listings?batchId=${batch.id}`)).body.items;
    const applied = await own.post<TRepair>('/api/v1/credit/repairs', {
      listingId: listing!.id,
      applicantName: '陈测试',
      applicationText: '已补报年度报告，申请移出经营异常名录',
    });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    repair = applied.body;
    const listedBy = async (c: ApiClient) =>
      (await c.get<Page<TRepair>>('/api/v1/credit/repairs')).body.items.some((r) => r.id === repair.id);
    assert.ok(await listedBy(own));
    assert.equal((await own.get(`/api/v1/credit/repairs/${repair.id}`)).status, 200, 'get agrees with list');
    assert.ok(!(await listedBy(colleague)));
    assert.equal((await colleague.get(`/api/v1/credit/repairs/${repair.id}`)).status, 404);
    const review = await colleague.post(`/api/v1/credit/repairs/${repair.id}/review`, {
      opinion: '越权审查',
      version: repair.version,
    });
    assert.equal(review.status, 404);
    assert.ok(!(await listedBy(otherChief)), 'another station');
    assert.equal((await otherChief.get(`/api/v1/credit/repairs/${repair.id}`)).status, 404);
    assert.ok(await listedBy(staff));
  });

  test("the class distribution counts the caller's readable entities only", async () => {
    const total = async (c: ApiClient) => {
      const d = (await c.get<TDistribution>('/api/v1/credit/distribution')).body;
      return Object.values(d.totals).reduce((a, b) => a + b, 0);
    };
    assert.equal(await total(own), 1, 'the one entity they registered (classed when it was listed)');
    assert.equal(await total(colleague), 0);
  });

  test('the distribution by station and by industry (one grouped pass) each add up to the totals', async () => {
    const d = (await admin.get<TDistribution>('/api/v1/credit/distribution')).body;
    const sum = (rows: { counts: Record<string, number> }[]) =>
      rows.reduce((n, r) => n + Object.values(r.counts).reduce((a, b) => a + b, 0), 0);
    const total = Object.values(d.totals).reduce((a, b) => a + b, 0);
    assert.ok(total > 0);
    assert.equal(sum(d.byStation), total);
    assert.equal(sum(d.byIndustry), total);
    for (const s of d.byStation) assert.ok(s.stationId > 0 && s.stationName, 'every station row is named');
    assert.equal(new Set(d.byStation.map((s) => s.stationId)).size, d.byStation.length, 'one row per station');
  });
});
