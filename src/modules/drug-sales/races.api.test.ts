import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePharmacyEntity, registerPharmacy } from '../../../tests/helpers/pharmacy-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { testDbKind } from '../../../tests/helpers/test-db.ts';
import type { TDrugSaleImportResult, TPharmacyCode } from '../../contracts/drug-sales.ts';
import { addDays } from '../../domain/drug-sales.ts';
import { makeIdCard } from '../../domain/id-card.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

type Problem = { detail: string };
const today = shanghaiToday();
const goodId = makeIdCard('440605', '19800101', '123');
const drugs = ['对乙酰氨基酚片', '复方甘草片', '奥司他韦胶囊', '阿莫西林胶囊'];
const header = '销售日期,药品名称,数量,购药人姓名,身份证号,联系电话,体温';

/** Registrations arriving at once (phone page, POS imports, a code re-issued meanwhile): the daily rollup stays exact. */
describe(`重点药品购药登记 under concurrent requests (${testDbKind()})`, () => {
  let app: TestApp;
  let chief: ApiClient;
  let entityId = 0;
  let code = '';
  // Unique township per run so a shared PostgreSQL database never mixes runs' counts.
  const township = `4406059${String((process.pid % 90) + 10)}`;

  const post = async <T>(path: string, body: unknown) => {
    const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const upload = async (text: string) => {
    const form = new FormData();
    form.append('accessCode', code);
    form.append('file', new Blob([text]), 'pos.csv');
    const res = await fetch(`${app.baseUrl}/api/v1/public/drug-sales/import`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as TDrugSaleImportResult & Problem };
  };
  const register = (accessCode: string, drugName: string) =>
    post<Problem>('/public/drug-sales', {
      accessCode,
      drugName,
      buyerName: '张三丰',
      idNumber: goodId,
      phone: '13800138000',
    });

  /** The rollup next to a fresh count of the registrations, per day and class: they must be equal. */
  async function rollupAgainstRows() {
    const rows = await app.testDb.db.query<{ day: string; drugClass: string; n: number; counted: number }>(
      `SELECT coalesce(d.day, r.day)::text AS day, coalesce(d.drug_class, r.drug_class) AS "drugClass",
              coalesce(d.n, 0)::int AS n, coalesce(r.counted, 0)::int AS counted
         FROM (SELECT day, drug_class, n FROM drug_sale_daily WHERE township_code = $1) d
         FULL JOIN (SELECT sold_on AS day, drug_class, count(*) AS counted FROM drug_sale_registrations
                     WHERE township_code = $1 GROUP BY 1, 2) r ON r.day = d.day AND r.drug_class = d.drug_class
        ORDER BY 1, 2`,
      [township],
    );
    for (const r of rows) assert.equal(r.n, r.counted, `${r.day} ${r.drugClass}: rollup ${r.n}, rows ${r.counted}`);
    return rows.reduce((s, r) => s + r.counted, 0);
  }

  before(async () => {
    app = await startTestApp({ env: { DRUG_ACCESS_RATE_LIMIT_PER_MINUTE: '1000' } });
    chief = await loginAs(app, 's01.chief');
    entityId = await makePharmacyEntity(app.testDb.db, { name: '并发大药房', regionCode: `${township}001` });
    await registerPharmacy(chief, entityId);
    const issued = await chief.post<TPharmacyCode>('/api/v1/drugs/pharmacy-codes', { entityId });
    assert.equal(issued.status, 200);
    code = issued.body.code;
  });
  after(() => app.close());

  test('the same sale submitted ten times at once: ten registrations, and the rollup counts exactly those', async () => {
    const res = await Promise.all(Array.from({ length: 10 }, () => register(code, drugs[0]!)));
    assert.deepEqual(
      res.map((r) => r.status),
      res.map(() => 200),
      JSON.stringify(res.filter((r) => r.status !== 200).map((r) => r.body)),
    );
    assert.equal(await rollupAgainstRows(), 10);
  });

  test('two POS files touching the same days and classes in opposite orders, with phone registrations: no deadlock', async () => {
    const lines = [];
    for (let d = 0; d < 5; d++)
      for (const drug of drugs) lines.push(`${addDays(today, -d)},${drug},1,李四,${goodId},13900139000,37.2`);
    const forward = [header, ...lines].join('\n');
    const backward = [header, ...[...lines].reverse()].join('\n');
    // Other key sets group in another order unless the rollup takes its row locks in key order.
    const odd = [header, ...lines.filter((_, i) => i % 3 !== 1).reverse()].join('\n');
    const even = [header, ...lines.filter((_, i) => i % 2 === 0)].join('\n');
    const oddRows = lines.filter((_, i) => i % 3 !== 1).length;
    const evenRows = lines.filter((_, i) => i % 2 === 0).length;
    const before = await rollupAgainstRows();
    for (let round = 0; round < 3; round++) {
      const res = await Promise.all([
        upload(forward),
        upload(backward),
        upload(forward),
        upload(odd),
        upload(even),
        ...drugs.map((d) => register(code, d)),
      ]);
      for (const r of res) assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    assert.equal(await rollupAgainstRows(), before + 3 * (3 * lines.length + oddRows + evenRows + drugs.length));
  });

  test('a code issued twice at once while the old one is in use: one new code works, no 500, rollup exact', async () => {
    const old = code;
    const [a, b, ...sales] = await Promise.all([
      chief.post<TPharmacyCode>('/api/v1/drugs/pharmacy-codes', { entityId }),
      chief.post<TPharmacyCode>('/api/v1/drugs/pharmacy-codes', { entityId }),
      ...Array.from({ length: 6 }, () => register(old, drugs[1]!)),
    ]);
    assert.deepEqual([a!.status, b!.status], [200, 200]);
    for (const s of sales) assert.ok([200, 422].includes(s.status), JSON.stringify(s.body));
    const opens = await Promise.all(
      [a!.body.code, b!.body.code].map((c) => post('/public/drug-sales/access', { accessCode: c })),
    );
    assert.deepEqual(opens.map((o) => o.status).sort(), [200, 422]);
    code = [a!.body.code, b!.body.code][opens.findIndex((o) => o.status === 200)]!;
    assert.equal((await register(old, drugs[1]!)).status, 422);
    await rollupAgainstRows();
  });
});
