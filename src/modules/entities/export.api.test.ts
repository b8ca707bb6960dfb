import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { download, readXlsx } from '../../../tests/fixtures/entity-files.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityDetail, TEntitySummary } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';

type Page = { items: TEntitySummary[]; total: number };

describe('entity export API: same filters and scope as the list, masked, streamed', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s02: ApiClient;
  let stations: Record<string, number>;
  const ids: string[] = [];

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s02 = await loginAs(app, 's02.inspector');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    stations = Object.fromEntries(units.filter((u) => u.kind === 'station').map((u) => [u.code, u.id]));
    const specs = [
      { name: '桂城五金制品有限公司', stationId: stations.s01, registeredCapitalFen: 123_456 },
      { name: '桂城“鑫盛”五金店, 分店', stationId: stations.s01, type: 'individualBusiness' as const },
      { name: '桂城老陈餐饮店', stationId: stations.s01 },
      { name: '大沥五金批发部', stationId: stations.s02 },
      { name: '=HYPERLINK("http://evil")五金', stationId: stations.s02 },
    ];
    for (const spec of specs) {
      const res = await admin.post<TEntityDetail>('/api/v1/entities', makeEntity(spec));
      assert.equal(res.status, 201);
      ids.push(res.body.uscc);
    }
  });
  after(() => app.close());

  const listUsccs = async (client: ApiClient, query: string) =>
    (await client.get<Page>(`/api/v1/entities?limit=200&${query}`)).body.items.map((e) => e.uscc);

  test('CSV: UTF-8 BOM, Chinese filename, rows and order of the filtered list, ID and phone masked', async () => {
    const query = `stationId=${stations.s01}&q=${encodeURIComponent('五金')}`;
    const res = await download(admin, `/api/v1/entities/export?format=csv&${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="entities_\d{8}\.csv"; filename\*=UTF-8''%E5%B8%82%E5%9C%BA%E4%B8%BB%E4%BD%93_\d{8}\.csv$/,
    );
    assert.deepEqual([...res.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(res.bytes.toString('utf8').slice(1)) as string[][];
    assert.equal(header?.[1], '统一社会信用代码');
    assert.deepEqual(
      rows.map((r) => r[1]),
      await listUsccs(admin, query),
    );
    assert.equal(rows.length, 2);
    const text = res.bytes.toString('utf8');
    assert.ok(!text.includes('13800138000'), 'phone masked');
    assert.ok(rows.every((r) => /^\d{3}\*{11}\d{3}[\dX]$/.test(r[6] ?? '') && r[7] === '138****8000'));
    assert.ok(
      rows.some((r) => r[2] === '桂城“鑫盛”五金店, 分店'),
      'a comma inside a name survives quoting',
    );
    assert.ok(
      rows.some((r) => r[12] === '1234.56'),
      '注册资本 in 元 with two decimals',
    );
  });

  test('XLSX: the same rows, real dates, masked columns; an injected formula stays text', async () => {
    const query = `q=${encodeURIComponent('五金')}`;
    const res = await download(admin, `/api/v1/entities/export?format=xlsx&${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''.*\.xlsx$/);
    const [header, ...rows] = await readXlsx(res.bytes);
    assert.deepEqual(header?.slice(0, 3), ['主体类型', '统一社会信用代码', '名称']);
    assert.deepEqual(
      rows.map((r) => r[1]),
      await listUsccs(admin, query),
    );
    assert.ok(rows.every((r) => r[4] instanceof Date));
    assert.ok(rows.every((r) => String(r[6]).includes('*')));
    assert.ok(rows.some((r) => r[2] === '=HYPERLINK("http://evil")五金'));
  });

  test('scope: an inspector exports only their own station, like their list; the export is audited', async () => {
    const res = await download(s02, '/api/v1/entities/export?format=csv');
    const [, ...rows] = parse(res.bytes.toString('utf8').slice(1)) as string[][];
    assert.deepEqual(
      rows.map((r) => r[1]),
      await listUsccs(s02, ''),
    );
    assert.ok(rows.length === 2 && rows.every((r) => r[9] === 's02'));
    const audit = await app.testDb.db.query(`SELECT 1 FROM audit_log WHERE action = 'entity.export'`);
    assert.ok(audit.length >= 3);
  });

  test('bad filters are 422 as on the list; no permission is 401/403', async () => {
    assert.equal((await download(admin, '/api/v1/entities/export?format=pdf')).status, 422);
    assert.equal((await download(admin, '/api/v1/entities/export?establishedFrom=yesterday')).status, 422);
    const anonymous = await fetch(`${app.baseUrl}/api/v1/entities/export`);
    assert.equal(anonymous.status, 401);
  });
});
