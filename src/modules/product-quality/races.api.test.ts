import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { testDbKind } from '../../../tests/helpers/test-db.ts';
import type { TFoodImportResult } from '../../contracts/food.ts';
import type { TProductSampleDetail } from '../../contracts/product-quality.ts';
import { addCalendarDays } from '../../domain/sampling.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';

type Problem = { detail: string };
const today = shanghaiToday();
const daysAgo = (n: number) => addCalendarDays(today, -n);
const failItem = { itemName: '输入功率和电流', value: '超出 +15%', standard: 'GB 4706.1-2005', conclusion: 'fail' };
const head = '抽查单编号,检验日期,报告编号,检验项目,检测结果,判定依据（标准号）,单项结论\n';

/** Two requests at once on the same sample: one wins, the other is a 409 in Chinese; never a 500. */
describe(`product samples under concurrent requests (${testDbKind()})`, () => {
  let app: TestApp;
  let chief: ApiClient;
  let entityId = 0;

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    const [e] = await app.testDb.db.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'enterprise', '并发抽查电器有限公司', ''::tsvector, id, '2020-01-01' FROM org_units WHERE code = 's01'
       RETURNING id`,
      [makeUscc('91', '440605', `R${String(process.pid % 1000).padStart(3, '0')}0001`)],
    );
    entityId = e!.id;
  });
  after(() => app.close());

  const newSample = async () => {
    const res = await chief.post<TProductSampleDetail>('/api/v1/product/quality/samples', {
      entityId,
      partyRole: 'producer',
      categoryCode: 'electrical',
      productName: '电热水壶',
      model: 'SH-1500',
      batchNo: '2026A',
      sampledOn: daysAgo(40),
      labName: '省产品质量监督检验研究院',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const tested = async () => {
    const s = await newSample();
    const r = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/result`, {
      version: s.version,
      testedOn: daysAgo(30),
      reportNo: 'BG-1',
      items: [failItem],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const upload = async (text: string) => {
    const form = new FormData();
    form.append('file', new Blob([text]), 'results.csv');
    const res = await fetch(`${chief.baseUrl}/api/v1/product/quality/imports/results`, {
      method: 'POST',
      body: form,
      headers: { cookie: chief.cookie, 'x-csrf-token': chief.csrfToken },
    });
    return { status: res.status, body: (await res.json()) as TFoodImportResult & Problem };
  };
  const count = async (sql: string, params: unknown[]) =>
    Number((await app.testDb.db.query<{ n: number }>(sql, params))[0]!.n);

  test('two 复检 requests at once: one accepted, the other 409 with a Chinese message', async () => {
    for (let round = 0; round < 3; round++) {
      const s = await tested();
      const n = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/notify`, {
        version: s.version,
        receivedOn: daysAgo(3),
      });
      assert.equal(n.status, 200, JSON.stringify(n.body));
      const body = { version: n.body.version, requestedOn: daysAgo(1) };
      const res = await Promise.all(
        [0, 1].map(() => chief.post<Problem>(`/api/v1/product/quality/samples/${s.id}/retest-request`, body)),
      );
      assert.deepEqual(res.map((r) => r.status).sort(), [200, 409], JSON.stringify(res.map((r) => r.body)));
      assert.match(res.find((r) => r.status === 409)!.body.detail, /[\u4e00-\u9fff]/);
      const events = `SELECT count(*)::int AS n FROM product_sample_events WHERE sample_id = $1 AND action = 'requestRetest'`;
      assert.equal(await count(events, [s.id]), 1);
    }
  });

  test('the same lab result imported twice at once, and entered by hand at the same time: recorded once', async () => {
    for (let round = 0; round < 3; round++) {
      const s = await newSample();
      const csv = `${head}${s.sampleNo},${daysAgo(2)},R${round},标志,符合,GB 4706.1-2005,合格\n`;
      const res = await Promise.all([
        upload(csv),
        upload(csv),
        chief.post<Problem>(`/api/v1/product/quality/samples/${s.id}/result`, {
          version: s.version,
          testedOn: daysAgo(2),
          reportNo: `BG-${round}`,
          items: [failItem],
        }),
      ]);
      for (const r of res) assert.ok([200, 409].includes(r.status), JSON.stringify(r.body));
      const won = res.filter(
        (r, i) => r.status === 200 && (i === 2 || (r.body as TFoodImportResult).imported === 1),
      ).length;
      assert.equal(won, 1, JSON.stringify(res.map((r) => [r.status, r.body])));
      for (const r of res.filter((x) => x.status === 409)) assert.match(r.body.detail, /[\u4e00-\u9fff]/);
      const items = 'SELECT count(*)::int AS n FROM product_sample_items WHERE sample_id = $1';
      assert.equal(await count(items, [s.id]), 1);
      const results = `SELECT count(*)::int AS n FROM product_sample_events WHERE sample_id = $1 AND action = 'result'`;
      assert.equal(await count(results, [s.id]), 1);
    }
  });

  test('不合格 notices served at once for different samples: distinct numbers, no 500', async () => {
    const samples = [];
    for (let i = 0; i < 6; i++) samples.push(await tested());
    const res = await Promise.all(
      samples.map((s) =>
        chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/notify`, {
          version: s.version,
          receivedOn: daysAgo(3),
        }),
      ),
    );
    assert.deepEqual(
      res.map((r) => r.status),
      samples.map(() => 200),
      JSON.stringify(res.map((r) => r.body)),
    );
    const numbers = res.map((r) => r.body.noticeNo);
    assert.equal(new Set(numbers).size, samples.length);
  });
});
