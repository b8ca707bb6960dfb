import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { loadDemoEntities } from '../../demo/demo-entities-load.ts';
import { demoStations } from '../../demo/demo-org.ts';
import { Rng } from '../../demo/random.ts';
import { latestClosedReportYear, mustReport, yearsBefore } from '../../domain/credit-rules.ts';
import { shanghaiToday } from '../../domain/deadlines.ts';
import { assessRisk, defaultRiskModel, type RiskFacts, type RiskModel } from '../../domain/risk-model.ts';

const ENTITIES = 1500;
const today = shanghaiToday();
const latest = latestClosedReportYear(today);
/** A date `days` before today (UTC arithmetic on calendar dates). */
const daysAgo = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
/** Days back that stay clear of the 1- and 2-year window edges (no timezone or leap-day ambiguity). */
const offWindow = (rng: Rng) => rng.pick([rng.between(3, 360), rng.between(370, 725), rng.between(735, 1000)]);

interface Truth {
  id: number;
  established: string;
  industry: string | null;
  facts: RiskFacts;
}

/** Random facts written straight into the fact tables, and what the model should see (computed here, in TS). */
async function seedFacts(app: TestApp): Promise<Truth[]> {
  const db = app.services.db;
  const rng = new Rng(20261126);
  const entities = await db.query<{ id: number; established: string; industry: string | null; station: number }>(
    `SELECT id, established_on AS established, industry_code AS industry, station_id AS station FROM entities ORDER BY id`,
  );
  const reports: [number, number, string][] = [];
  const listings: [number, number, string, string][] = [];
  const leads: [number, number, string][] = [];
  const complaints: [number, number, string][] = [];
  const penalties: [number, number, string, string, string][] = [];
  const truth: Truth[] = [];
  // Some codes with nested prefixes and some with none at all, so longest-prefix and NULL both get exercised.
  const industries = ['6210', '6220', '621', '5251', '5252', '1311', '1411', '3011', '5191', null];
  for (const e of entities) {
    if (rng.chance(0.3)) e.industry = rng.pick(industries);
    let missed = 0;
    for (const y of [latest, latest - 1]) {
      const filed = rng.chance(0.8);
      if (filed && mustReport(e.established, y)) reports.push([e.id, y, `${y + 1}-0${rng.between(1, 6)}-15`]);
      if (!filed && mustReport(e.established, y)) missed++;
    }
    const abnormal = rng.chance(0.08);
    const serious = rng.chance(0.03);
    if (abnormal) listings.push([e.id, e.station, 'abnormal', daysAgo(rng.between(1, 900))]);
    if (serious) listings.push([e.id, e.station, 'serious', daysAgo(rng.between(1, 400))]);
    if (rng.chance(0.05)) listings.push([e.id, e.station, 'abnormal-removed', daysAgo(400)]);
    let failed = 0;
    for (let i = rng.chance(0.15) ? rng.between(1, 5) : 0; i > 0; i--) {
      const d = offWindow(rng);
      if (d < 730) failed++;
      leads.push([e.id, e.station, daysAgo(d)]);
    }
    let recent = 0;
    for (let i = rng.chance(0.2) ? rng.between(1, 8) : 0; i > 0; i--) {
      const d = offWindow(rng);
      if (d < 365) recent++;
      complaints.push([e.id, e.station, daysAgo(d)]);
    }
    // Penalty decisions (the cases module's case_penalty_facts view): in force and within 3 years count; an annulled
    // decision or a 不予处罚 decision does not.
    let penalised = 0;
    for (let i = rng.chance(0.12) ? rng.between(1, 3) : 0; i > 0; i--) {
      const d = rng.pick([rng.between(3, 1080), rng.between(1110, 1500)]);
      const status = rng.chance(0.2) ? 'annulled' : 'closed';
      const kind = rng.chance(0.1) ? 'no_penalty' : 'penalty';
      if (d < 1095 && status !== 'annulled' && kind === 'penalty') penalised++;
      penalties.push([e.id, e.station, daysAgo(d), status, kind]);
    }
    truth.push({
      id: e.id,
      established: e.established,
      industry: e.industry,
      facts: {
        seriousViolation: serious,
        abnormalListed: abnormal,
        penalties3y: penalised,
        failedChecks2y: failed,
        complaints1y: recent,
        annualReportsMissed: missed,
        youngerThanOneYear: e.established > yearsBefore(today, 1),
        industryCode: e.industry,
      },
    });
  }
  await db.transaction(async (tx) => {
    const col = <T>(rows: T[][], i: number) => rows.map((r) => r[i]);
    await tx.query(
      'UPDATE entities e SET industry_code = t.code FROM unnest($1::bigint[], $2::text[]) t(id, code) WHERE e.id = t.id',
      [
        col(
          truth.map((t) => [t.id, t.industry]),
          0,
        ),
        col(
          truth.map((t) => [t.id, t.industry]),
          1,
        ),
      ],
    );
    await tx.query(
      `INSERT INTO annual_reports (entity_id, report_year, filed_on, source)
       SELECT * , 'import' FROM unnest($1::bigint[], $2::int[], $3::date[])`,
      [col(reports, 0), col(reports, 1), col(reports, 2)],
    );
    await tx.query(
      `INSERT INTO credit_listings (entity_id, station_id, list, ground, status, listed_on, removed_on)
       SELECT t.e, t.s, split_part(t.l, '-', 1), 'test', CASE WHEN t.l LIKE '%removed' THEN 'removed' ELSE 'listed' END,
              t.d, CASE WHEN t.l LIKE '%removed' THEN t.d + 30 END
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::date[]) t(e, s, l, d)`,
      [col(listings, 0), col(listings, 1), col(listings, 2), col(listings, 3)],
    );
    await tx.query(
      `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, created_at, received_on)
       SELECT 'inspection', 'T' || ord, t.e, t.s, '抽查发现问题', (t.d::text || ' 12:00:00+08')::timestamptz, t.d
         FROM unnest($1::bigint[], $2::bigint[], $3::date[]) WITH ORDINALITY t(e, s, d, ord)`,
      [col(leads, 0), col(leads, 1), col(leads, 2)],
    );
    await tx.query(
      `INSERT INTO complaints (tracking_code, kind, channel, rule_set_code, received_on, station_id, person_name,
         person_phone, entity_id, description)
       SELECT 'TC' || ord, 'complaint', 'phone', 'samr-2019', t.d, t.s, '测试', '13900000000', t.e, '测试投诉'
         FROM unnest($1::bigint[], $2::bigint[], $3::date[]) WITH ORDINALITY t(e, s, d, ord)`,
      [col(complaints, 0), col(complaints, 1), col(complaints, 2)],
    );
    await tx.query(
      `INSERT INTO cases (procedure, status, entity_id, party_kind, party_name, station_id, title, decision_kind,
         decided_on)
       SELECT 'general', t.st, t.e, 'organisation', '测试当事人', t.s, '测试处罚案件' || ord, t.k, t.d
         FROM unnest($1::bigint[], $2::bigint[], $3::date[], $4::text[], $5::text[]) WITH ORDINALITY t(e, s, d, st, k, ord)`,
      [col(penalties, 0), col(penalties, 1), col(penalties, 2), col(penalties, 3), col(penalties, 4)],
    );
  });
  return truth;
}

