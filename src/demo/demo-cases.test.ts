import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertEntities } from '../../tests/helpers/spot-check-factories.ts';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { caseStatusLabels } from '../domain/case-workflow.ts';
import { loadDemoCases } from './demo-cases.ts';

let t: TestDb;
const today = '2026-12-03';
before(async () => {
  t = await createTestDb();
  for (const code of ['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08'])
    await insertEntities(t.db, { count: 40, stationCode: code });
  // The violation dictionary (wt-case-leads seeds it; a few here so the demo has something to draw from).
  const [{ n } = { n: 0 }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_violation_types');
  if (n === 0)
    await t.db.query(
      `INSERT INTO case_violation_types (code, area, name, legal_basis, penalty_basis, involves_safety, sort_order)
       VALUES ('T-FOOD', 'food', '经营超过保质期的食品', '《食品安全法》第三十四条第十项', '《食品安全法》第一百二十四条', true, 1),
              ('T-PRICE', 'pricing', '不明码标价', '《价格法》第十三条', '《价格法》第四十二条', false, 2),
              ('T-AD', 'advertising', '发布虚假广告', '《广告法》第二十八条', '《广告法》第五十五条', false, 3),
              ('T-TM', 'trademark', '销售侵犯注册商标专用权的商品', '《商标法》第五十七条', '《商标法》第六十条', false, 4),
              ('T-EQ', 'special_equipment', '使用未经定期检验的特种设备', '《特种设备安全法》第四十条', '《特种设备安全法》第八十四条', true, 5)`,
    );
});
after(() => t.close());

test('three years of demo cases at the seeds’ rates, every open stage, leads in every outcome', async () => {
  const { db } = t;
  const loaded = await loadDemoCases(db, { today });
  console.log(`demo cases: ${loaded.cases} cases, ${loaded.leads} leads in ${loaded.seconds.toFixed(2)} s`);
  assert.ok(loaded.cases > 1000);
  const years = await db.query<{
    y: number;
    closed: number;
    major: number;
    penaltyYuan: number;
    transferred: number;
  }>(
    `SELECT extract(year FROM month)::int AS y, sum(closed)::int AS closed, sum(closed_major)::int AS major,
            (sum(fines_fen + confiscated_fen) / 100)::float8 AS "penaltyYuan", sum(transferred)::int AS transferred
       FROM case_monthly_stats WHERE dim = 'department' GROUP BY 1 ORDER BY 1`,
  );
  const full = years.filter((r) => r.y === 2024 || r.y === 2025);
  assert.equal(full.length, 2, JSON.stringify(years));
  for (const r of full) {
    assert.ok(r.closed >= 330 && r.closed <= 400, `closed ${JSON.stringify(r)}`);
    assert.ok(r.major >= 55 && r.major <= 100, `major ${JSON.stringify(r)}`);
    assert.ok(r.penaltyYuan >= 6_000_000 && r.penaltyYuan <= 11_000_000, `罚没款 ${JSON.stringify(r)}`);
    assert.ok(r.transferred >= 4 && r.transferred <= 25, `移送 ${JSON.stringify(r)}`);
  }
  const stages = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM cases GROUP BY 1',
  );
  const present = new Set(stages.map((s) => s.status));
  for (const s of Object.keys(caseStatusLabels).filter((s) => s !== 'annulled'))
    assert.ok(present.has(s), `no case in ${s}`);
  const [checks] = await db.query<{
    fewOfficers: number;
    noSteps: number;
    badDecisionNo: number;
    overdue: number;
    published: number;
    stepsOutOfOrder: number;
    leadStatuses: string[];
    counterBehind: number;
  }>(
    `SELECT (SELECT count(*)::int FROM cases c WHERE (SELECT count(*) FROM case_officers o WHERE o.case_id = c.id) < 2) AS "fewOfficers",
            (SELECT count(*)::int FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id)) AS "noSteps",
            (SELECT count(*)::int FROM cases c WHERE c.decided_on IS NOT NULL AND c.decision_no IS NULL) AS "badDecisionNo",
            (SELECT count(*)::int FROM cases c WHERE c.decided_on IS NULL AND c.decision_due_on < $1::date) AS overdue,
            (SELECT count(*)::int FROM case_disclosures WHERE status = 'published') AS published,
            (SELECT count(*)::int FROM cases c WHERE c.status <> (SELECT s.to_status FROM case_steps s WHERE s.case_id = c.id
               ORDER BY s.at DESC, s.id DESC LIMIT 1)) AS "stepsOutOfOrder",
            (SELECT array_agg(DISTINCT status ORDER BY status) FROM case_leads) AS "leadStatuses",
            (SELECT count(*)::int FROM case_documents d JOIN case_document_counters k
               ON k.unit_id = d.unit_id AND k.kind = d.kind AND k.year = d.year WHERE d.seq > k.last_seq) AS "counterBehind"`,
    [today],
  );
  assert.deepEqual(
    { ...checks, published: checks!.published > 200, overdue: checks!.overdue > 0 },
    {
      fewOfficers: 0,
      noSteps: 0,
      badDecisionNo: 0,
      overdue: true,
      published: true,
      stepsOutOfOrder: 0,
      leadStatuses: ['filed', 'merged', 'not_filed', 'verifying'],
      counterBehind: 0,
    },
  );
});
