import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { download, readXlsx } from '../../../tests/fixtures/entity-files.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';

type Intake = { items: { id: number; trackingCode?: string }[] };
type Page = { items: { trackingCode: string }[] };

/** The audit row is written once the writer stops, just after the last byte; wait for it briefly. */
async function exportAudits(app: TestApp, action: string, atLeast: number) {
  for (let i = 0; ; i++) {
    const rows = await app.testDb.db.query<{ actorName: string; detail: Record<string, unknown> }>(
      `SELECT actor_name AS "actorName", detail FROM audit_log WHERE action = $1 ORDER BY id`,
      [action],
    );
    if (rows.length >= atLeast || i > 50) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('complaint export API: the queue as XLSX, same filters and scope as the list, masked, audited', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s01Chief: ApiClient;
  let entities: Record<'s01' | 's02', TEntityDetail>;

  const file = async (station: 's01' | 's02', kind: 'complaint' | 'report', name: string) => {
    const res = await admin.post<Intake>('/api/v1/complaints', {
      kind,
      channel: 'phone',
      person: { name, phone: '13912345678' },
      business: { entityId: entities[station].id },
      description: `${name}反映该超市销售过期食品，要求处理`,
      receivedOn: '2026-03-10',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  };

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s01Chief = await loginAs(app, 's01.chief');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    const stations = Object.fromEntries(units.map((u) => [u.code, u.id]));
    const make = async (code: 's01' | 's02', name: string) =>
      (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name, stationId: stations[code] }))).body;
    entities = { s01: await make('s01', '桂城导出测试超市'), s02: await make('s02', '大沥导出测试超市') };
    await file('s01', 'complaint', '张三丰');
    await file('s01', 'report', '李四光');
    await file('s02', 'complaint', '王五湖');
  });
  after(() => app.close());

  const listCodes = async (client: ApiClient, query: string) =>
    (await client.get<Page>(`/api/v1/complaints?limit=200&${query}`)).body.items.map((c) => c.trackingCode);

  test('filters and scope of the list: a station chief gets their station only, masked, as a real XLSX', async () => {
    const query = `kind=complaint&q=${encodeURIComponent('导出测试')}`;
    const res = await download(s01Chief, `/api/v1/complaints/export?${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml\.sheet/);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="complaints_\d{8}\.xlsx"; filename\*=UTF-8''.*\.xlsx$/,
    );
    const [header, ...rows] = await readXlsx(res.bytes);
    assert.deepEqual(header?.slice(0, 4), ['登记编号', '类型', '渠道', '状态']);
    const listed = await listCodes(s01Chief, query);
    assert.equal(listed.length, 1, 'the s01 complaint only: the report is filtered out, s02 is out of scope');
    assert.deepEqual(
      rows.map((r) => r[0]),
      listed,
    );
    const row = rows[0]!;
    assert.equal(row[1], '投诉');
    assert.equal(row[6], '张**');
    assert.equal(row[7], '139****5678');
    assert.equal(row[8], '桂城导出测试超市');
    assert.ok(row[4] instanceof Date, '登记日期 is a real date');
    const text = res.bytes.toString('latin1');
    assert.ok(!text.includes('13912345678'));

    const adminAll = await download(admin, `/api/v1/complaints/export?q=${encodeURIComponent('导出测试')}`);
    const [, ...all] = await readXlsx(adminAll.bytes);
    assert.equal(all.length, 3, 'admin sees every station');
    assert.ok(all.some((r) => r[8] === '大沥导出测试超市'));
    assert.ok(
      !rows.some((r) => r[8] === '大沥导出测试超市'),
      'the other station’s row is absent from the chief’s export',
    );
  });

  test('the export is audited with its filters and row count', async () => {
    await download(s01Chief, `/api/v1/complaints/export?status=received&q=${encodeURIComponent('导出测试')}`);
    const audits = await exportAudits(app, 'complaint.export', 3);
    const last = audits.find((a) => (a.detail.filters as { status?: string }).status === 'received');
    assert.ok(last, JSON.stringify(audits));
    assert.equal(last.actorName, '陈所长');
    assert.equal(last.detail.rowCount, 2);
    assert.equal(last.detail.complete, true);
  });

  test('a bad filter is a 422 naming the field, not a file', async () => {
    const res = await s01Chief.get('/api/v1/complaints/export?kind=nonsense');
    assert.equal(res.status, 422);
  });
});