/** A random model over the known facts, with nested industry prefixes. */
function randomModel(rng: Rng, version: number): RiskModel {
  const p = () => rng.between(0, 40);
  return {
    version,
    name: `随机模型${version}`,
    thresholds: { B: rng.between(1, 15), C: rng.between(16, 40), D: rng.between(41, 80) },
    indicators: [
      { code: 's', label: '严重', kind: 'flag', fact: 'seriousViolation', points: p() },
      { code: 'a', label: '异常', kind: 'flag', fact: 'abnormalListed', points: p() },
      { code: 'f', label: '抽查', kind: 'count', fact: 'failedChecks2y', pointsEach: rng.between(0, 12), cap: p() },
      { code: 'c', label: '投诉', kind: 'count', fact: 'complaints1y', pointsEach: rng.between(0, 6), cap: p() },
      { code: 'r', label: '年报', kind: 'count', fact: 'annualReportsMissed', pointsEach: p(), cap: p() },
      { code: 'y', label: '新设', kind: 'flag', fact: 'youngerThanOneYear', points: p() },
      { code: 'p', label: '处罚', kind: 'count', fact: 'penalties3y', pointsEach: rng.between(0, 20), cap: p() },
      {
        code: 'i',
        label: '行业',
        kind: 'prefix',
        fact: 'industryCode',
        table: { '6': p(), '62': p(), '621': p(), '5251': p(), '1': p() },
      },
    ],
  };
}

