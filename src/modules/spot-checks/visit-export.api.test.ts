import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { download, readXlsx } from '../../../tests/fixtures/entity-files.ts';
import { drawnTask, insertEntities } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TTask, TVisitSummary } from '../../contracts/spot-checks.ts';

type Page = { items: TVisitSummary[] };

describe('spot-check visit export API: same filters and scope as the list, audited', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s01Chief: ApiClient;
  let task: TTask;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s01Chief = await loginAs(app, 's01.chief');
    await insertEntities(app.services.db, { count: 2, stationCode: 's01' });
    await insertEntities(app.services.db, { count: 2, stationCode: 's02' });
    task = await drawnTask(admin, app.services.db, {
      name: '导出测试抽查',
      stationCodes: ['s01', 's02'],
      itemCodes: ['DJ-01'],
    });
  });
  after(() => app.close());

  test('a station chief’s export is their list: out-of-scope visits absent; filters applied; audited', async () => {
    const query = `taskId=${task.id}`;
    const res = await download(s01Chief, `/api/v1/spot-checks/visits/export?${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /filename="spot-check-visits_\d{8}\.xlsx"/);
    const [header, ...rows] = await readXlsx(res.bytes);
    assert.deepEqual(header?.slice(0, 2), ['统一社会信用代码', '市场主体名称']);
    const listed = (await s01Chief.get<Page>(`/api/v1/spot-checks/visits?limit=200&${query}`)).body.items;
    assert.deepEqual(
      rows.map((r) => r[0]),
      listed.map((v) => v.uscc),
    );
    const everyone = (await admin.get<Page>(`/api/v1/spot-checks/visits?limit=200&${query}`)).body.items;
    const all = await readXlsx((await download(admin, `/api/v1/spot-checks/visits/export?${query}`)).bytes);
    assert.equal(all.length - 1, everyone.length);
    assert.ok(rows.length < everyone.length, 'the chief sees fewer visits than the district');
    const outside = everyone.find((v) => !listed.some((l) => l.id === v.id))!;
    assert.ok(!rows.some((r) => r[0] === outside.uscc), 'an out-of-scope visit is absent');

    const published = await readXlsx(
      (await download(admin, `/api/v1/spot-checks/visits/export?${query}&status=published`)).bytes,
    );
    assert.equal(published.length, 1, 'the status filter applies: only the header');

    let audit: { detail: Record<string, unknown> } | undefined;
    for (let i = 0; i < 50 && !audit; i++) {
      [audit] = await app.testDb.db.query<{ detail: Record<string, unknown> }>(
        `SELECT detail FROM audit_log WHERE action = 'spotcheck.visit.export' AND actor_name = '陈所长'`,
      );
      if (!audit) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(audit);
    assert.equal(audit.detail.rowCount, rows.length);
    assert.deepEqual(audit.detail.filters, { taskId: task.id });
  });
});
