import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { insertEntities, itemIds, unitId } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { verifyDrawCommand } from '../../cli/verify-draw.ts';
import type { TDrawProof, TPlan, TTask, TVisitDetail, TVisitSummary } from '../../contracts/spot-checks.ts';
import { verifyDrawProof } from '../../domain/draw-proof.ts';

type Page<T> = { items: T[]; nextCursor: string | null };

describe('spot checks: verifiable draws, joint visits, results published', () => {
  let app: TestApp;
  let admin: ApiClient;
  let planId: number;
  let poolId: number;
  let s01: number;
  let s02: number;
  const count = async (sql: string, params: unknown[] = []) =>
    (await app.services.db.query<{ n: number }>(sql, params))[0]!.n;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const db = app.services.db;
    [s01, s02] = [await unitId(db, 's01'), await unitId(db, 's02')];
    await insertEntities(db, { count: 30, stationCode: 's01', riskClass: 'A' });
    await insertEntities(db, { count: 20, stationCode: 's02', riskClass: 'C' });
    await insertEntities(db, { count: 10, stationCode: 's02', riskClass: null });
    await insertEntities(db, { count: 5, stationCode: 's01', riskClass: 'D', status: 'deregistered' });
    const pool = await admin.post<{ id: number }>('/api/v1/spot-checks/pools', {
      name: '桂城、大沥存续企业',
      filter: { stationIds: [s01, s02], types: ['enterprise'] },
    });
    assert.equal(pool.status, 201, JSON.stringify(pool.body));
    poolId = pool.body.id;
    const plan = await admin.post<TPlan>('/api/v1/spot-checks/plans', {
      name: '2026年度抽查计划',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    planId = plan.body.id;
  });
  after(() => app.close());

  const newTask = async (over: Record<string, unknown> = {}) => {
    const res = await admin.post<TTask>('/api/v1/spot-checks/tasks', {
      planId,
      poolId,
      name: '食品与登记联合抽查',
      itemIds: await itemIds(app.services.db, ['SP-01', 'DJ-01']),
      ratios: { A: 10, B: 50, C: 50, D: 100 },
      avoidOwnStation: true,
      ...over,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const act = (task: { id: number; version: number }, action: string) =>
    admin.post<TTask & { code?: string; detail?: string }>(`/api/v1/spot-checks/tasks/${task.id}/transitions`, {
      action,
      version: task.version,
    });

  /** Each drawn inspector with an account was told how many of the task's visits list them (抽查任务分派). */
  const assertInspectorsTold = async (task: { id: number; name: string }) => {
    const truth = await app.services.db.query<{ userId: number; visits: number }>(
      `SELECT vi.user_id AS "userId", count(*)::int AS visits
         FROM spot_check_visits v JOIN spot_check_inspectors vi ON vi.id = ANY (v.inspector_ids)
        WHERE v.task_ids @> ARRAY[$1::bigint] AND vi.user_id IS NOT NULL GROUP BY vi.user_id ORDER BY 1`,
      [task.id],
    );
    assert.ok(truth.length > 0, 'some drawn inspectors have accounts');
    const told = await app.services.db.query<{ userId: number; title: string }>(
      'SELECT user_id AS "userId", title FROM notifications WHERE dedupe_key = $1 ORDER BY user_id',
      [`assigned:spot-check-task:${task.id}`],
    );
    assert.deepEqual(
      told,
      truth.map((t) => ({ userId: t.userId, title: `抽查任务“${task.name}”分派给您 ${t.visits} 户` })),
    );
  };

  it('freezes the pool with a commitment, draws, and publishes a proof that verifies; tampering is detected', async () => {
    const task = await newTask();
    assert.equal(task.joint, true);
    const frozen = await act(task, 'freeze');
    assert.equal(frozen.status, 200, JSON.stringify(frozen.body));
    const draw = frozen.body.draw!;
    assert.equal(draw.poolSize, 60, 'deregistered entities stay out of the default pool');
    assert.equal(draw.unclassifiedCount, 10);
    assert.deepEqual(draw.classCounts, { A: 30, B: 10, C: 20, D: 0 });
    assert.equal(draw.seed, null, 'the seed is secret before the draw');
    assert.equal((await admin.get(`/api/v1/spot-checks/draws/${draw.id}/proof`)).status, 409);

    const drawn = await act(frozen.body, 'draw');
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    assert.equal(drawn.body.draw!.drawnCount, 3 + 5 + 10);
    await assertInspectorsTold(task);
    assert.equal((await act(drawn.body, 'draw')).status, 409, 'a draw started twice is refused');

    const proof = (await admin.get<TDrawProof>(`/api/v1/spot-checks/draws/${draw.id}/proof`)).body;
    assert.equal(proof.commitment, draw.commitment, 'the proof keeps the commitment published before the draw');
    assert.equal(proof.seed, drawn.body.draw!.seed);
    assert.equal(verifyDrawProof(proof).ok, true, JSON.stringify(verifyDrawProof(proof).checks));
    const failing = (p: TDrawProof) =>
      verifyDrawProof(p)
        .checks.filter((c) => !c.ok)
        .map((c) => c.name);
    const otherId = Math.max(...proof.pool.map((e) => e.id)) + 1;
    assert.ok(
      failing({ ...proof, pool: [...proof.pool.slice(1), { id: otherId, riskClass: 'B' }] }).includes('poolHash'),
    );
    assert.ok(
      failing({ ...proof, seed: proof.seed.replace(/^./, (c) => (c === '0' ? '1' : '0')) }).includes('commitment'),
    );
    const notDrawn = proof.pool.find((e) => !proof.result.includes(e.id))!.id;
    assert.deepEqual(failing({ ...proof, result: [...proof.result.slice(1), notDrawn] }), ['result']);

    // The same through `shijian verify-draw proof.json`: 0 = match, 1 = no match.
    const dir = mkdtempSync(join(tmpdir(), 'proof-'));
    const file = (name: string, p: TDrawProof) => {
      writeFileSync(join(dir, name), JSON.stringify(p));
      return join(dir, name);
    };
    const log = console.log;
    console.log = () => {};
    try {
      assert.equal(verifyDrawCommand([file('ok.json', proof)]), 0);
      assert.equal(
        verifyDrawCommand([file('bad.json', { ...proof, result: [...proof.result.slice(1), notDrawn] })]),
        1,
      );
    } finally {
      console.log = log;
    }

    const visits = (await admin.get<Page<TVisitSummary>>(`/api/v1/spot-checks/visits?taskId=${task.id}&limit=200`))
      .body;
    assert.equal(visits.items.length, 18);
    const inspectors = (
      await admin.get<{ id: number; departmentName: string; stationName: string | null }[]>(
        '/api/v1/spot-checks/inspectors',
      )
    ).body;
    for (const v of visits.items) {
      assert.ok(v.inspectors.length >= 2);
      const departments = new Set(v.inspectors.map((i) => i.departmentName));
      assert.ok(
        departments.has('食品经营安全监管科') && departments.has('登记注册科'),
        'each department of a joint task',
      );
      for (const i of v.inspectors)
        assert.notEqual(inspectors.find((x) => x.id === i.id)!.stationName, v.stationName, '回避: not the own station');
    }
    const [row] = await app.services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'spotcheck.task.%' AND target_id = $1`,
      [String(task.id)],
    );
    assert.equal(row!.n, 3, 'create, freeze and draw are each audited');
  });

  it('merges entities drawn by two tasks of one plan into one visit and reports the visits saved', async () => {
    // 回避: one equipment inspector declares a conflict with every entity in the pool.
    const [conflicted] = await app.services.db.query<{ id: number }>(
      `SELECT i.id FROM spot_check_inspectors i JOIN org_units d ON d.id = i.department_id
        WHERE d.code = 'equipment' ORDER BY i.id LIMIT 1`,
    );
    const entities = await app.services.db.query<{ id: number }>(`SELECT id FROM entities WHERE status = 'active'`);
    for (const e of entities) {
      const res = await admin.post('/api/v1/spot-checks/conflicts', {
        inspectorId: conflicted!.id,
        entityId: e.id,
        reason: '近亲属在该企业任职',
      });
      assert.equal(res.status, 200);
    }
    const task = await newTask({
      name: '特种设备抽查',
      itemIds: await itemIds(app.services.db, ['TZ-01']),
      ratios: { A: 100, B: 100, C: 100, D: 100 },
    });
    const frozen = await act(task, 'freeze');
    assert.equal((await act(frozen.body, 'draw')).status, 200);
    const plans = (await admin.get<TPlan[]>('/api/v1/spot-checks/plans')).body;
    const plan = plans.find((p) => p.id === planId)!;
    assert.equal(plan.drawnChecks, 18 + 60);
    assert.equal(plan.visits, 60);
    assert.equal(plan.visitsSaved, 18);
    await assertInspectorsTold(task); // the 18 merged visits count with every inspector now on them
    const merged = (await admin.get<Page<TVisitSummary>>(`/api/v1/spot-checks/visits?taskId=${task.id}&limit=200`)).body
      .items;
    const joint = merged.filter((v) => v.inspectors.some((i) => i.departmentName === '食品经营安全监管科'));
    assert.equal(joint.length, 18);
    for (const v of joint) assert.ok(v.inspectors.some((i) => i.departmentName === '特种设备安全监察科'));
    for (const v of merged) assert.ok(!v.inspectors.some((i) => i.id === conflicted!.id), '回避: declared conflict');
  });

  it('refuses bad input with 422/409 and changes nothing', async () => {
    const ratio = await admin.post<{ errors: { path: string }[] }>('/api/v1/spot-checks/tasks', {
      planId,
      poolId,
      name: 'x',
      itemIds: await itemIds(app.services.db, ['SP-01']),
      ratios: { A: 5, B: 101, C: 10, D: 20 },
    });
    assert.equal(ratio.status, 422);
    assert.equal(ratio.body.errors[0]!.path, 'ratios.B');

    const empty = await admin.post<{ id: number }>('/api/v1/spot-checks/pools', {
      name: '空名录库',
      filter: { industryPrefix: 'ZZZZ' },
    });
    const emptyTask = await newTask({ poolId: empty.body.id });
    const draws = await count('SELECT count(*)::int AS n FROM spot_check_draws');
    const res = await act(emptyTask, 'freeze');
    assert.equal(res.status, 422);
    assert.match(res.body.detail!, /名录库为空/);
    assert.equal((await admin.get<TTask>(`/api/v1/spot-checks/tasks/${emptyTask.id}`)).body.status, 'draft');
    assert.equal(await count('SELECT count(*)::int AS n FROM spot_check_draws'), draws);

    // Two 稽查 inspectors in the whole pool: six per visit cannot be met.
    const plan2 = await admin.post<TPlan>('/api/v1/spot-checks/plans', {
      name: '专项',
      periodStart: '2026-06-01',
      periodEnd: '2026-06-30',
    });
    const few = await newTask({
      planId: plan2.body.id,
      itemIds: await itemIds(app.services.db, ['JC-01']),
      inspectorsPerVisit: 6,
    });
    const frozen = await act(few, 'freeze');
    const visits = await count('SELECT count(*)::int AS n FROM spot_check_visits');
    const short = await act(frozen.body, 'draw');
    assert.equal(short.status, 422);
    assert.match(short.body.detail!, /检查人员不足/);
    assert.equal((await admin.get<TTask>(`/api/v1/spot-checks/tasks/${few.id}`)).body.status, 'frozen');
    assert.equal(await count('SELECT count(*)::int AS n FROM spot_check_visits'), visits);
    assert.equal((await act(frozen.body, 'freeze')).status, 409);
  });

  it('records results with evidence, opens a lead for a problem, and publishes within 20 working days', async () => {
    // Results are entered by an inspector drawn for the visit (one with an account).
    const [pick] = await app.services.db.query<{ id: number; username: string }>(
      `SELECT v.id, u.username FROM spot_check_visits v JOIN spot_check_inspectors i ON i.id = ANY(v.inspector_ids)
         JOIN users u ON u.id = i.user_id WHERE v.status = 'assigned' ORDER BY v.id DESC LIMIT 1`,
    );
    const inspector = await loginAs(app, pick!.username);
    const visit = (await inspector.get<TVisitDetail>(`/api/v1/spot-checks/visits/${pick!.id}`)).body;
    assert.ok(visit.items.length >= 1);
    assert.equal(visit.canRecord, true);

    const form = new FormData();
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 3)]);
    form.append('file', new Blob([png]), '现场.png');
    const upload = await fetch(`${app.baseUrl}/api/v1/spot-checks/visits/${visit.id}/files`, {
      method: 'POST',
      body: form,
      headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrfToken },
    });
    assert.equal(upload.status, 201);
    const file = (await upload.json()) as { id: number; sha256: string };

    const early = await admin.post<{ code: string }>(`/api/v1/spot-checks/visits/${visit.id}/transitions`, {
      action: 'complete',
      version: visit.version,
    });
    assert.equal(early.status, 422, 'every item needs a result first');

    const [first, ...rest] = visit.items;
    const recorded = await inspector.put<TVisitDetail>(`/api/v1/spot-checks/visits/${visit.id}/results`, {
      itemId: first!.itemId,
      category: 'pendingFollowUp',
      notes: '后厨未留样',
      fileIds: [file.id],
    });
    assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
    const result = recorded.body.items.find((i) => i.itemId === first!.itemId)!.result!;
    assert.match(result.caseLeadRef!, /^AY\d{8}$/);
    assert.equal(result.files[0]!.sha256, file.sha256);
    const viaVisit = await admin.get(`/api/v1/spot-checks/visits/${visit.id}/files/${file.id}`);
    assert.equal(viaVisit.status, 200);
    assert.equal(viaVisit.headers.get('x-content-sha256'), file.sha256);
    // Another station's evidence can neither be linked to this visit nor opened through it.
    const [own] = await app.services.db.query<{ stationId: number }>(
      'SELECT station_id AS "stationId" FROM spot_check_visits WHERE id = $1',
      [visit.id],
    );
    const other = own!.stationId === s01 ? s02 : s01;
    const png2 = Buffer.concat([png, Buffer.from('other')]);
    const foreign = await app.services.files.store(
      app.services.db,
      { filename: 'x.png', mimeType: 'image/png', pieces: [png2], sizeBytes: png2.length },
      { purpose: 'inspection-evidence', ownerUnitId: other, createdBy: null },
    );
    assert.equal((await admin.get(`/api/v1/spot-checks/visits/${visit.id}/files/${foreign.id}`)).status, 404);
    const linkForeign = await inspector.put<{ errors: { path: string }[] }>(
      `/api/v1/spot-checks/visits/${visit.id}/results`,
      { itemId: first!.itemId, category: 'pendingFollowUp', notes: '后厨未留样', fileIds: [file.id, foreign.id] },
    );
    assert.equal(linkForeign.status, 422);
    assert.equal(linkForeign.body.errors[0]?.path, 'fileIds');
    assert.equal(await count(`SELECT count(*)::int AS n FROM case_leads WHERE source_type = 'inspection'`), 1);
    assert.equal(
      await count('SELECT count(*)::int AS n FROM risk_recompute_queue WHERE entity_id = $1', [visit.entityId]),
      1,
    );
    for (const item of rest) {
      const res = await inspector.put(`/api/v1/spot-checks/visits/${visit.id}/results`, {
        itemId: item.itemId,
        category: 'noProblem',
      });
      assert.equal(res.status, 200);
    }
    const bad = await inspector.put<{ errors: { path: string }[] }>(`/api/v1/spot-checks/visits/${visit.id}/results`, {
      itemId: first!.itemId,
      category: 'made-up',
    });
    assert.equal(bad.status, 422);

    const current = (await admin.get<TVisitDetail>(`/api/v1/spot-checks/visits/${visit.id}`)).body;
    const done = await admin.post<TVisitDetail>(`/api/v1/spot-checks/visits/${visit.id}/transitions`, {
      action: 'complete',
      version: current.version,
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const due = await app.services.calendar.addWorkingDays(done.body.inspectedOn!, 20);
    assert.equal(done.body.publishDueOn, due.date);
    assert.equal(done.body.overdue, false);
    assert.deepEqual(done.body.actions, ['publish']);

    const anonymous = await fetch(`${app.baseUrl}/api/v1/public/spot-checks/results?q=${visit.uscc}`);
    assert.equal(((await anonymous.json()) as Page<unknown>).items.length, 0, 'not public before publication');
    const published = await admin.post<TVisitDetail>(`/api/v1/spot-checks/visits/${visit.id}/transitions`, {
      action: 'publish',
      version: done.body.version,
    });
    assert.equal(published.status, 200);
    const open = await fetch(`${app.baseUrl}/api/v1/public/spot-checks/results?q=${visit.uscc}`);
    assert.equal(open.status, 200);
    const page = (await open.json()) as Page<{ uscc: string; items: { categoryLabel: string }[] }>;
    assert.equal(page.items[0]!.uscc, visit.uscc);
    assert.ok(page.items[0]!.items.some((i) => i.categoryLabel === '发现问题待后续处理'));
    assert.ok(!JSON.stringify(page).includes('后厨未留样'), 'notes stay internal');
  });

  it('shows an inspector the visits assigned to them, and no one else’s', async () => {
    const inspector = await loginAs(app, 's03.inspector');
    const mine = (await inspector.get<Page<TVisitSummary>>('/api/v1/spot-checks/visits?limit=200')).body.items;
    const [linked] = await app.services.db.query<{ id: number }>(
      `SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id WHERE u.username = 's03.inspector'`,
    );
    for (const v of mine) assert.ok(v.inspectors.some((i) => i.id === linked!.id));
    const all = (await admin.get<Page<TVisitSummary>>('/api/v1/spot-checks/visits?limit=200')).body.items;
    const other = all.find((v) => !v.inspectors.some((i) => i.id === linked!.id));
    if (other) assert.equal((await inspector.get(`/api/v1/spot-checks/visits/${other.id}`)).status, 404);
    assert.equal(s02 > 0, true);
  });
});