describe('credit risk: the SQL recompute agrees with assessRisk', () => {
  let app: TestApp;
  let admin: ApiClient;
  let truth: Truth[];

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const units = await app.services.db.query<{ id: number; code: string }>(`SELECT id, code FROM org_units`);
    const stations = demoStations.map((s) => ({
      id: units.find((u) => u.code === s.code)!.id,
      code: s.code,
      regionCodes: s.regionCodes,
    }));
    await loadDemoEntities(app.services.db, { entities: ENTITIES, seed: 7, stations, pii: app.services.pii });
    truth = await seedFacts(app);
  });
  after(() => app.close());

  async function classes() {
    const rows = await app.services.db.query<{ id: number; cls: string; score: number; v: number }>(
      'SELECT entity_id AS id, risk_class AS cls, score, model_version AS v FROM entity_risk_classes',
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  function assertAgree(model: RiskModel, got: Awaited<ReturnType<typeof classes>>) {
    assert.equal(got.size, truth.length);
    let mismatches = 0;
    for (const t of truth) {
      const want = assessRisk(model, t.facts);
      const row = got.get(t.id)!;
      if (row.score !== want.score || row.cls !== want.riskClass || row.v !== model.version) {
        if (mismatches++ < 3)
          assert.fail(
            `entity ${t.id}: SQL ${row.cls}/${row.score}, assessRisk ${want.riskClass}/${want.score} ${JSON.stringify(t.facts)}`,
          );
      }
    }
  }

  test('the facts the SQL gathers are the facts the fixture wrote', async () => {
    const { factsOf } = await import('./repos/risk.ts');
    const rows = await factsOf(
      app.services.db,
      truth.map((t) => t.id),
      today,
      latest,
    );
    const byId = new Map(rows.map((r) => [r.entity_id, r]));
    for (const t of truth) {
      const { entity_id: _, ...facts } = byId.get(t.id)!;
      assert.deepEqual(facts, t.facts, `entity ${t.id}`);
    }
  });

  test('default model: every entity, in chunks of 97 ids, matches assessRisk; the job records history', async () => {
    const result = await app.services.credit.risk.recomputeAll(undefined, 97);
    assert.equal(result.computed, ENTITIES);
    assertAgree(defaultRiskModel, await classes());
    const classesSeen = new Set([...(await classes()).values()].map((r) => r.cls));
    assert.ok(classesSeen.size >= 3, `classes seen: ${[...classesSeen]}`);
    const [h] = await app.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM risk_class_history');
    assert.equal(h!.n, ENTITIES, 'a first class is a change from none');
    const again = await app.services.credit.risk.recomputeAll();
    assert.deepEqual([again.updated, again.classChanged], [0, 0], 'nothing changed, nothing written');
  });

  test('random models saved and activated through the API agree too (job path)', async () => {
    const rng = new Rng(99);
    for (let i = 0; i < 4; i++) {
      const { version: _, ...body } = randomModel(rng, 0);
      const saved = await admin.post<{ version: number }>('/api/v1/credit/models', body);
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      const started = await admin.post<{ jobId: number }>(`/api/v1/credit/models/${saved.body.version}/activate`);
      assert.equal(started.status, 202);
      await app.services.jobRunner.drain();
      const job = await admin.get<{ status: string; progressDone: number; progressTotal: number }>(
        `/api/v1/jobs/${started.body.jobId}`,
      );
      assert.equal(job.body.status, 'succeeded');
      assertAgree({ ...body, version: saved.body.version } as RiskModel, await classes());
    }
  });

  test('the outbox: a failed check queued by another module is recomputed by the drain, and only that entity', async () => {
    const db = app.services.db;
    const t = truth.find((x) => !x.facts.seriousViolation)!;
    const [station] = await db.query<{ id: number }>('SELECT station_id AS id FROM entities WHERE id = $1', [t.id]);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        await tx.query(
          `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, received_on)
           VALUES ('inspection', $1, $2, $3, '发现问题', $4)`,
          [`Q${i}`, t.id, station!.id, today],
        );
      }
      await tx.query(`INSERT INTO risk_recompute_queue (entity_id, reason) VALUES ($1, 'inspectionFailed')`, [t.id]);
    });
    const before = await classes();
    const { computed } = await app.services.credit.risk.drainQueue();
    assert.equal(computed, 1);
    const model = await app.services.credit.risk.activeModel();
    t.facts.failedChecks2y = Number(t.facts.failedChecks2y) + 3;
    const after = await classes();
    assert.equal(after.get(t.id)!.score, assessRisk(model, t.facts).score);
    assert.equal((await db.query('SELECT 1 FROM risk_recompute_queue')).length, 0);
    const others = [...after.values()].filter((r) => r.id !== t.id && before.get(r.id)!.score !== r.score);
    assert.deepEqual(others, []);
  });

  test('a model using an unknown fact or a bad threshold order is refused with a Chinese message', async () => {
    const res = await admin.post<{ detail: string }>('/api/v1/credit/models', {
      name: '错误模型',
      thresholds: { B: 30, C: 10, D: 50 },
      indicators: [{ code: 'x', label: '拼错', kind: 'flag', fact: 'abnormalListd', points: 5 }],
    });
    assert.equal(res.status, 422);
    assert.match(res.body.detail, /阈值须满足 B < C < D/);
    assert.match(res.body.detail, /未知的事实 abnormalListd/);
  });
});
