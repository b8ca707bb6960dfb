import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeLicensedFoodBusiness } from '../../../tests/helpers/food-business-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TFoodInspection } from '../../contracts/food-inspections.ts';
import type { TFoodGradingRulesVersion } from '../../contracts/food-rules.ts';
import { foodGradingDefaults } from '../../domain/food-grading.ts';

type Problem = { detail: string; errors: { path: string; message: string }[] };
let seq = 0;

describe('量化分级规则 as versioned configuration', () => {
  let app: TestApp;
  let admin: ApiClient;
  let dept: ApiClient;
  let chief: ApiClient;
  let inspector: ApiClient;
  let partnerInspectorId = 0;

  /** A food business at s01 licensed in 2020 (outside the new-licence embargo). */
  const business = async () =>
    (await makeLicensedFoodBusiness(app.testDb.db, { tag: 'R', name: `分级规则测试${++seq}号餐馆` })).id;

  /** An inspection of a new business submitted with two 一般 items failed (score 90 under every rules version). */
  async function inspectWithTwoGeneralFailures(): Promise<TFoodInspection> {
    const created = await inspector.post<TFoodInspection>('/api/v1/food/inspections', { businessId: await business() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const started = await inspector.post<TFoodInspection>(`/api/v1/food/inspections/${created.body.id}/start`, {
      version: created.body.version,
      inspectorIds: [partnerInspectorId],
    });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const general = started.body.checklist!.items.filter((x) => !x.key).slice(0, 2);
    const items = started.body.checklist!.items.map((it) => {
      const fail = general.includes(it);
      return { itemId: it.id, outcome: fail ? 'fail' : 'pass', ...(fail && { notes: '现场发现问题' }) };
    });
    const recorded = await inspector.put<TFoodInspection>(`/api/v1/food/inspections/${created.body.id}/results`, {
      items,
    });
    assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
    const done = await inspector.post<TFoodInspection>(`/api/v1/food/inspections/${created.body.id}/submit`, {
      version: recorded.body.version,
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    return done.body;
  }

  const list = async () =>
    (await chief.get<{ versions: TFoodGradingRulesVersion[] }>('/api/v1/food/grading-rules')).body.versions;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    dept = await loginAs(app, 'credit.staff');
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    const [p] = await app.testDb.db.query<{ id: number }>(
      `SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id WHERE u.username = 's03.inspector'`,
    );
    partnerInspectorId = p!.id;
  });
  after(() => app.close());

  test('version 1 is the built-in provincial defaults, active', async () => {
    const versions = await list();
    assert.equal(versions.length, 1);
    assert.equal(versions[0]!.version, 1);
    assert.equal(versions[0]!.active, true);
    assert.deepEqual(versions[0]!.config, foodGradingDefaults, 'the migration seed is foodGradingDefaults');
  });

  test('a bad configuration answers 422 naming the field in Chinese; nothing is saved', async () => {
    const c = foodGradingDefaults;
    const cases: [unknown, string][] = [
      [{ ...c, bands: { excellent: 90, good: 90, fair: 60 } }, 'config.bands.good'],
      [{ ...c, bands: { excellent: 90, good: 75, fair: 80 } }, 'config.bands.fair'],
      [{ ...c, annual: { ...c.annual, A: 70, B: 75 } }, 'config.annual.B'],
      [{ ...c, publishWorkingDays: 30 }, 'config.publishWorkingDays'],
      [{ ...c, keyDeduction: 2.5 }, 'config.keyDeduction'],
      [{ ...c, generalDeduction: 20 }, 'config.generalDeduction'],
    ];
    for (const [config, field] of cases) {
      const res = await dept.post<Problem>('/api/v1/food/grading-rules', { name: '错误', config });
      assert.equal(res.status, 422, `${field}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.errors[0]!.path, field, JSON.stringify(res.body));
      assert.ok(res.body.detail.includes(field), res.body.detail);
      assert.match(res.body.errors[0]!.message, /[\u4e00-\u9fff]/);
    }
    assert.equal((await list()).length, 1);
  });

  test('without food:settings (or without the whole district) 403; reading needs food:read only', async () => {
    const body = { name: '收紧', config: foodGradingDefaults };
    assert.equal((await chief.post('/api/v1/food/grading-rules', body)).status, 403);
    assert.equal((await inspector.post('/api/v1/food/grading-rules', body)).status, 403);
    assert.equal((await chief.post('/api/v1/food/grading-rules/1/activate', {})).status, 403);
    assert.equal((await inspector.get('/api/v1/food/grading-rules')).status, 200);
    assert.equal((await admin.post('/api/v1/food/grading-rules/99/activate', {})).status, 404);
  });

  test('activation grades the next submission under the new version; past inspections keep theirs; audited', async () => {
    const before = await inspectWithTwoGeneralFailures();
    assert.equal(before.score, 90);
    assert.equal(before.grade?.grade, 'excellent');
    assert.equal(before.gradingRulesVersion, 1);
    assert.equal(before.rectifyDueOn !== null, true);

    const stricter = {
      name: '收紧优秀线',
      note: '省局 2027 年通知',
      config: { ...foodGradingDefaults, bands: { excellent: 95, good: 80, fair: 60 } },
    };
    const saved = await dept.post<{ version: number }>('/api/v1/food/grading-rules', stricter);
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 2);
    const inactive = await list();
    assert.deepEqual(
      inactive.map((v) => [v.version, v.active]),
      [
        [2, false],
        [1, true],
      ],
    );
    assert.equal(inactive[0]!.createdByName !== null, true);
    // Saved but not active: submissions still use version 1.
    assert.equal((await inspectWithTwoGeneralFailures()).grade?.grade, 'excellent');

    const act = await dept.post<{ version: number; activatedAt: string }>('/api/v1/food/grading-rules/2/activate', {});
    assert.equal(act.status, 200, JSON.stringify(act.body));
    assert.equal(act.body.version, 2);
    const after = await list();
    assert.deepEqual(
      after.map((v) => [v.version, v.active]),
      [
        [2, true],
        [1, false],
      ],
    );
    assert.ok(after[0]!.activatedAt && after[0]!.activatedByName);

    const next = await inspectWithTwoGeneralFailures();
    assert.equal(next.score, 90);
    assert.equal(next.grade?.grade, 'good', '90 is below the new 优秀 line of 95');
    assert.equal(next.gradingRulesVersion, 2);
    const past = await inspector.get<TFoodInspection>(`/api/v1/food/inspections/${before.id}`);
    assert.equal(past.body.grade?.grade, 'excellent');
    assert.equal(past.body.gradingRulesVersion, 1);

    const audit = await app.testDb.db.query<{ action: string; targetId: string; detail: unknown }>(
      `SELECT action, target_id AS "targetId", detail FROM audit_log WHERE action LIKE 'food.grading-rules.%' ORDER BY id`,
    );
    assert.deepEqual(
      audit.map((a) => [a.action, String(a.targetId)]),
      [
        ['food.grading-rules.create', '2'],
        ['food.grading-rules.activate', '2'],
      ],
    );
    assert.deepEqual((audit[1]!.detail as { previous: number }).previous, 1);

    // Switching back is one more activation; the annual recompute reads the active version too.
    assert.equal((await admin.post('/api/v1/food/grading-rules/1/activate', {})).status, 200);
    const annual = await app.services.foodInspections.recomputeAnnual();
    assert.equal(annual.rulesVersion, 1);
  });
});
