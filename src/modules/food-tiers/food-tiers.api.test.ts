import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TFoodTierRow } from '../../contracts/food-tiers.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import { assessFoodRisk, defaultFoodRiskModel } from '../../domain/food-risk-model.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';

const today = shanghaiToday();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const thisYear = Number(today.slice(0, 4));
const nextYear = thisYear + 1;
type Problem = { detail: string; errors: { path: string; message: string }[] };
type Detail = TFoodTierRow & { history: { tier: string; previousTier: string | null; modelVersion: number }[] };
type PlanResult = Record<'planned' | 'fullScope' | 'moved' | 'skipped' | 'inserted' | 'updated' | 'removed', number>;

describe('food risk tiers and the yearly plan', () => {
  let app: TestApp;
  let dept: ApiClient;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherInspector: ApiClient;
  let otherChief: ApiClient;
  const station = { s01: 0, s02: 0 };
  const biz = { a: 0, c: 0, cFail: 0, d: 0, s02: 0 };
  let seq = 0;

  const q = <T>(sql: string, params: unknown[] = []) => app.testDb.db.query<T>(sql, params);

  async function business(stationCode: string, kind: string, categories: string[], inspectorName: string) {
    seq++;
    const uscc = makeUscc(
      '92',
      '440605',
      `T${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
    );
    const [e] = await q<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'individualBusiness', $2, ''::tsvector, id, '2020-01-01' FROM org_units WHERE code = $3 RETURNING id`,
      [uscc, `分级测试${seq}号`, stationCode],
    );
    const [b] = await q<{ id: number }>(
      `INSERT INTO food_businesses (entity_id, station_id, inspector_id)
       SELECT $1, u.id, (SELECT id FROM users WHERE username = $3) FROM org_units u WHERE u.code = $2 RETURNING id`,
      [e!.id, stationCode, inspectorName],
    );
    await q(
      `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [b!.id, kind, `TEST${seq}-${process.pid}`, categories, shift(-400), shift(1400)],
    );
    return Number(b!.id);
  }

  async function inspection(businessId: number, p: { on: string; result: string; fullScope?: boolean }) {
    await q(
      `INSERT INTO food_inspections (business_id, kind, full_scope, status, inspected_on, result, station_id)
       SELECT id, 'routine', $2, 'done', $3, $4, station_id FROM food_businesses WHERE id = $1`,
      [businessId, p.fullScope ?? false, p.on, p.result],
    );
  }

  const planned = (businessId: number, year = nextYear) =>
    q<{ id: number; planned_on: string; full_scope: boolean; plan_seq: number; status: string }>(
      `SELECT id, planned_on::text, full_scope, plan_seq, status FROM food_inspections
        WHERE business_id = $1 AND kind = 'routine' AND plan_year = $2 ORDER BY plan_seq, id`,
      [businessId, year],
    );

  before(async () => {
    app = await startTestApp();
    dept = await loginAs(app, 'credit.staff');
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherInspector = await loginAs(app, 's02.inspector');
    otherChief = await loginAs(app, 's02.chief');
    for (const code of ['s01', 's02'] as const)
      station[code] = Number((await q<{ id: number }>('SELECT id FROM org_units WHERE code = $1', [code]))[0]!.id);
    biz.a = await business('s01', 'filing', ['prepackaged'], 's01.inspector');
    biz.c = await business('s01', 'operation', ['rawFood'], 's01.inspector');
    biz.cFail = await business('s01', 'operation', ['hotFood'], 's01.inspector');
    biz.d = await business('s01', 'production', ['rawFood'], 's01.inspector');
    biz.s02 = await business('s02', 'operation', ['hotFood'], 's02.inspector');
    // A passed full inspection 18 months ago: due again for full scope next year (Art. 22).
    await inspection(biz.a, { on: shift(-548), result: 'pass', fullScope: true });
    // A failed full inspection half a year ago: full scope not due next year; the failure raises the tier.
    await inspection(biz.cFail, { on: shift(-180), result: 'fail', fullScope: true });
  });
  after(() => app.close());

  test('only district-wide food staff recompute; the tiers are what the model says', async () => {
    assert.equal((await chief.post('/api/v1/food/tiers/recompute')).status, 403);
    const res = await dept.post<{ computed: number; modelVersion: number }>('/api/v1/food/tiers/recompute');
    assert.equal(res.status, 200);
    assert.ok(res.body.computed >= 5);
    const m = defaultFoodRiskModel;
    const expected = {
      a: assessFoodRisk(m, { categories: ['prepackaged'], licenceKinds: ['filing'], lastResult: 'pass' }),
      c: assessFoodRisk(m, { categories: ['rawFood'], licenceKinds: ['operation'], notInspected3y: true }),
      cFail: assessFoodRisk(m, {
        categories: ['hotFood'],
        licenceKinds: ['operation'],
        lastResult: 'fail',
        failed3y: 1,
      }),
      d: assessFoodRisk(m, { categories: ['rawFood'], licenceKinds: ['production'], notInspected3y: true }),
    };
    assert.deepEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v.tier])), {
      a: 'A',
      c: 'C',
      cFail: 'C',
      d: 'D',
    });
    for (const [k, want] of Object.entries(expected)) {
      const got = (await chief.get<Detail>(`/api/v1/food/tiers/businesses/${biz[k as keyof typeof biz]}`)).body;
      assert.equal(got.tier, want.tier, k);
      assert.equal(got.score, want.score, k);
      assert.deepEqual(Object.fromEntries(got.factors.map((f) => [f.code, f.points])), want.factors, k);
      assert.equal(got.modelVersion, 1);
      assert.equal(got.history.length, 1);
    }
    const counts = (await chief.get<Record<string, number>>(`/api/v1/food/tiers/counts?stationId=${station.s01}`)).body;
    assert.deepEqual(counts, { A: 1, B: 0, C: 2, D: 1, none: 0 });
    const onlyD = (await chief.get<{ items: TFoodTierRow[] }>(`/api/v1/food/tiers?stationId=${station.s01}&tier=D`))
      .body;
    assert.deepEqual(
      onlyD.items.map((r) => r.businessId),
      [biz.d],
    );
  });

  test('the plan: visits per tier, Art. 22 full scope, working days, idempotent regeneration', async () => {
    assert.equal(
      (await otherChief.post('/api/v1/food/plan/generate', { stationId: station.s01, year: nextYear })).status,
      403,
    );
    const first = await chief.post<PlanResult>('/api/v1/food/plan/generate', {
      stationId: station.s01,
      year: nextYear,
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    // A 1 (max: no passed inspection in the past 12 months), C 3, C 3, D 4.
    const per = { a: 1, c: 3, cFail: 3, d: 4 };
    assert.equal(first.body.planned, 11);
    assert.equal(first.body.inserted, 11);
    for (const [k, n] of Object.entries(per)) {
      const rows = await planned(biz[k as keyof typeof biz]);
      assert.equal(rows.length, n, k);
      assert.ok(rows.every((r) => r.status === 'planned' && r.planned_on.startsWith(String(nextYear))));
      const dates = rows.map((r) => r.planned_on);
      assert.deepEqual([...dates].sort(), dates, `${k}: in order`);
      for (const d of dates) assert.ok(![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()), `${d} is a weekend`);
      // Art. 22: the first visit is full scope unless a full inspection is less than 2 years old at the year's end.
      assert.deepEqual(
        rows.map((r) => r.full_scope),
        rows.map((_, i) => i === 0 && k !== 'cFail'),
        k,
      );
    }
    assert.equal(first.body.fullScope, 3);
    const again = await chief.post<PlanResult>('/api/v1/food/plan/generate', {
      stationId: station.s01,
      year: nextYear,
    });
    assert.deepEqual([again.body.planned, again.body.inserted, again.body.updated, again.body.removed], [11, 0, 0, 0]);
    // A started row is kept and counts: the business then needs one planned row fewer.
    const [started] = await planned(biz.c);
    await q(`UPDATE food_inspections SET status = 'inProgress' WHERE id = $1`, [started!.id]);
    const third = await chief.post<PlanResult>('/api/v1/food/plan/generate', {
      stationId: station.s01,
      year: nextYear,
    });
    assert.equal(third.body.planned, 10);
    const rowsC = await planned(biz.c);
    assert.equal(rowsC.length, 3);
    assert.equal(rowsC.filter((r) => r.status === 'inProgress').length, 1);
    assert.equal(rowsC.filter((r) => r.status === 'planned').length, 2);
    const summary = (
      await chief.get<{ byTier: { tier: string; n: number }[] }>(
        `/api/v1/food/plan/summary?stationId=${station.s01}&year=${nextYear}`,
      )
    ).body;
    assert.deepEqual(
      summary.byTier.map((t) => [t.tier, t.n]),
      [
        ['A', 1],
        ['C', 6],
        ['D', 4],
      ],
    );
  });

  test('Art. 42: a higher-level inspection moves the planned visits of the next 3 months, and the plan keeps away', async () => {
    const before = await planned(biz.d);
    const quietEnd = new Date(`${today}T00:00:00Z`);
    quietEnd.setUTCMonth(quietEnd.getUTCMonth() + 3);
    const end = quietEnd.toISOString().slice(0, 10);
    const inWindow = before.filter((r) => r.planned_on < end);
    assert.ok(inWindow.length >= 1, 'the first D visit falls in the quiet period');
    const res = await chief.post<{ moved: { id: number; to: string }[]; skipped: number[] }>(
      '/api/v1/food/higher-inspections',
      { businessId: biz.d, level: 'province', inspectedOn: today, result: 'pass' },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.moved.length + res.body.skipped.length, inWindow.length);
    for (const m of res.body.moved) assert.ok(m.to >= end);
    assert.ok((await planned(biz.d)).every((r) => r.planned_on >= end));
    const regen = await chief.post<PlanResult>('/api/v1/food/plan/generate', {
      stationId: station.s01,
      year: nextYear,
    });
    assert.ok(regen.body.moved >= 1);
    assert.ok((await planned(biz.d)).every((r) => r.planned_on >= end));
  });

  test('the calendar, the day list and the inspector’s inbox', async () => {
    const gen = await chief.post<PlanResult>('/api/v1/food/plan/generate', { stationId: station.s01, year: thisYear });
    // On the year's last days there may be no working day left: then the answer is a 422 naming the year.
    assert.ok(gen.status === 200 || gen.status === 422, JSON.stringify(gen.body));
    const [firstRow] = await q<{ day: string }>(
      `SELECT min(planned_on)::text AS day FROM food_inspections WHERE plan_year = $1 AND station_id = $2`,
      [nextYear, station.s01],
    );
    const month = Number(firstRow!.day.slice(5, 7));
    const cal = (
      await inspector.get<{ days: { day: string; n: number }[] }>(
        `/api/v1/food/plan/calendar?stationId=${station.s01}&year=${nextYear}&month=${month}`,
      )
    ).body;
    assert.ok(cal.days.length > 0);
    const day = cal.days[0]!;
    const list = (
      await inspector.get<{ items: { entityName: string }[] }>(
        `/api/v1/food/plan/day?stationId=${station.s01}&day=${day.day}`,
      )
    ).body;
    assert.equal(list.items.length, day.n);
    if (gen.status === 200 && gen.body.planned > 0) {
      const inbox = (await inspector.get<TInbox>('/api/v1/inbox?limit=50')).body;
      const mine = Object.values(inbox.groups)
        .flat()
        .filter((i) => i.module === 'food-plan');
      const [due] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM food_inspections WHERE plan_year = $1 AND station_id = $2 AND planned_on <= $3`,
        [thisYear, station.s01, inbox.weekEnd],
      );
      // The inbox's week ends on its Sunday (on a Saturday, next week's visits are not due this week yet).
      if (due!.n > 0) assert.ok(mine.length > 0, 'planned visits due this week are in the inbox');
    }
  });

  test('an inspector of another station sees none of it', async () => {
    const tiers = (await otherInspector.get<{ items: TFoodTierRow[] }>(`/api/v1/food/tiers?stationId=${station.s01}`))
      .body;
    assert.equal(tiers.items.length, 0);
    assert.equal((await otherInspector.get(`/api/v1/food/tiers/businesses/${biz.a}`)).status, 404);
    const cal = (
      await otherInspector.get<{ days: unknown[] }>(
        `/api/v1/food/plan/calendar?stationId=${station.s01}&year=${nextYear}&month=6`,
      )
    ).body;
    assert.equal(cal.days.length, 0);
    const counts = (await otherInspector.get<Record<'A' | 'C' | 'D', number>>(`/api/v1/food/tiers/counts`)).body;
    assert.equal(counts.A + counts.C + counts.D, 0);
    const higher = await otherInspector.post('/api/v1/food/higher-inspections', {
      businessId: biz.a,
      level: 'city',
      inspectedOn: today,
    });
    assert.equal(higher.status, 404);
  });

  test('bad input is a 4xx naming the field in Chinese, and nothing changes', async () => {
    const before = Number((await q<{ n: number }>('SELECT count(*)::int AS n FROM food_inspections'))[0]!.n);
    const cases: [string, unknown, string][] = [
      ['/api/v1/food/plan/generate', { stationId: station.s01, year: 1999 }, 'year'],
      ['/api/v1/food/plan/generate', { stationId: station.s01, year: thisYear - 1 }, 'year'],
      ['/api/v1/food/plan/generate', { stationId: station.s01, year: '明年' }, 'year'],
      ['/api/v1/food/higher-inspections', { businessId: biz.a, level: 'city', inspectedOn: shift(3) }, 'inspectedOn'],
      ['/api/v1/food/higher-inspections', { businessId: biz.a, level: 'district', inspectedOn: today }, 'level'],
      [
        '/api/v1/food/higher-inspections',
        { businessId: biz.a, level: 'city', inspectedOn: '2026-02-30' },
        'inspectedOn',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await chief.post<Problem>(path, body);
      assert.ok(res.status === 400 || res.status === 422, `${path} ${JSON.stringify(body)} → ${res.status}`);
      assert.equal(res.body.errors[0]!.path, field, JSON.stringify(res.body));
      assert.match(res.body.detail + res.body.errors[0]!.message, /[\u4e00-\u9fff]/);
    }
    const { version: _, ...model } = defaultFoodRiskModel;
    const badModels: [unknown, string][] = [
      [{ ...model, thresholds: { B: 50, C: 40, D: 60 } }, 'thresholds'],
      [{ ...model, visitsPerYear: { ...model.visitsPerYear, C: { min: 3, max: 2 } } }, 'visitsPerYear.C'],
      [{ ...model, fullScopeYears: 3 }, 'fullScopeYears'],
      [{ ...model, higherLevelQuietMonths: 1 }, 'higherLevelQuietMonths'],
    ];
    for (const [body, field] of badModels) {
      const res = await dept.post<Problem>('/api/v1/food/tiers/models', body);
      assert.ok(res.status === 400 || res.status === 422, `${field} → ${res.status}`);
      assert.equal(res.body.errors[0]!.path, field);
      assert.match(res.body.errors[0]!.message, /[\u4e00-\u9fff]/);
    }
    const after = Number((await q<{ n: number }>('SELECT count(*)::int AS n FROM food_inspections'))[0]!.n);
    assert.equal(after, before);
    assert.equal(Number((await q<{ n: number }>('SELECT count(*)::int AS n FROM food_risk_models'))[0]!.n), 0);
  });

  test('a new model version is saved inactive, activated, recorded per business with the tier history', async () => {
    const { version: _, ...model } = defaultFoodRiskModel;
    assert.equal((await chief.post('/api/v1/food/tiers/models', { ...model, name: '收紧' })).status, 403);
    const saved = await dept.post<{ version: number }>('/api/v1/food/tiers/models', {
      ...model,
      name: '收紧版',
      thresholds: { B: 5, C: 20, D: 40 },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 2);
    const list = (await chief.get<{ models: { version: number; active: boolean }[] }>('/api/v1/food/tiers/models'))
      .body;
    assert.deepEqual(
      list.models.map((m) => [m.version, m.active]),
      [
        [2, false],
        [1, true],
      ],
    );
    const before = (await chief.get<Detail>(`/api/v1/food/tiers/businesses/${biz.a}`)).body;
    assert.equal(before.modelVersion, 1);
    const act = await dept.post<{ modelVersion: number; tierChanged: number }>('/api/v1/food/tiers/models/2/activate');
    assert.equal(act.status, 200);
    assert.equal(act.body.modelVersion, 2);
    assert.ok(act.body.tierChanged >= 1);
    const a = (await chief.get<Detail>(`/api/v1/food/tiers/businesses/${biz.a}`)).body;
    assert.equal(a.modelVersion, 2);
    assert.equal(a.tier, 'B');
    assert.deepEqual(
      a.history.map((h) => [h.tier, h.previousTier, h.modelVersion]),
      [
        ['B', 'A', 2],
        ['A', null, 1],
      ],
    );
    assert.equal((await dept.post('/api/v1/food/tiers/models/99/activate')).status, 404);
  });
});
