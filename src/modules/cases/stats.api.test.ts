import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { selfScopedUser } from '../../../tests/helpers/scoped-users.ts';
import { insertEntities } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { CaseStatsResult } from '../../contracts/case-stats.ts';

/**
 * Statistics on a small known set (today 2026-12-03): figures in the month of their own event, annulled decisions
 * left out, 罚没款 = 罚款 + 没收, the current month live, and each caller's reach.
 */
describe('case statistics: GET /api/v1/case-stats', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let self: { id: number; client: ApiClient };
  let ids: Record<string, number>;
  const stats = (c: ApiClient, q: string) => c.get<CaseStatsResult>(`/api/v1/case-stats?${q}`);

  before(async () => {
    app = await startTestApp({ now: () => new Date('2026-12-03T04:00:00Z') });
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    self = await selfScopedUser(app, admin, { username: 'case.self', unitCode: 's02', permissions: ['case:read'] });
    const db = app.testDb.db;
    const [e1] = await insertEntities(db, { count: 1, stationCode: 's01' });
    const [e2] = await insertEntities(db, { count: 1, stationCode: 's02' });
    const units = await db.query<{ code: string; id: number }>(
      `SELECT code, id FROM org_units WHERE code IN ('s01', 's02', 'enforcement')`,
    );
    ids = Object.fromEntries(units.map((u) => [u.code, u.id]));
    const vt = async (code: string, area: string) => {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO case_violation_types (code, area, name, legal_basis, penalty_basis, sort_order)
         VALUES ($1, $2, $1, '依据', '处罚依据', 0) ON CONFLICT (code) DO UPDATE SET area = EXCLUDED.area RETURNING id`,
        [code, area],
      );
      return row!.id;
    };
    const food = await vt('STATS-FOOD', 'food');
    const pricing = await vt('STATS-PRICE', 'pricing');
    const insert = async (c: {
      station: number;
      procedure?: string;
      status: string;
      filed: string;
      decided?: string;
      kind?: string;
      closed?: string;
      major?: boolean;
      value?: number;
      goods?: number;
      confiscated?: number;
      typical?: boolean;
      transferred?: boolean;
      department?: number;
      createdBy?: number;
      violation?: number;
      penalties?: [string, number][];
    }) => {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO cases (procedure, status, entity_id, party_kind, party_name, station_id, department_id, title, filed_on,
           decided_on, decision_kind, closed_on, is_major, case_value_fen, goods_value_fen, confiscated_fen, typical,
           transferred_to_judiciary, created_by)
         VALUES ($1, $2, $3, 'organisation', '统计测试商行', $4, $5, '统计测试案', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         RETURNING id`,
        [
          c.procedure ?? 'general',
          c.status,
          c.station === ids.s01 ? e1 : e2,
          c.station,
          c.department ?? null,
          c.filed,
          c.decided ?? null,
          c.kind ?? null,
          c.closed ?? null,
          c.major ?? false,
          c.value ?? 0,
          c.goods ?? 0,
          c.confiscated ?? 0,
          c.typical ?? false,
          c.transferred ?? false,
          c.createdBy ?? null,
        ],
      );
      if (c.violation)
        await db.query('INSERT INTO case_violations (case_id, violation_type_id) VALUES ($1, $2)', [
          row!.id,
          c.violation,
        ]);
      for (const [kind, amount] of c.penalties ?? [])
        await db.query('INSERT INTO case_penalties (case_id, kind, amount_fen) VALUES ($1, $2, $3)', [
          row!.id,
          kind,
          amount,
        ]);
    };
    // s01: a 大要案 (罚款 10,000 + 没收 2,000, typical), a summary case this month, a 2025 transfer, an annulled decision.
    await insert({
      station: ids.s01!,
      status: 'closed',
      filed: '2026-03-10',
      decided: '2026-06-01',
      kind: 'penalty',
      closed: '2026-07-01',
      major: true,
      value: 300_000_00,
      goods: 100_000_00,
      typical: true,
      violation: food,
      penalties: [
        ['fine', 10_000_00],
        ['confiscate_gains', 2_000_00],
      ],
    });
    await insert({
      station: ids.s01!,
      procedure: 'summary',
      status: 'closed',
      filed: '2026-12-01',
      decided: '2026-12-01',
      kind: 'penalty',
      closed: '2026-12-01',
      value: 500_00,
      violation: pricing,
      penalties: [['fine', 200_00]],
    });
    await insert({
      station: ids.s01!,
      status: 'closed',
      filed: '2025-02-10',
      decided: '2025-05-01',
      kind: 'transfer',
      closed: '2025-05-20',
      transferred: true,
      violation: food,
    });
    await insert({
      station: ids.s01!,
      status: 'annulled',
      filed: '2026-01-05',
      decided: '2026-02-01',
      kind: 'penalty',
      value: 1_000_00,
      penalties: [['fine', 5_000_00]],
    });
    // s02: a decision this month with its 没收 recorded on the case only; a 2025 case still open.
    await insert({
      station: ids.s02!,
      status: 'served',
      filed: '2026-04-01',
      decided: '2026-12-02',
      kind: 'penalty',
      value: 8_000_00,
      confiscated: 1_000_00,
      department: ids.enforcement,
      createdBy: self.id,
      penalties: [['fine', 3_000_00]],
    });
    await insert({ station: ids.s02!, status: 'investigating', filed: '2025-11-20' });
    await app.services.caseStats.rebuild('all');
  });
  after(() => app.close());

  test('district totals: opened, closed, 大要案, 罚没款, 案值, 移送 with year-on-year', async () => {
    const res = await stats(admin, 'year=2026&groupBy=station');
    assert.equal(res.status, 200);
    const { current, previous, yoyPct } = res.body.totals;
    assert.equal(res.body.asOf, '2026-12-03');
    assert.deepEqual(
      {
        opened: current.opened,
        general: current.openedGeneral,
        summary: current.openedSummary,
        closed: current.closed,
        major: current.closedMajor,
        decided: current.decidedPenalty,
        fines: current.finesFen,
        confiscated: current.confiscatedFen,
        penalty: current.penaltyFen,
        majorPenalty: current.majorPenaltyFen,
        value: current.caseValueFen,
        goods: current.goodsValueFen,
        transferred: current.transferred,
        typical: current.typical,
      },
      {
        opened: 4,
        general: 3,
        summary: 1,
        closed: 2,
        major: 1,
        decided: 3,
        fines: 13_200_00,
        confiscated: 3_000_00,
        penalty: 16_200_00,
        majorPenalty: 12_000_00,
        value: 309_500_00,
        goods: 100_000_00,
        transferred: 0,
        typical: 1,
      },
    );
    assert.deepEqual([previous.opened, previous.closed, previous.transferred], [2, 1, 1]);
    assert.equal(yoyPct.opened, 100);
    assert.equal(yoyPct.transferred, -100);
    assert.equal(yoyPct.penaltyFen, null);
    const byStation = Object.fromEntries(res.body.items.map((i) => [i.key, i]));
    assert.equal(byStation[String(ids.s01)]!.label, '桂城市场监管所');
    assert.equal(byStation[String(ids.s01)]!.current.opened, 3);
    assert.equal(byStation[String(ids.s02)]!.current.penaltyFen, 4_000_00);
    assert.equal(byStation[String(ids.s02)]!.previous.opened, 1);
  });

  test('by month (this year and each month of last), by violation area, by department', async () => {
    const months = (await stats(admin, 'year=2026&groupBy=month')).body;
    assert.equal(months.items.length, 12);
    const m = Object.fromEntries(months.items.map((i) => [i.key, i]));
    assert.equal(m['03']!.current.opened, 1);
    assert.equal(m['12']!.current.penaltyFen, 200_00 + 4_000_00);
    assert.equal(m['12']!.label, '12月');
    assert.equal(m['05']!.previous.closed, 1);
    assert.equal(m['11']!.previous.opened, 1);
    const areas = (await stats(admin, 'year=2026&groupBy=violationArea')).body;
    const a = Object.fromEntries(areas.items.map((i) => [i.key, i]));
    assert.equal(a.food!.label, '食品安全');
    assert.equal(a.food!.current.opened, 1);
    assert.equal(a.food!.previous.transferred, 1);
    assert.equal(a.pricing!.current.finesFen, 200_00);
    assert.equal(a['']!.current.opened, 2);
    const depts = (await stats(admin, 'year=2026&groupBy=department')).body;
    const d = Object.fromEntries(depts.items.map((i) => [i.key, i]));
    assert.equal(d[String(ids.enforcement)]!.label, '执法稽查大队');
    assert.equal(d[String(ids.enforcement)]!.current.penaltyFen, 4_000_00);
    assert.equal(d['0']!.current.opened, 3);
  });

  test('the current month is live: a case filed today counts before the rollup runs', async () => {
    await app.testDb.db.query(
      `INSERT INTO cases (procedure, status, party_kind, party_name, station_id, title, filed_on)
       VALUES ('general', 'investigating', 'person', '张三', $1, '今日立案', '2026-12-03')`,
      [ids.s01],
    );
    const res = await stats(admin, 'year=2026&groupBy=station');
    assert.equal(res.body.totals.current.opened, 5);
    const refreshed = await app.services.caseStats.refresh(new Date('2026-12-03T00:00:00Z'));
    assert.ok(refreshed.months >= 3);
    assert.equal((await stats(admin, 'year=2026&groupBy=station')).body.totals.current.opened, 5);
    await app.testDb.db.query(`DELETE FROM cases WHERE title = '今日立案'`);
  });

  test('a station chief sees their station only; a self-scoped user their own cases; no permission 403', async () => {
    const res = await stats(chief, 'year=2026&groupBy=station');
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((i) => i.key),
      [String(ids.s01)],
    );
    assert.equal(res.body.totals.current.opened, 3);
    assert.equal(res.body.totals.current.penaltyFen, 12_200_00);
    const months = (await stats(chief, 'year=2026&groupBy=month')).body;
    assert.equal(months.items.find((i) => i.key === '12')!.current.penaltyFen, 200_00);
    const own = (await stats(self.client, 'year=2026&groupBy=violationArea')).body;
    assert.equal(own.totals.current.opened, 1);
    assert.equal(own.totals.current.penaltyFen, 4_000_00);
    assert.equal(own.totals.previous.opened, 0);
    const hotline = await loginAs(app, 'hotline');
    assert.equal((await stats(hotline, 'year=2026')).status, 403);
  });

  test('bad input: 422 naming the field', async () => {
    const bad = await stats(admin, 'year=abc');
    assert.equal(bad.status, 422);
    assert.match(JSON.stringify(bad.body), /year/);
    const dim = await stats(admin, 'year=2026&groupBy=weekday');
    assert.equal(dim.status, 422);
    assert.match(JSON.stringify(dim.body), /groupBy/);
  });
});
