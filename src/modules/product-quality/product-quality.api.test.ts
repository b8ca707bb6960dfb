import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TFoodImportResult } from '../../contracts/food.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import type {
  TCccCertificate,
  TCccExemption,
  TProductPassRates,
  TProductSample,
  TProductSampleDetail,
  TProductSettings,
} from '../../contracts/product-quality.ts';
import { addCalendarDays } from '../../domain/sampling.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';

type Problem = { errors: { path: string; message: string }[]; detail: string };
const today = shanghaiToday();
const daysAgo = (n: number) => addCalendarDays(today, -n);
const failItem = { itemName: '输入功率和电流', value: '超出 +15%', standard: 'GB 4706.1-2005', conclusion: 'fail' };
const passItem = { itemName: '标志和说明', value: '符合', standard: 'GB 4706.1-2005', conclusion: 'pass' };

describe('product quality: samples, import, 异议/复检 window, notice, 整改 with case lead and follow-up, 3C', () => {
  let app: TestApp;
  let chief: ApiClient;
  let admin: ApiClient;
  let entityId = 0;
  let stationId = 0;

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    admin = await loginAs(app, 'admin');
    const [e] = await app.testDb.db.query<{ id: number; stationId: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'enterprise', '抽查测试电器有限公司', ''::tsvector, id, '2020-01-01' FROM org_units WHERE code = 's01'
       RETURNING id, station_id AS "stationId"`,
      [makeUscc('91', '440605', `P${String(process.pid % 1000).padStart(3, '0')}0001`)],
    );
    entityId = e!.id;
    stationId = e!.stationId;
  });
  after(() => app.close());

  const newSample = (over: Record<string, unknown> = {}) =>
    chief.post<TProductSampleDetail>('/api/v1/product/quality/samples', {
      entityId,
      partyRole: 'producer',
      categoryCode: 'electrical',
      productName: '电热水壶',
      model: 'SH-1500',
      batchNo: '2026A',
      sampledOn: daysAgo(40),
      labName: '省产品质量监督检验研究院',
      ...over,
    });

  async function failed(receivedDaysAgo: number) {
    const s = (await newSample()).body;
    const r = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/result`, {
      version: s.version,
      testedOn: daysAgo(30),
      reportNo: 'BG-1',
      items: [passItem, failItem],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.status, 'tested');
    const n = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/notify`, {
      version: r.body.version,
      receivedOn: daysAgo(receivedDaysAgo),
    });
    assert.equal(n.status, 200, JSON.stringify(n.body));
    return n.body;
  }

  test('a passed result closes; a future result date is a 422 naming the field and changes nothing', async () => {
    const s = (await newSample()).body;
    const future = await chief.post<Problem>(`/api/v1/product/quality/samples/${s.id}/result`, {
      version: s.version,
      testedOn: addCalendarDays(today, 1),
      items: [passItem],
    });
    assert.equal(future.status, 422);
    assert.equal(future.body.errors[0]!.path, 'testedOn');
    const badStd = await chief.post<Problem>(`/api/v1/product/quality/samples/${s.id}/result`, {
      version: s.version,
      testedOn: daysAgo(1),
      items: [{ ...passItem, standard: '国标' }],
    });
    assert.equal(badStd.status, 422);
    assert.match(badStd.body.errors[0]!.path, /standard/);
    assert.equal(
      (await chief.get<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}`)).body.status,
      'sampled',
    );
    const ok = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/result`, {
      version: s.version,
      testedOn: daysAgo(1),
      items: [passItem],
    });
    assert.equal(ok.body.status, 'closed');
    assert.equal(ok.body.conclusion, 'pass');
  });

  test('不合格: numbered notice PDF; 复检 outside 15 days refused, inside accepted; failed again → 整改 → case lead; follow-up closes it', async () => {
    const late = await failed(20);
    assert.match(late.noticeNo!, /^产品抽查通〔\d{4}〕\d+号$/);
    assert.equal(late.objectionDueOn, daysAgo(5));
    const refused = await chief.post<Problem>(`/api/v1/product/quality/samples/${late.id}/retest-request`, {
      version: late.version,
      requestedOn: today,
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0]!.path, 'requestedOn');
    assert.match(refused.body.detail, /15 日/);
    const pdf = await chief.get<string>(`/api/v1/product/quality/samples/${late.id}/notice.pdf`);
    assert.equal(pdf.status, 200);

    const s = await failed(3);
    const req = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/retest-request`, {
      version: s.version,
      requestedOn: daysAgo(1),
    });
    assert.equal(req.body.status, 'retestRequested');
    const early = await chief.post<Problem>(`/api/v1/product/quality/samples/${s.id}/rectify`, {
      version: req.body.version,
      note: '停止销售并整改',
    });
    assert.equal(early.status, 409);
    const rt = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/retest`, {
      version: req.body.version,
      testedOn: today,
      items: [failItem],
    });
    assert.equal(rt.body.status, 'retested');
    assert.equal(rt.body.retestConclusion, 'fail');
    const rect = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/rectify`, {
      version: rt.body.version,
      note: '停止销售并整改',
    });
    assert.equal(rect.status, 200, JSON.stringify(rect.body));
    assert.match(rect.body.caseLeadRef!, /^AY\d+/);
    const [lead] = await app.testDb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_leads WHERE source_type = 'sampling' AND source_ref = $1`,
      [`PS${s.id}`],
    );
    assert.equal(lead!.n, 1);
    const notYet = await chief.post<Problem>(`/api/v1/product/quality/samples/${s.id}/close`, {
      version: rect.body.version,
    });
    assert.equal(notYet.status, 422);
    const f = (await newSample({ followUpOf: s.id, sampledOn: today })).body;
    assert.equal(f.followUpOf, s.id);
    await chief.post(`/api/v1/product/quality/samples/${f.id}/result`, {
      version: f.version,
      testedOn: today,
      items: [passItem],
    });
    const closed = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.id}/close`, {
      version: rect.body.version,
    });
    assert.equal(closed.body.status, 'closed');
    assert.equal(closed.body.followUps[0]!.conclusion, 'pass');
    const audit = await app.testDb.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'productSample' AND target_id = $1 ORDER BY id`,
      [String(s.id)],
    );
    assert.deepEqual(
      audit.map((a) => a.action).filter((a) => a !== 'productSample.sample'),
      [
        'productSample.result',
        'productSample.notify',
        'productSample.requestRetest',
        'productSample.retest',
        'productSample.rectify',
        'productSample.close',
      ],
    );
  });

  test('lab import (CSV): every bad row reported and nothing imported; a good file records every result', async () => {
    const a = (await newSample()).body;
    const b = (await newSample()).body;
    const upload = async (text: string) => {
      const form = new FormData();
      form.append('file', new Blob([text]), 'results.csv');
      const res = await fetch(`${chief.baseUrl}/api/v1/product/quality/imports/results`, {
        method: 'POST',
        body: form,
        headers: { cookie: chief.cookie, 'x-csrf-token': chief.csrfToken },
      });
      return { status: res.status, body: (await res.json()) as TFoodImportResult };
    };
    const head = '抽查单编号,检验日期,报告编号,检验项目,检测结果,判定依据（标准号）,单项结论\n';
    const bad = await upload(
      `${head}${a.sampleNo},${daysAgo(2)},R1,标志,符合,GB 4706.1-2005,合格\n${b.sampleNo},${addCalendarDays(today, 3)},R2,标志,符合,GB 4706.1-2005,合格\nCC99999999,${daysAgo(2)},R3,标志,符合,国标,也许\n`,
    );
    assert.equal(bad.status, 200);
    assert.equal(bad.body.imported, 0);
    assert.deepEqual(
      bad.body.errors.map((e) => [e.row, e.column]),
      [
        [3, '检验日期'],
        [4, '抽查单编号'],
        [4, '判定依据（标准号）'],
        [4, '单项结论'],
      ],
    );
    assert.equal(
      (await chief.get<TProductSampleDetail>(`/api/v1/product/quality/samples/${a.id}`)).body.status,
      'sampled',
    );
    const good = await upload(
      `${head}${a.sampleNo},${daysAgo(2)},R1,标志,符合,GB 4706.1-2005,合格\n${b.sampleNo},${daysAgo(2)},R2,泄漏电流,0.9 mA,GB 4706.1-2005,不合格\n`,
    );
    assert.deepEqual(good.body, { total: 2, imported: 2, errors: [] });
    assert.equal(
      (await chief.get<TProductSampleDetail>(`/api/v1/product/quality/samples/${b.id}`)).body.status,
      'tested',
    );
  });

  test('pass rates by category, station and year; graded plan generator follows the grade intervals (data)', async () => {
    const rates = await chief.get<TProductPassRates>('/api/v1/product/quality/pass-rates?by=category');
    assert.equal(rates.status, 200);
    assert.ok(rates.body.total.tested >= 4);
    for (const by of ['station', 'year'])
      assert.equal((await chief.get(`/api/v1/product/quality/pass-rates?by=${by}`)).status, 200);
    const gen = await chief.post<{ created: number; skipped: number }>('/api/v1/product/quality/plans/generate', {
      stationId,
      year: 2028,
      targetBatches: 3,
    });
    // D: 2 categories × 4, C: 2 × 2, B: 4 × 1, A (every 2 years, 2028 even): 1 → 17.
    assert.deepEqual(gen.body, { created: 17, skipped: 0 });
    const again = await chief.post<{ created: number; skipped: number }>('/api/v1/product/quality/plans/generate', {
      stationId,
      year: 2028,
    });
    assert.deepEqual(again.body, { created: 0, skipped: 17 });
    // The shared plan list (keyset, year filter) and target change.
    const first = await chief.get<{ items: { id: number; targetBatches: number }[]; nextCursor: string | null }>(
      `/api/v1/product/quality/plans?year=2028&stationId=${stationId}&limit=10`,
    );
    assert.equal(first.body.items.length, 10);
    const rest = await chief.get<{ items: { id: number }[]; nextCursor: string | null }>(
      `/api/v1/product/quality/plans?year=2028&stationId=${stationId}&limit=10&cursor=${first.body.nextCursor}`,
    );
    assert.equal(rest.body.items.length, 7);
    assert.equal(rest.body.nextCursor, null);
    const target = await chief.patch<{ targetBatches: number }>(
      `/api/v1/product/quality/plans/${first.body.items[0]!.id}`,
      { targetBatches: 9 },
    );
    assert.equal(target.status, 200, JSON.stringify(target.body));
    assert.equal(target.body.targetBatches, 9);
    const denied = await chief.put('/api/v1/product/quality/grades/D', { intervalMonths: 6 });
    assert.equal(denied.status, 403);
    const set = await admin.put<TProductSettings>('/api/v1/product/quality/grades/D', { intervalMonths: 6 });
    assert.equal(set.body.grades.find((g) => g.grade === 'D')!.intervalMonths, 6);
    const odd = await chief.post<{ created: number }>('/api/v1/product/quality/plans/generate', {
      stationId,
      year: 2029,
    });
    assert.equal(odd.body.created, 2 * 2 + 2 * 2 + 4);
  });

  test('3C: certificate number format checked (422 naming the field); exemption schedules an after-check in the inbox', async () => {
    const body = { entityId, productName: '电视机', issuedOn: '2021-03-01', expiresOn: '2026-12-31' };
    for (const certificateNo of ['202101090112345', '2021000901123456', '2021019999123456', 'ABCD010901123456']) {
      const r = await chief.post<Problem>('/api/v1/product/quality/ccc/certificates', { ...body, certificateNo });
      assert.equal(r.status, 422, certificateNo);
      assert.equal(r.body.errors[0]!.path, 'certificateNo');
    }
    const ok = await chief.post<TCccCertificate>('/api/v1/product/quality/ccc/certificates', {
      ...body,
      certificateNo: '2021010901123456',
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.catalogueCode, '0901');
    const x = await chief.post<TCccExemption>('/api/v1/product/quality/ccc/exemptions', {
      entityId,
      approvalNo: '免办〔2026〕1号',
      catalogueCode: '0201',
      productName: '科研用插头插座',
      quantity: 20,
      reason: '科研测试用途',
      approvedOn: daysAgo(90),
    });
    assert.equal(x.status, 200, JSON.stringify(x.body));
    assert.equal(x.body.afterCheckDueOn, addCalendarDays(daysAgo(90), 90));
    const inbox = await chief.get<TInbox>('/api/v1/inbox');
    assert.ok(inbox.body.groups.dueToday.some((i) => i.module === 'product-quality' && i.id === x.body.id));
    const done = await chief.post<TCccExemption>(`/api/v1/product/quality/ccc/exemptions/${x.body.id}/after-check`, {
      version: x.body.version,
      checkedOn: today,
      result: 'compliant',
    });
    assert.equal(done.body.afterCheckResult, 'compliant');
  });
  test('samples export (XLSX): the list filters and reach, every row by keyset, audited; no permission is a 403', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await newSample({ productName: `导出测试水壶${i}` })).status, 200);
    const list = await chief.get<{ items: TProductSample[] }>(
      `/api/v1/product/quality/samples?status=sampled&q=${encodeURIComponent('导出测试')}&limit=200`,
    );
    assert.equal(list.body.items.length, 3);
    const res = await fetch(
      `${chief.baseUrl}/api/v1/product/quality/samples/export?status=sampled&q=${encodeURIComponent('导出测试')}`,
      { headers: { cookie: chief.cookie } },
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.getRow(1).getCell(1).value, '抽查单编号');
    assert.equal(sheet.rowCount, 1 + list.body.items.length);
    const numbers = new Set<unknown>();
    for (let r = 2; r <= sheet.rowCount; r++) numbers.add(sheet.getRow(r).getCell(1).value);
    assert.deepEqual(numbers, new Set(list.body.items.map((i) => i.sampleNo)));
    assert.equal(sheet.getRow(2).getCell(12).value, '已抽样待检验');

    const all = await fetch(`${chief.baseUrl}/api/v1/product/quality/samples/export`, {
      headers: { cookie: chief.cookie },
    });
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load(await all.arrayBuffer());
    const [{ n }] = (await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM product_samples')) as [
      { n: number },
    ];
    assert.ok(whole.worksheets[0]!.rowCount - 1 <= n);
    assert.ok(whole.worksheets[0]!.rowCount - 1 >= list.body.items.length + 1);

    await new Promise((r) => setTimeout(r, 200));
    const audit = await app.testDb.db.query<{ detail: { rowCount: number; complete: boolean } }>(
      `SELECT detail FROM audit_log WHERE action = 'productSample.export' ORDER BY id`,
    );
    assert.equal(audit.length, 2);
    assert.equal(audit[0]!.detail.rowCount, 3);
    assert.equal(audit[0]!.detail.complete, true);

    const hotline = await loginAs(app, 'hotline');
    const denied = await fetch(`${hotline.baseUrl}/api/v1/product/quality/samples/export`, {
      headers: { cookie: hotline.cookie },
    });
    assert.equal(denied.status, 403);
  });
});
