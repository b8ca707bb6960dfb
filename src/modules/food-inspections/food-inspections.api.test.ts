import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeLicensedFoodBusiness } from '../../../tests/helpers/food-business-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TFoodGrade, TFoodInspection, TFoodInspectionSummary } from '../../contracts/food-inspections.ts';
import type { TVisitDetail } from '../../contracts/spot-checks.ts';
import { addMonths } from '../../domain/food-grading.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

const today = shanghaiToday();
type Page<T> = { items: T[]; nextCursor: string | null };
type Problem = { detail: string; errors: { path: string; message: string }[] };
let seq = 0;
/** Schema errors answer 400, service validation 422: both name the field. */
const is4xx = (s: number) => assert.ok(s === 400 || s === 422, `expected 400/422, got ${s}`);

describe('food routine inspections on the visit engine, results, consequences and grades', () => {
  let app: TestApp;
  let inspector: ApiClient;
  let partner: ApiClient;
  let otherStation: ApiClient;
  let partnerInspectorId = 0;

  /** An entity at s01 with a food business and an operation licence issued on `issuedOn`. */
  const business = (issuedOn = '2020-01-01', categories = ['hotFood']) =>
    makeLicensedFoodBusiness(app.testDb.db, { tag: 'G', name: `日常检查测试${++seq}号餐馆`, issuedOn, categories });

  async function started(businessId: number): Promise<TFoodInspection> {
    const created = await inspector.post<TFoodInspection>('/api/v1/food/inspections', { businessId });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const res = await inspector.post<TFoodInspection>(`/api/v1/food/inspections/${created.body.id}/start`, {
      version: created.body.version,
      inspectorIds: [partnerInspectorId],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  /** Records every item: `fail` lists item codes that fail (with a note), the rest pass. */
  async function record(i: TFoodInspection, fail: string[] = []) {
    const items = i.checklist!.items.map((it) => ({
      itemId: it.id,
      outcome: fail.includes(it.code) ? 'fail' : 'pass',
      ...(fail.includes(it.code) && { notes: '现场发现问题' }),
    }));
    const res = await inspector.put<TFoodInspection>(`/api/v1/food/inspections/${i.id}/results`, { items });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  async function submit(i: TFoodInspection, extra: Record<string, unknown> = {}) {
    return inspector.post<TFoodInspection>(`/api/v1/food/inspections/${i.id}/submit`, { version: i.version, ...extra });
  }

  async function gradesOf(businessId: number) {
    return (await inspector.get<TFoodGrade[]>(`/api/v1/food/businesses/${businessId}/grades`)).body;
  }

  before(async () => {
    app = await startTestApp();
    inspector = await loginAs(app, 's01.inspector');
    partner = await loginAs(app, 's03.inspector');
    otherStation = await loginAs(app, 's02.inspector');
    const [p] = await app.testDb.db.query<{ id: number }>(
      `SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id WHERE u.username = 's03.inspector'`,
    );
    partnerInspectorId = p!.id;
  });
  after(() => app.close());

  test('a clean inspection: the checklist version is kept, 符合, score 100, 优秀, a visit of the engine', async () => {
    const b = await business();
    const i = await started(b.id);
    assert.equal(i.status, 'inProgress');
    assert.equal(i.checklist?.businessType, 'catering');
    assert.ok(i.checklist!.items.some((x) => x.key) && i.checklist!.items.some((x) => !x.key));
    assert.equal(i.inspectors.length, 2);
    assert.equal(i.canRecord, true);
    const [visit] = await app.testDb.db.query<{ kind: string; status: string }>(
      `SELECT p.kind, v.status FROM spot_check_visits v JOIN spot_check_plans p ON p.id = v.plan_id WHERE v.id = $1`,
      [i.visitId],
    );
    assert.deepEqual(visit, { kind: 'food', status: 'assigned' });
    // Food plans stay out of the 双随机 plan list.
    const plans = await (await loginAs(app, 'admin')).get<{ id: number; name: string }[]>('/api/v1/spot-checks/plans');
    assert.ok(!JSON.stringify(plans.body).includes('日常监督检查'));

    const early = await submit(i);
    is4xx(early.status);
    assert.ok((early.body as unknown as Problem).detail.includes('未录入'));
    const done = await submit(await record(i));
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.result, 'pass');
    assert.equal(done.body.score, 100);
    assert.equal(done.body.grade?.grade, 'excellent');
    assert.equal(done.body.rectifyDueOn, null);
    assert.equal(done.body.followupId, null);
    assert.equal(done.body.visitStatus, 'inspected');
    assert.ok(done.body.publishDueOn! > today, 'a 20-working-day publication clock');

    const published = await inspector.post<TFoodInspection>(`/api/v1/food/inspections/${i.id}/publish`, {});
    assert.equal(published.status, 200);
    assert.equal(published.body.visitStatus, 'published');
  });

  test('一般 items failed → 基本符合 with 责令整改, a planned follow-up, and the old grade superseded', async () => {
    const b = await business();
    await submit(await record(await started(b.id)));
    const i = await started(b.id);
    const res = await submit(await record(i, ['CY-1.2', 'CY-3.1', 'CY-6.2']));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.result, 'basicPass');
    assert.equal(res.body.score, 85);
    assert.equal(res.body.grade?.grade, 'good');
    assert.ok(res.body.rectifyDueOn! > today);
    const follow = await inspector.get<TFoodInspection>(`/api/v1/food/inspections/${res.body.followupId}`);
    assert.equal(follow.body.kind, 'followup');
    assert.equal(follow.body.status, 'planned');
    assert.equal(follow.body.plannedOn, res.body.rectifyDueOn);
    assert.equal(follow.body.followupOf, i.id);

    const grades = await gradesOf(b.id);
    const dynamic = grades.filter((g) => g.kind === 'dynamic');
    assert.equal(dynamic.length, 2);
    assert.deepEqual(
      dynamic.map((g) => g.status),
      ['current', 'superseded'],
    );
    const [link] = await app.testDb.db.query<{ supersededBy: number }>(
      `SELECT superseded_by AS "supersededBy" FROM food_grades WHERE id = $1`,
      [dynamic[1]!.id],
    );
    assert.equal(link!.supersededBy, dynamic[0]!.id);
  });

  test('重点 items failed → 不符合, a case lead on request; two 重点 failures → 不予评级', async () => {
    const b = await business();
    const i = await record(await started(b.id), ['CY-2.1', 'CY-5.1']);
    const notFail = await submit(await record(await started((await business()).id), ['CY-1.2']), { caseLead: true });
    is4xx(notFail.status);
    assert.equal((notFail.body as unknown as Problem).errors[0]?.path, 'caseLead');
    const res = await submit(i, { caseLead: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.result, 'fail');
    assert.equal(res.body.score, 70);
    assert.equal(res.body.grade?.grade, 'none');
    assert.match(res.body.caseLeadRef ?? '', /^AY\d+/);
    assert.ok(res.body.followupId);
  });

  test('no dynamic grade within 3 months of the first licence, nor within 6 months of an incident', async () => {
    const fresh = await business(addMonths(today, -2));
    const a = await submit(await record(await started(fresh.id)));
    assert.equal(a.body.gradeWithheld, 'newLicence');
    assert.equal(a.body.grade, null);
    assert.equal(a.body.result, 'pass');

    const b = await business();
    const bad = await inspector.post(`/api/v1/food/businesses/${b.id}/incidents`, {
      occurredOn: '2026-13-01',
      summary: 'x',
    });
    is4xx(bad.status);
    assert.ok(JSON.stringify(bad.body).includes('occurredOn'));
    const inc = await inspector.post(`/api/v1/food/businesses/${b.id}/incidents`, {
      occurredOn: addMonths(today, -5),
      summary: '集体性腹泻事件',
    });
    assert.equal(inc.status, 201, JSON.stringify(inc.body));
    const c = await submit(await record(await started(b.id)));
    assert.equal(c.body.gradeWithheld, 'incident');
    assert.equal((await gradesOf(b.id)).length, 0);
  });

  test('the planned list runs soonest first, page after page; a forged cursor answers 422 on cursor', async () => {
    const days = [40, 10, 25].map((n) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000));
    const ids: number[] = [];
    for (const d of days) {
      const b = await business();
      const res = await inspector.post<TFoodInspection>('/api/v1/food/inspections', {
        businessId: b.id,
        plannedOn: d.toISOString().slice(0, 10),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.push(res.body.id);
    }
    const seen: TFoodInspectionSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page<TFoodInspectionSummary> } = await inspector.get(
        `/api/v1/food/inspections?status=planned&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const keys = seen.map((i) => `${i.plannedOn}#${String(i.id).padStart(9, '0')}`);
    assert.deepEqual(keys, [...keys].sort(), 'soonest first, then by id');
    assert.equal(new Set(seen.map((i) => i.id)).size, seen.length, 'no row twice across pages');
    const mineInOrder = seen.filter((i) => ids.includes(i.id)).map((i) => i.id);
    assert.deepEqual(mineInOrder, [ids[1], ids[2], ids[0]]);
    const forged = Buffer.from(JSON.stringify(['not-a-date', 1])).toString('base64url');
    const bad = await inspector.get<Problem>(`/api/v1/food/inspections?status=planned&cursor=${forged}`);
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]?.path, 'cursor');
  });

  test('bad input answers 4xx naming the field; 回避 and the two-inspector rule hold', async () => {
    const b = await business();
    const created = await inspector.post<TFoodInspection>('/api/v1/food/inspections', { businessId: b.id });
    const alone = await inspector.post<Problem>(`/api/v1/food/inspections/${created.body.id}/start`, {
      version: created.body.version,
    });
    is4xx(alone.status);
    assert.equal(alone.body.errors[0]?.path, 'inspectorIds');
    assert.match(alone.body.errors[0]!.message, /不得少于2名/);
    await app.testDb.db.query(
      `INSERT INTO spot_check_conflicts (inspector_id, entity_id, reason) VALUES ($1, $2, '近亲属经营')`,
      [partnerInspectorId, b.entityId],
    );
    const conflicted = await inspector.post<Problem>(`/api/v1/food/inspections/${created.body.id}/start`, {
      version: created.body.version,
      inspectorIds: [partnerInspectorId],
    });
    is4xx(conflicted.status);
    assert.match(conflicted.body.errors[0]!.message, /回避/);

    const i = await started((await business()).id);
    const badOutcome = await inspector.put<Problem>(`/api/v1/food/inspections/${i.id}/results`, {
      items: [{ itemId: i.checklist!.items[0]!.id, outcome: 'maybe' }],
    });
    is4xx(badOutcome.status);
    assert.ok(badOutcome.body.errors.some((e) => e.path.includes('outcome')));
    const noNote = await inspector.put<Problem>(`/api/v1/food/inspections/${i.id}/results`, {
      items: [{ itemId: i.checklist!.items[0]!.id, outcome: 'fail' }],
    });
    is4xx(noNote.status);
    assert.equal(noNote.body.errors[0]?.path, 'items.notes');
    const foreign = await inspector.put<Problem>(`/api/v1/food/inspections/${i.id}/results`, {
      items: [{ itemId: 999999, outcome: 'pass' }],
    });
    is4xx(foreign.status);
    assert.equal(foreign.body.errors[0]?.path, 'items.itemId');
    const noBusiness = await inspector.post<Problem>('/api/v1/food/inspections', { businessId: 99999999 });
    is4xx(noBusiness.status);
    assert.equal(noBusiness.body.errors[0]?.path, 'businessId');
  });

  test('another station sees nothing; a partner inspector of another station records on the visit', async () => {
    const b = await business();
    const i = await started(b.id);
    const list = await otherStation.get<Page<TFoodInspectionSummary>>('/api/v1/food/inspections');
    assert.equal(list.status, 200);
    assert.ok(!list.body.items.some((x) => x.businessId === b.id));
    assert.equal((await otherStation.get(`/api/v1/food/inspections/${i.id}`)).status, 404);
    assert.equal((await otherStation.get(`/api/v1/food/businesses/${b.id}/grades`)).status, 404);
    const mine = await inspector.get<Page<TFoodInspectionSummary>>('/api/v1/food/inspections?status=inProgress');
    assert.ok(mine.body.items.some((x) => x.id === i.id));
    // The visit engine's own detail answers for the drawn partner (photos and signatures go there).
    const visit = await partner.get<TVisitDetail>(`/api/v1/spot-checks/visits/${i.visitId}`);
    assert.equal(visit.status, 200);
    // The 双随机 pages send a user to the food inspection, where its checklist is.
    assert.equal(visit.body.foodInspectionId, i.id);
  });

  test('health certificates on the inspection, expired ones flagged', async () => {
    const b = await business();
    await app.testDb.db.query(
      `INSERT INTO food_health_certificates (business_id, staff_name, certificate_no, issued_on, valid_until)
       VALUES ($1, '张三', 'HC001', '2024-01-01', '2025-01-01'), ($1, '李四', 'HC002', $2::date - 30, $2::date + 300)`,
      [b.id, today],
    );
    const i = await started(b.id);
    assert.deepEqual(
      i.certificates.map((c) => [c.staffName, c.expired]),
      [
        ['张三', true],
        ['李四', false],
      ],
    );
  });

  test('two simultaneous submissions: one result, one grade, the other 409', async () => {
    const b = await business();
    const i = await record(await started(b.id));
    const [x, y] = await Promise.all([submit(i), submit(i)]);
    assert.deepEqual([x.status, y.status].sort(), [200, 409]);
    const [n] = await app.testDb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM food_grades WHERE inspection_id = $1`,
      [i.id],
    );
    assert.equal(n!.n, 1);
  });

  test('annual grade A/B/C from the last 12 months, set-based, idempotent, superseding', async () => {
    const db = app.testDb.db;
    const a = await business();
    const bb = await business();
    const c = await business();
    const add = (id: number, grade: string, score: number, monthsAgo: number, status = 'superseded') =>
      db.query(
        `INSERT INTO food_grades (business_id, kind, grade, score, graded_on, status) VALUES ($1, 'dynamic', $2, $3, $4, $5)`,
        [id, grade, score, addMonths(today, -monthsAgo), status],
      );
    await add(a.id, 'excellent', 95, 2, 'current');
    await add(a.id, 'excellent', 90, 8);
    await add(a.id, 'none', 20, 14); // outside the window
    await add(bb.id, 'good', 80, 3, 'current');
    await add(bb.id, 'excellent', 92, 6);
    await add(c.id, 'none', 55, 1, 'current');
    await add(c.id, 'excellent', 100, 4);
    const svc = app.services.foodInspections;
    const first = await svc.recomputeAnnual(today);
    assert.ok(first.written >= 3);
    const annual = async (id: number) =>
      (await gradesOf(id)).filter((g) => g.kind === 'annual' && g.status === 'current').map((g) => [g.grade, g.score]);
    assert.deepEqual(await annual(a.id), [['A', 92.5]]);
    assert.deepEqual(await annual(bb.id), [['B', 86]]);
    assert.deepEqual(await annual(c.id), [['C', 77.5]]);
    const again = await svc.recomputeAnnual(today);
    assert.equal(again.written, 0);
    await add(bb.id, 'excellent', 100, 0);
    await svc.recomputeAnnual(today);
    const all = (await gradesOf(bb.id)).filter((g) => g.kind === 'annual');
    assert.deepEqual(
      all.map((g) => [g.grade, g.status]),
      [
        ['A', 'current'],
        ['B', 'superseded'],
      ],
    );
    const job = await inspector.post<{ jobId: number }>('/api/v1/food/grades/annual/recompute', {});
    assert.equal(job.status, 202);
    is4xx((await otherStation.post('/api/v1/food/grades/annual/recompute', { asOf: 'x' })).status);
  });
});
