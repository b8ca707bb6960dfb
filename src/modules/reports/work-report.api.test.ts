import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { pdfTextFlat } from '../../../tests/helpers/pdf-text.ts';
import { insertEntities } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { zipEntries } from '../../../tests/helpers/zip-entries.ts';
import type { TWorkReport } from '../../contracts/reports.ts';
import { loadDemoCases } from '../../demo/demo-cases.ts';
import { loadDemoComplaints } from '../../demo/demo-complaints.ts';
import { loadDemoCredit } from '../../demo/demo-credit-repo.ts';
import { loadDemoSpotChecks } from '../../demo/demo-spot-checks.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { resultCategories } from '../../domain/spot-check-workflow.ts';
import { yearEarlier } from './period.ts';

const today = shanghaiToday();
const year = today.slice(0, 4);
const from = `${year}-01-01`;
const lastYear = String(Number(year) - 1);

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

describe('工作总结: figures equal direct counts, PDF and DOCX, bad input', () => {
  let app: TestApp;
  let leader: ApiClient;
  let chief: ApiClient;
  let s01: number;
  let s02: number;

  const one = async (sql: string, params: unknown[] = []) =>
    Number(Object.values((await app.services.db.query<Record<string, unknown>>(sql, params))[0] ?? {})[0] ?? 0);

  before(async () => {
    app = await startTestApp();
    const admin = await loginAs(app, 'admin');
    leader = await loginAs(app, 'leader');
    chief = await loginAs(app, 's01.chief');
    const db = app.services.db;
    const units = await db.query<{ id: number; code: string }>(
      `SELECT id, code FROM org_units WHERE code IN ('s01', 's02')`,
    );
    s01 = units.find((u) => u.code === 's01')!.id;
    s02 = units.find((u) => u.code === 's02')!.id;
    for (const code of ['s01', 's02', 's03']) await insertEntities(db, { count: 20, stationCode: code });
    // New registrations this year and last year, of every type, in two stations.
    const types = ['enterprise', 'individualBusiness', 'farmerCooperative'] as const;
    for (const [i, stationId] of [s01, s01, s02, s01, s02, s02, s01].entries()) {
      const type = types[i % 3]!;
      await admin.post(
        '/api/v1/entities',
        makeEntity({ type, stationId, establishedOn: `${year}-01-0${(i % 5) + 1}` }),
      );
      await admin.post(
        '/api/v1/entities',
        makeEntity({ type, stationId, establishedOn: `${lastYear}-01-0${(i % 5) + 1}` }),
      );
    }
    await loadDemoComplaints(db, { perYear: 120, years: 2, today });
    await loadDemoCredit(db, today);
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_violation_types');
    if (n === 0)
      await db.query(
        `INSERT INTO case_violation_types (code, area, name, legal_basis, penalty_basis, involves_safety, sort_order)
         VALUES ('T-PRICE', 'pricing', '不明码标价', '《价格法》第十三条', '《价格法》第四十二条', false, 1)`,
      );
    await loadDemoCases(db, { today });
    await loadDemoSpotChecks(db, { calendar: app.services.calendar.calendar, files: app.services.files });
  });
  after(() => app.close());

  async function report(client: ApiClient, query: string): Promise<TWorkReport> {
    const res = await client.get<TWorkReport>(`/api/v1/reports/work?${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  /** The direct counts, written apart from the providers' SQL: one simple query per figure. */
  async function direct(f: string, t: string, stations: number[] | null) {
    const st = (col: string) => (stations ? ` AND ${col} = ANY($3::bigint[])` : ' AND $3::bigint[] IS NULL');
    const p = [f, t, stations];
    const ever = (to: string) =>
      `(SELECT count(DISTINCT ev.complaint_id) FROM complaint_events ev JOIN complaints c ON c.id = ev.complaint_id
         WHERE ev.to_status = '${to}' AND c.received_on BETWEEN $1 AND $2${st('c.station_id')})`;
    const problems = resultCategories
      .filter((c) => c.problem)
      .map((c) => `'${c.code}'`)
      .join(',');
    return {
      'entities.total': await one(
        `SELECT count(*) FROM entities WHERE established_on <= $2 AND status IN ('active', 'suspended') AND $1::date IS NOT NULL${st('station_id')}`,
        p,
      ),
      'entities.newTotal': await one(
        `SELECT count(*) FROM entities WHERE established_on BETWEEN $1 AND $2${st('station_id')}`,
        p,
      ),
      'entities.newIndividual': await one(
        `SELECT count(*) FROM entities WHERE type = 'individualBusiness' AND established_on BETWEEN $1 AND $2${st('station_id')}`,
        p,
      ),
      'complaints.items': await one(
        `SELECT count(*) FROM complaints WHERE received_on BETWEEN $1 AND $2${st('station_id')}`,
        p,
      ),
      'complaints.mediated': await one(`SELECT ${ever('mediationSucceeded')}`, p),
      'complaints.recovered': await one(
        `SELECT coalesce(sum(recovered_fen), 0) FROM complaints WHERE received_on BETWEEN $1 AND $2${st('station_id')}`,
        p,
      ),
      accepted: await one(`SELECT ${ever('accepted')}`, p),
      rejected: await one(`SELECT ${ever('rejected')}`, p),
      'spot-checks.inspected': await one(
        `SELECT count(*) FROM spot_check_visits WHERE inspected_on BETWEEN $1 AND $2 AND status <> 'assigned'${st('station_id')}`,
        p,
      ),
      'spot-checks.withProblem': await one(
        `SELECT count(DISTINCT v.id) FROM spot_check_visits v JOIN spot_check_results r ON r.visit_id = v.id
          WHERE v.inspected_on BETWEEN $1 AND $2 AND v.status <> 'assigned' AND r.category IN (${problems})${st('v.station_id')}`,
        p,
      ),
      'credit.abnormalListed': await one(
        `SELECT count(*) FROM credit_listings WHERE list = 'abnormal' AND status IN ('listed', 'removed') AND listed_on BETWEEN $1 AND $2${st('station_id')}`,
        p,
      ),
      'cases.filed': await one(`SELECT count(*) FROM cases WHERE filed_on BETWEEN $1 AND $2${st('station_id')}`, p),
      'cases.decided': await one(`SELECT count(*) FROM cases WHERE decided_on BETWEEN $1 AND $2${st('station_id')}`, p),
      'cases.fines': await one(
        `SELECT coalesce(sum(p.amount_fen), 0) FROM case_penalties p JOIN cases c ON c.id = p.case_id
          WHERE p.kind = 'fine' AND c.decided_on BETWEEN $1 AND $2${st('c.station_id')}`,
        p,
      ),
    };
  }

  function assertMatches(r: TWorkReport, d: Record<string, number>, field: 'value' | 'previous') {
    const fig = (key: string) => r.figures.find((f) => f.key === key)!;
    for (const [key, expected] of Object.entries(d)) {
      if (key === 'accepted' || key === 'rejected') continue;
      assert.equal(fig(key)[field], expected, `${key} (${field})`);
    }
    const rate =
      d.accepted! + d.rejected! > 0 ? Math.round((d.accepted! / (d.accepted! + d.rejected!)) * 1000) / 10 : null;
    assert.equal(fig('complaints.acceptanceRate')[field], rate, `acceptance rate (${field})`);
  }

  test('the district: every figure equals its direct count, this year and the year before', async () => {
    const r = await report(leader, `from=${from}&to=${today}`);
    assert.equal(r.previousFrom, `${lastYear}-01-01`);
    assert.equal(r.previousTo, yearEarlier(today));
    const now = await direct(from, today, null);
    assert.ok(
      now['entities.newTotal']! >= 7 && now['complaints.items']! > 0 && now['cases.decided']! > 0,
      JSON.stringify(now),
    );
    assertMatches(r, now, 'value');
    assertMatches(r, await direct(r.previousFrom, r.previousTo, null), 'previous');
    const items = r.figures.find((f) => f.key === 'complaints.items')!;
    if (items.previous)
      assert.equal(items.change, Math.round(((items.value! - items.previous) / items.previous) * 1000) / 10);
    assert.match(items.query, /FROM complaints c/);
    assert.match(r.narrative[0]!.text, new RegExp(`实有市场主体${now['entities.total']}户`));
    assert.ok(r.narrative.some((p) => p.text.includes(`受理登记12315诉求${now['complaints.items']}件`)));
  });

  test("a station chief's report covers their station only; another station is out of reach", async () => {
    const r = await report(chief, `from=${from}&to=${today}`);
    assert.equal(r.unit.id, s01);
    assertMatches(r, await direct(from, today, [s01]), 'value');
    assert.deepEqual((await report(chief, `from=${from}&to=${today}&unitId=${s01}`)).figures, r.figures);
    const other = await chief.get<Problem>(`/api/v1/reports/work?from=${from}&to=${today}&unitId=${s02}`);
    assert.equal(other.status, 404);
    const inspector = await loginAs(app, 's01.inspector');
    assert.equal((await inspector.get<Problem>(`/api/v1/reports/work?from=${from}&to=${today}`)).status, 403);
  });

  test('bad input: end before start, a bad date, an unknown unit', async () => {
    const res = await leader.get<Problem>(`/api/v1/reports/work?from=${today}&to=${lastYear}-01-01`);
    // The house's validation status (VALIDATION → 422 problem+json), as every other endpoint answers.
    assert.equal(res.status, 422);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual(
      res.body.errors?.map((e) => e.path),
      ['to'],
    );
    assert.match(res.body.errors![0]!.message, /结束日期不能早于开始日期/);
    const pdf = await leader.get<Problem>(`/api/v1/reports/work/pdf?from=${today}&to=${lastYear}-01-01`);
    assert.equal(pdf.status, 422);
    assert.equal((await leader.get<Problem>(`/api/v1/reports/work?from=${year}-02-30&to=${today}`)).status, 422);
    assert.equal(
      (await leader.get<Problem>(`/api/v1/reports/work?from=${from}&to=${today}&unitId=999999`)).status,
      404,
    );
  });

  test('PDF and DOCX: the figures, the charts and the appendix', async () => {
    const previewStarted = performance.now();
    const r = await report(leader, `from=${from}&to=${today}`);
    const previewMs = performance.now() - previewStarted;
    const total = r.figures.find((f) => f.key === 'entities.total')!.value;
    let started = performance.now();
    const pdfRes = await fetch(`${app.baseUrl}/api/v1/reports/work/pdf?from=${from}&to=${today}`, {
      headers: { cookie: leader.cookie },
    });
    const pdfMs = performance.now() - started;
    assert.equal(pdfRes.status, 200);
    assert.equal(pdfRes.headers.get('content-type'), 'application/pdf');
    assert.match(
      pdfRes.headers.get('content-disposition') ?? '',
      /filename\*=UTF-8''.*%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93/,
    );
    const pdf = Buffer.from(await pdfRes.arrayBuffer());
    const text = pdfTextFlat(pdf);
    assert.ok(text.includes(`实有市场主体${total}户`), 'the entity count in the narrative');
    assert.ok(text.includes('附录：指标数据来源'), 'the appendix');
    assert.ok(text.includes('FROM complaints c'), 'the queries in the appendix');
    assert.ok(text.includes('上年同期'), 'the charts’ legends');
    started = performance.now();
    const docxRes = await fetch(`${app.baseUrl}/api/v1/reports/work/docx?from=${from}&to=${today}`, {
      headers: { cookie: leader.cookie },
    });
    const docxMs = performance.now() - started;
    assert.equal(docxRes.status, 200);
    const entries = zipEntries(Buffer.from(await docxRes.arrayBuffer()));
    const xml = entries.get('word/document.xml')!.toString('utf8');
    assert.ok(xml.includes(`实有市场主体${total}户`));
    const media = [...entries.keys()].filter((k) => k.startsWith('word/media/'));
    assert.ok(media.some((k) => k.endsWith('.svg')) && media.some((k) => k.endsWith('.png')), media.join());
    console.log(
      `work report: preview (JSON) ${previewMs.toFixed(0)} ms, PDF ${pdf.length} bytes in ${pdfMs.toFixed(0)} ms, DOCX in ${docxMs.toFixed(0)} ms`,
    );
  });
});
