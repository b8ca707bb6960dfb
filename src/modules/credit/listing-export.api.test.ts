import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { download, readXlsx } from '../../../tests/fixtures/entity-files.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TBatch } from '../../contracts/credit.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { latestClosedReportYear } from '../../domain/credit-rules.ts';
import { shanghaiToday } from '../../domain/deadlines.ts';

const year = latestClosedReportYear(shanghaiToday());

describe('credit listing export API: same filters and scope as the list, audited', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s01Chief: ApiClient;
  let batch: TBatch;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s01Chief = await loginAs(app, 's01.chief');
    const staff = await loginAs(app, 'credit.staff');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    const station = (code: string) => units.find((u) => u.code === code)!.id;
    const make = async (code: 's01' | 's02', name: string) => {
      const res = await admin.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ name, establishedOn: `${year - 1}-03-15`, stationId: station(code) }),
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    await make('s01', '桂城未年报商行');
    await make('s02', '大沥未年报商行');
    const res = await staff.post<TBatch>('/api/v1/credit/batches', { list: 'abnormal', reportYear: year });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    batch = res.body;
  });
  after(() => app.close());

  test('a station chief exports only their station’s listings; filters applied; the file is XLSX; audited', async () => {
    const query = `list=abnormal&status=proposed&batchId=${batch.id}`;
    const res = await download(s01Chief, `/api/v1/credit/listings/export?${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /filename="credit-listings_\d{8}\.xlsx"/);
    const [header, ...rows] = await readXlsx(res.bytes);
    assert.deepEqual(header?.slice(0, 3), ['名录', '统一社会信用代码', '市场主体名称']);
    const names = rows.map((r) => r[2]);
    assert.ok(names.includes('桂城未年报商行'), JSON.stringify(names));
    assert.ok(!names.includes('大沥未年报商行'), 'the other station’s listing is absent');
    assert.ok(rows.every((r) => r[0] === '经营异常名录' && r[6] === '拟列入'));

    const all = await readXlsx((await download(admin, `/api/v1/credit/listings/export?${query}`)).bytes);
    assert.ok(
      all.some((r) => r[2] === '大沥未年报商行'),
      'admin sees every station',
    );
    const none = await readXlsx((await download(admin, `/api/v1/credit/listings/export?status=listed`)).bytes);
    assert.equal(none.length, 1, 'the status filter applies: only the header');

    let audit: { detail: Record<string, unknown> } | undefined;
    for (let i = 0; i < 50 && !audit; i++) {
      [audit] = await app.testDb.db.query<{ detail: Record<string, unknown> }>(
        `SELECT detail FROM audit_log WHERE action = 'credit.listing.export' AND actor_name = '陈所长'`,
      );
      if (!audit) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(audit);
    assert.equal(audit.detail.rowCount, rows.length);
    assert.deepEqual(audit.detail.filters, { list: 'abnormal', status: 'proposed', batchId: batch.id });
  });
});
