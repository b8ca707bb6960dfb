import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TFoodImportResult } from '../../contracts/food.ts';
import type { TPassRates, TPublicSample, TSampleDetail, TSamplingPlan } from '../../contracts/food-sampling.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import { makeUscc } from '../../domain/uscc.ts';

type Problem = { errors: { path: string; message: string }[]; detail: string };
let seq = 0;

async function xlsx(headers: string[], rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('检验结果');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const header = [
  '抽样单编号',
  '检验日期',
  '报告编号',
  '检验项目',
  '项目类别',
  '检测值',
  '标准限值',
  '判定依据',
  '单项结论',
];

const passItem = {
  itemName: '铅（以 Pb 计）',
  hazard: 'heavyMetal',
  value: '0.05 mg/kg',
  limit: '≤0.2 mg/kg',
  standard: 'GB 2762-2022',
  conclusion: 'pass',
};
const failItem = {
  itemName: '菌落总数',
  hazard: 'microbe',
  value: '8.6×10⁵ CFU/g',
  limit: '≤10⁵ CFU/g',
  standard: 'GB 7099-2015',
  conclusion: 'fail',
};

describe('food sampling: plans, clocks by working days, results and import, 不合格 consequences, 复检, pass rates', () => {
  let app: TestApp;
  let chief: ApiClient;
  let otherChief: ApiClient;
  let hotline: ApiClient;
  let business = 0;
  let stationId = 0;
  let plan: TSamplingPlan;

  async function insertBusiness(station: string): Promise<{ id: number; stationId: number }> {
    seq++;
    const uscc = makeUscc(
      '92',
      '440605',
      `G${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
    );
    const [e] = await app.testDb.db.query<{ id: number; stationId: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'individualBusiness', $2, ''::tsvector, id, '2020-01-01' FROM org_units WHERE code = $3
       RETURNING id, station_id AS "stationId"`,
      [uscc, `抽检测试${seq}号超市`, station],
    );
    const [b] = await app.testDb.db.query<{ id: number }>(
      'INSERT INTO food_businesses (entity_id, station_id) VALUES ($1, $2) RETURNING id',
      [e!.id, e!.stationId],
    );
    return { id: b!.id, stationId: e!.stationId };
  }

  const newSample = (over: Record<string, unknown> = {}) =>
    chief.post<TSampleDetail>('/api/v1/food/sampling/samples', {
      planId: plan.id,
      businessId: business,
      stage: 'circulation',
      foodCategory: 'meat',
      foodName: '酱卤肉',
      batchNo: '20260925A',
      producerName: '崇左某肉制品有限公司',
      producerUscc: '91451400MA5K000000',
      producedOn: '2026-09-20',
      quantity: '2 kg',
      samplers: ['张三', '李四'],
      sampledOn: '2026-09-30',
      labName: '崇左市食品药品检验所',
      ...over,
    });

  async function testedFail(sampledOn = '2026-09-18') {
    const s = (await newSample({ sampledOn, producedOn: '2026-09-01' })).body;
    const d = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${s.id}/deliver`, {
      version: s.version,
      deliveredOn: sampledOn,
    });
    const r = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${s.id}/result`, {
      version: d.body.version,
      testedOn: '2026-09-24',
      reportNo: 'BG-1',
      items: [passItem, failItem],
    });
    assert.equal(r.status, 200);
    return r.body;
  }

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    otherChief = await loginAs(app, 's02.chief');
    hotline = await loginAs(app, 'hotline');
    const b = await insertBusiness('s01');
    business = b.id;
    stationId = b.stationId;
  });
  after(() => app.close());

  test('a plan per station and period; a bad plan is a 422 naming the field', async () => {
    const bad = await chief.post<Problem>('/api/v1/food/sampling/plans', {
      stationId,
      name: '2026 年肉制品抽检',
      foodCategory: 'meat',
      hazards: ['microbe'],
      periodStart: '2026-12-31',
      periodEnd: '2026-01-01',
      targetBatches: 40,
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]!.path, 'periodEnd');
    const res = await chief.post<TSamplingPlan>('/api/v1/food/sampling/plans', {
      stationId,
      name: '2026 年肉制品抽检',
      foodCategory: 'meat',
      hazards: ['microbe', 'vetDrug', 'additive'],
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      targetBatches: 40,
    });
    assert.equal(res.status, 200);
    plan = res.body;
    assert.equal(plan.sampledBatches, 0);
    const other = await otherChief.post<Problem>('/api/v1/food/sampling/plans', { ...res.body, id: undefined });
    assert.equal(other.status, 403);
  });

  test('sampling: two samplers, dates checked; delivery due 5 working days later by the calendar (国庆 skipped)', async () => {
    const one = (await newSample({ samplers: ['张三'] })) as unknown as { status: number; body: Problem };
    assert.equal(one.status, 422);
    assert.equal(one.body.errors[0]!.path, 'samplers');
    const late = (await newSample({ producedOn: '2026-10-01' })) as unknown as { status: number; body: Problem };
    assert.equal(late.status, 422);
    assert.equal(late.body.errors[0]!.path, 'producedOn');
    const res = await newSample();
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'sampled');
    assert.match(res.body.sampleNo, /^CJ\d{8}$/);
    // 2026-09-30 + 5 working days: 10-01…10-07 are the National Day holiday, 10-08, 10-09, 10-10 (调休), 10-12, 10-13.
    assert.equal(res.body.deliveryDueOn, '2026-10-13');
    assert.deepEqual(res.body.clock, { kind: 'delivery', dueOn: '2026-10-13', overdue: true });
    const early = await chief.post<Problem>(`/api/v1/food/sampling/samples/${res.body.id}/deliver`, {
      version: res.body.version,
      deliveredOn: '2026-09-29',
    });
    assert.equal(early.status, 422);
    assert.equal(early.body.errors[0]!.path, 'deliveredOn');
    const d = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${res.body.id}/deliver`, {
      version: res.body.version,
      deliveredOn: '2026-10-09',
    });
    assert.equal(d.status, 200);
    assert.equal(d.body.status, 'delivered');
    assert.equal(d.body.resultDueOn, '2026-11-05'); // 20 working days after receipt
    const stale = await chief.post(`/api/v1/food/sampling/samples/${res.body.id}/deliver`, {
      version: res.body.version,
      deliveredOn: '2026-10-09',
    });
    assert.equal(stale.status, 409);
    // A 合格 result closes the sample; items keep value, limit and the standard cited.
    const r = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${res.body.id}/result`, {
      version: d.body.version,
      testedOn: '2026-10-20',
      items: [passItem],
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'closed');
    assert.equal(r.body.conclusion, 'pass');
    assert.equal(r.body.items[0]!.standard, 'GB 2762-2022');
    assert.deepEqual(
      r.body.events.map((e) => e.action),
      ['sample', 'deliver', 'result', 'close'],
    );
    const audit = await app.testDb.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'foodSample' AND target_id = $1 ORDER BY id`,
      [String(res.body.id)],
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['foodSample.sample', 'foodSample.deliver', 'foodSample.result', 'foodSample.close'],
    );
  });

  test('不合格: notice, 复检 window of 7 working days (after → 422 on requestedOn), case lead, 核查处置 clock in the inbox', async () => {
    const s = await testedFail();
    assert.equal(s.status, 'tested');
    assert.equal(s.conclusion, 'fail');
    const n = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${s.id}/notify`, {
      version: s.version,
      noticeNo: '崇市监食抽通〔2026〕1号',
      notifiedOn: '2026-09-25',
    });
    assert.equal(n.status, 200);
    assert.equal(n.body.status, 'notified');
    assert.equal(n.body.retestDueOn, '2026-10-12'); // 7 working days, the holiday skipped
    assert.equal(n.body.disposalDueOn, '2026-12-24'); // 90 days
    assert.match(n.body.caseLeadRef ?? '', /^AY\d{8}$/);
    const [lead] = await app.testDb.db.query<{ source_type: string; entity_id: number }>(
      `SELECT source_type, entity_id FROM case_leads WHERE source_ref = $1`,
      [`FS${s.id}`],
    );
    assert.equal(lead!.source_type, 'sampling');
    const pdf = await fetch(`${app.baseUrl}/api/v1/food/sampling/samples/${s.id}/notice.pdf`, {
      headers: { cookie: chief.cookie },
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    assert.equal(
      (await chief.get(`/api/v1/food/sampling/samples/${s.id}/notice.pdf`.replace(String(s.id), String(s.id + 100000))))
        .status,
      404,
    );
    const tooLate = await chief.post<Problem>(`/api/v1/food/sampling/samples/${s.id}/retest-request`, {
      version: n.body.version,
      requestedOn: '2026-10-13',
      retestLab: '广西壮族自治区食品药品检验所',
    });
    assert.equal(tooLate.status, 422);
    assert.equal(tooLate.body.errors[0]!.path, 'requestedOn');
    assert.match(tooLate.body.detail, /复检申请已超过期限/);
    const req = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${s.id}/retest-request`, {
      version: n.body.version,
      requestedOn: '2026-10-12',
      retestLab: '广西壮族自治区食品药品检验所',
    });
    assert.equal(req.status, 200);
    assert.equal(req.body.status, 'retestRequested');
    // Not final while the 复检 runs: no publication yet.
    const early = await chief.post<Problem>(`/api/v1/food/sampling/samples/${s.id}/publish`, {
      version: req.body.version,
    });
    assert.equal(early.status, 422);
    assert.equal(early.body.errors[0]!.path, 'status');
    // The clocks in the inbox: an undelivered sample is overdue for delivery; the 核查处置 is due by 12-24.
    const waiting = (await newSample()).body;
    const inbox = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    const all = [...inbox.groups.overdue, ...inbox.groups.dueToday, ...inbox.groups.dueWeek];
    assert.ok(all.some((i) => i.module === 'food-sampling' && i.kind === 'samplingDelivery' && i.id === waiting.id));
    const [{ n: disposal }] = (await app.testDb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM food_samples WHERE id = $1 AND disposal_due_on = '2026-12-24'
          AND status IN ('notified', 'retestRequested', 'retested')`,
      [s.id],
    )) as [{ n: number }];
    assert.equal(disposal, 1);
    const rt = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${s.id}/retest`, {
      version: req.body.version,
      testedOn: '2026-10-20',
      items: [failItem],
    });
    assert.equal(rt.body.retestConclusion, 'fail');
    const h = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${s.id}/handle`, {
      version: rt.body.version,
      handledOn: '2026-11-02',
      note: '责令下架召回，立案调查',
    });
    assert.equal(h.body.status, 'handled');
    assert.equal(h.body.clock, null);
    const again = await chief.post<Problem>(`/api/v1/food/sampling/samples/${s.id}/handle`, {
      version: h.body.version,
      handledOn: '2026-11-02',
      note: 'x',
    });
    assert.equal(again.status, 409);
    const pub = await chief.post<TSampleDetail>(`/api/v1/food/sampling/samples/${s.id}/publish`, {
      version: h.body.version,
    });
    assert.equal(pub.status, 200);
    const list = await fetch(`${app.baseUrl}/api/v1/public/food/sampling-results?conclusion=fail`);
    const body = (await list.json()) as { items: TPublicSample[] };
    const mineOnPortal = body.items.find((i) => i.sampleNo === s.sampleNo)!;
    assert.equal(mineOnPortal.producerName, '崇左某肉制品有限公司');
    assert.deepEqual(
      mineOnPortal.failedItems.map((i) => i.standard),
      ['GB 7099-2015'],
    );
  });

  test('result import: every bad row reported and nothing stored; then all rows at once', async () => {
    const a = (await newSample({ sampledOn: '2026-11-02', producedOn: '2026-10-20' })).body;
    const b = (await newSample({ sampledOn: '2026-11-02', producedOn: '2026-10-20' })).body;
    const notDelivered = (await newSample({ sampledOn: '2026-11-02', producedOn: '2026-10-20' })).body;
    for (const s of [a, b])
      await chief.post(`/api/v1/food/sampling/samples/${s.id}/deliver`, {
        version: s.version,
        deliveredOn: '2026-11-03',
      });
    const upload = async (bytes: Uint8Array, as: ApiClient = chief) => {
      const form = new FormData();
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'results.xlsx');
      const res = await fetch(`${as.baseUrl}/api/v1/food/sampling/imports/results`, {
        method: 'POST',
        body: form,
        headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
      });
      return { status: res.status, body: (await res.json()) as TFoodImportResult };
    };
    const bad = await xlsx(header, [
      [a.sampleNo, '2026-11-10', 'BG-2', '苯甲酸', '食品添加剂', '未检出', '≤0.5 g/kg', 'GB 2760-2014', '合格'],
      [b.sampleNo, '2026-11-10', 'BG-3', '亚硝酸盐', '添加剂', '12 mg/kg', '≤30 mg/kg', 'GB 2760-2014', '合格'],
      [notDelivered.sampleNo, '2026-11-10', '', '铅', '重金属', '0.01', '≤0.2', 'GB 2762-2022', '合格'],
      ['CJ99999999', '2026-11-10', '', '铅', '重金属', '0.01', '≤0.2', 'GB 2762-2022', '合格'],
      [b.sampleNo, '2026-11-01', '', '铅', '重金属', '0.01', '≤0.2', 'GB 2762-2022', '可以'],
    ]);
    const r1 = await upload(bad);
    assert.equal(r1.status, 200);
    assert.equal(r1.body.imported, 0);
    assert.deepEqual(
      r1.body.errors.map((e) => `${e.row}:${e.column}`),
      ['3:项目类别', '4:抽样单编号', '5:抽样单编号', '6:检验日期', '6:单项结论'],
    );
    const [{ n }] = (await app.testDb.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM food_sample_items WHERE sample_id = ANY($1::bigint[])',
      [[a.id, b.id]],
    )) as [{ n: number }];
    assert.equal(n, 0);
    const foreign = await upload(
      await xlsx(header, [[a.sampleNo, '2026-11-10', '', '铅', '重金属', '0.01', '≤0.2', 'GB 2762-2022', '合格']]),
      otherChief,
    );
    assert.equal(foreign.body.errors[0]!.reason, '抽样单不存在或不在本人数据范围内');
    const good = await xlsx(header, [
      [a.sampleNo, '2026-11-10', 'BG-2', '苯甲酸', '食品添加剂', '未检出', '≤0.5 g/kg', 'GB 2760-2014', '合格'],
      [a.sampleNo, '2026-11-10', 'BG-2', '铅', '重金属', '0.01 mg/kg', '≤0.2 mg/kg', 'GB 2762-2022', '合格'],
      [b.sampleNo, '2026-11-10', 'BG-3', '亚硝酸盐', '食品添加剂', '45 mg/kg', '≤30 mg/kg', 'GB 2760-2014', '不合格'],
    ]);
    const r2 = await upload(good);
    assert.deepEqual(r2.body, { total: 3, imported: 3, errors: [] });
    const da = (await chief.get<TSampleDetail>(`/api/v1/food/sampling/samples/${a.id}`)).body;
    const db = (await chief.get<TSampleDetail>(`/api/v1/food/sampling/samples/${b.id}`)).body;
    assert.equal(da.status, 'closed');
    assert.equal(da.items.length, 2);
    assert.equal(db.status, 'tested');
    assert.equal(db.conclusion, 'fail');
  });

  test('pass rates by category and month agree with counts written separately', async () => {
    const res = await chief.get<TPassRates>('/api/v1/food/sampling/pass-rates?from=2026-01-01&to=2026-12-31');
    assert.equal(res.status, 200);
    const rows = await app.testDb.db.query<{ tested: number; passed: number }>(
      `SELECT count(*)::int AS tested, sum(CASE WHEN coalesce(retest_conclusion, conclusion) = 'pass' THEN 1 ELSE 0 END)::int AS passed
         FROM food_samples WHERE conclusion IS NOT NULL AND station_id = $1
          AND sampled_on >= '2026-01-01' AND sampled_on <= '2026-12-31'`,
      [stationId],
    );
    assert.equal(res.body.total.tested, rows[0]!.tested);
    assert.equal(res.body.total.passed, rows[0]!.passed);
    // This test file's own samples: 09 one 合格 + 0, 09-18 one 不合格 (复检 不合格), 11 one 合格 and one 不合格.
    const sep = res.body.rows.find((r) => r.month === '2026-09' && r.foodCategory === 'meat')!;
    assert.deepEqual([sep.tested, sep.passed, sep.failed], [2, 1, 1]);
    assert.equal(sep.passRate, 50);
    const other = await otherChief.get<TPassRates>('/api/v1/food/sampling/pass-rates?from=2026-01-01&to=2026-12-31');
    assert.equal(other.body.total.tested, 0);
  });

  test('access: another station answers 404, a user without food permissions 403', async () => {
    const s = (await newSample()).body;
    assert.equal((await otherChief.get(`/api/v1/food/sampling/samples/${s.id}`)).status, 404);
    assert.equal(
      (
        await otherChief.post(`/api/v1/food/sampling/samples/${s.id}/deliver`, {
          version: s.version,
          deliveredOn: '2026-10-09',
        })
      ).status,
      404,
    );
    assert.equal((await hotline.get('/api/v1/food/sampling/samples')).status, 403);
    assert.equal((await hotline.get(`/api/v1/food/sampling/samples/${s.id}`)).status, 403);
    const others = (await otherChief.get<{ items: { id: number }[] }>('/api/v1/food/sampling/samples?limit=200')).body;
    assert.ok(!others.items.some((i) => i.id === s.id));
    const planOther = await otherChief.get(`/api/v1/food/sampling/plans/${plan.id}`);
    assert.equal(planOther.status, 404);
  });
});
