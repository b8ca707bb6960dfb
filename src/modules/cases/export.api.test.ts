import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { download, readXlsx } from '../../../tests/fixtures/entity-files.ts';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';

type Page = { items: { caseNo: string | null; partyName: string }[] };

/** The audit row is written once the writer stops, just after the last byte; wait for it briefly. */
async function exportAudits(app: TestApp, atLeast: number) {
  for (let i = 0; ; i++) {
    const rows = await app.testDb.db.query<{ actorName: string; detail: Record<string, unknown> }>(
      `SELECT actor_name AS "actorName", detail FROM audit_log WHERE action = 'case.export' ORDER BY id`,
    );
    if (rows.length >= atLeast || i > 50) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('case export API: the case list as XLSX, same filters and scope as the list, audited', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s01Chief: ApiClient;
  const q = encodeURIComponent('导出甲');

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s01Chief = await loginAs(app, 's01.chief');
    const db = app.testDb.db;
    await insertCase(db, {
      stationCode: 's01',
      status: 'investigating',
      partyName: '导出甲五金店',
      officers: ['s01.chief'],
      extra: { fine_due_fen: 1_234_56 },
    });
    await insertCase(db, { stationCode: 's01', status: 'decided', partyName: '导出甲餐饮店' });
    await insertCase(db, { stationCode: 's02', status: 'investigating', partyName: '导出甲超市' });
  });
  after(() => app.close());

  test('a station chief gets their station only, the stage filter applied, as a real XLSX', async () => {
    const query = `stage=investigating&q=${q}`;
    const res = await download(s01Chief, `/api/v1/cases/export?${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml\.sheet/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="cases_\d{8}\.xlsx"/);
    const [header, ...rows] = await readXlsx(res.bytes);
    assert.deepEqual(header?.slice(0, 3), ['案号', '程序', '案件状态']);
    const listed = (await s01Chief.get<Page>(`/api/v1/cases?limit=200&${query}`)).body.items;
    assert.deepEqual(
      rows.map((r) => r[5]),
      listed.map((c) => c.partyName),
    );
    assert.deepEqual(
      rows.map((r) => r[5]),
      ['导出甲五金店'],
      'the decided case is filtered out, the s02 case out of scope',
    );
    assert.equal(rows[0]![2], '调查取证');
    assert.equal(rows[0]![8], '陈所长');
    assert.ok(rows[0]![9] instanceof Date, '立案日期 is a real date');
    assert.equal(rows[0]![15], 1234.56);

    const all = await readXlsx((await download(admin, `/api/v1/cases/export?q=${q}`)).bytes);
    assert.equal(all.length - 1, 3, 'admin sees every station');
    assert.ok(all.some((r) => r[5] === '导出甲超市'));
  });

  test('the export is audited with its filters and row count', async () => {
    await download(s01Chief, `/api/v1/cases/export?q=${q}`);
    const audits = await exportAudits(app, 3);
    const mine = audits.filter((a) => a.actorName === '陈所长' && !(a.detail.filters as { stage?: string }).stage);
    assert.equal(mine.length, 1, JSON.stringify(audits));
    const last = mine[0]!.detail;
    assert.deepEqual(last.filters, { q: '导出甲' });
    assert.equal(last.rowCount, 2);
    assert.equal(last.complete, true);
  });
});
