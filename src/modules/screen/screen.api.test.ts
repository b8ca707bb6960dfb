import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { insertEntities, unitId } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TScreen } from '../../contracts/screen.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { screenWindow } from './provider.ts';

/**
 * 智慧大脑: the refresh writes figures equal to direct counts over the same tables (district and a station), the
 * GET reads the rollup only (a new row changes nothing until the next refresh), and only screen:read holders
 * with the district in scope see it.
 */
describe('screen: rollup refreshed by a job, read without scanning', () => {
  let app: TestApp;
  let leader: ApiClient;
  let admin: ApiClient;
  let s01: number;
  const today = shanghaiToday();
  const w = screenWindow(today);

  const one = async (sql: string, params: unknown[] = []) =>
    Number((await app.testDb.db.query<{ n: number }>(sql, params))[0]!.n);

  before(async () => {
    app = await startTestApp();
    const db = app.testDb.db;
    leader = await loginAs(app, 'leader');
    admin = await loginAs(app, 'admin');
    s01 = await unitId(db, 's01');
    await insertEntities(db, { count: 7, stationCode: 's01', riskClass: 'A' });
    await insertEntities(db, { count: 3, stationCode: 's02', riskClass: 'D' });
    await insertEntities(db, { count: 2, stationCode: 's02', riskClass: 'C', status: 'deregistered' });
    await db.query(
      `UPDATE entities SET established_on = $1 WHERE id IN (SELECT id FROM entities ORDER BY id DESC LIMIT 4)`,
      [today],
    );
    const hotline = await loginAs(app, 'hotline');
    const [entity] = await db.query<{ id: number }>('SELECT id FROM entities WHERE station_id = $1 LIMIT 1', [s01]);
    for (const receivedOn of ['2025-03-10', today, today]) {
      const res = await hotline.post('/api/v1/complaints', {
        kind: 'complaint',
        channel: 'phone',
        person: { name: '测试', phone: '13900000000' },
        business: { entityId: entity!.id },
        description: '大屏测试：洗衣店洗坏羽绒服拒不赔偿。',
        receivedOn,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const decided = await insertCase(db, {
      status: 'decided',
      filedOn: w.yearStart,
      extra: { decision_kind: 'penalty', decided_on: today },
    });
    await db.query(
      `INSERT INTO case_penalties (case_id, kind, amount_fen) VALUES ($1, 'fine', 500000), ($1, 'warning', 0)`,
      [decided],
    );
    await insertCase(db, { status: 'investigating', filedOn: today, stationCode: 's02' });
    const [item] = await db.query<{ id: number }>('SELECT id FROM spot_check_items ORDER BY id LIMIT 1');
    const visits = await db.query<{ id: number }>(
      `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids, status, inspected_on)
       SELECT 1, e.id, e.station_id, '{}', '{}', 'inspected', $2 FROM entities e WHERE e.station_id = $1
        ORDER BY e.id LIMIT 3 RETURNING id`,
      [s01, today],
    );
    await db.query(
      `INSERT INTO spot_check_results (visit_id, item_id, category) VALUES ($1, $3, 'pendingFollowUp'), ($2, $3, 'noProblem')`,
      [visits[0]!.id, visits[1]!.id, item!.id],
    );
  });
  after(() => app.close());

  const screen = async (client: ApiClient, query = '') => {
    const res = await client.get<TScreen>(`/api/v1/screen${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  test('before the first refresh the screen answers with no figures and no computedAt', async () => {
    const body = await screen(leader);
    assert.equal(body.computedAt, null);
    assert.deepEqual(body.figures, {});
  });

  test('the refresh computes figures equal to direct counts, for the district and for a station', async () => {
    const job = app.services.jobDefinitions.find((d) => d.kind === 'screen.refresh');
    assert.equal(job?.schedules?.[0]?.everySeconds, 300);
    const result = await app.services.screen.refresh();
    assert.ok(result.figures > 0);
    const body = await screen(leader);
    assert.ok(body.computedAt);
    const f = body.figures;
    assert.equal(f.entities?.total, await one('SELECT count(*) AS n FROM entities'));
    assert.equal(f.entities?.active, await one(`SELECT count(*) AS n FROM entities WHERE status = 'active'`));
    assert.equal(
      f.entities?.newThisMonth,
      await one('SELECT count(*) AS n FROM entities WHERE established_on BETWEEN $1 AND $2', [w.monthStart, today]),
    );
    assert.equal(f.entities?.monthly.length, 12);
    assert.equal(f.entities?.monthly.at(-1)?.month, today.slice(0, 7));
    assert.equal(f.entities?.monthly.at(-1)?.n, f.entities?.newThisMonth);
    assert.equal(
      f.complaints?.today,
      await one('SELECT count(*) AS n FROM complaints WHERE received_on = $1', [today]),
    );
    assert.equal(
      f.complaints?.thisMonth,
      await one('SELECT count(*) AS n FROM complaints WHERE received_on BETWEEN $1 AND $2', [w.monthStart, today]),
    );
    const overdue = await one(
      `SELECT count(DISTINCT complaint_id) AS n FROM complaint_deadlines WHERE met_at IS NULL AND due_on < $1`,
      [today],
    );
    assert.ok(overdue >= 1);
    assert.equal(f.complaints?.overdue, overdue);
    assert.equal(f.complaints?.daily.length, 30);
    assert.equal(f.complaints?.daily.at(-1)?.n, f.complaints?.today);
    for (const c of ['A', 'B', 'C', 'D'] as const)
      assert.equal(
        f.credit?.classes[c],
        await one('SELECT count(*) AS n FROM entity_risk_classes WHERE risk_class = $1', [c]),
      );
    assert.equal(f.spotChecks?.inspected, 3);
    assert.equal(f.spotChecks?.withProblem, 1);
    assert.equal(f.spotChecks?.problemRate, 33.3);
    assert.equal(
      f.cases?.filedThisYear,
      await one('SELECT count(*) AS n FROM cases WHERE filed_on BETWEEN $1 AND $2', [w.yearStart, today]),
    );
    assert.equal(f.cases?.penaltiesThisYear, 1);
    assert.equal(f.cases?.finesFenThisYear, 500000);

    const stations = await one(`SELECT count(*) AS n FROM org_units WHERE kind = 'station' AND active`);
    assert.equal(body.stations.length, stations);
    const atS01 = body.stations.find((s) => s.unitId === s01)!;
    assert.equal(atS01.code, 's01');
    assert.equal(
      atS01.entities,
      await one(`SELECT count(*) AS n FROM entities WHERE station_id = $1 AND status = 'active'`, [s01]),
    );
    assert.equal(
      body.stations.reduce((n, s) => n + s.entities, 0),
      f.entities?.active,
    );
    const station = await screen(admin, `?unitId=${s01}`);
    assert.equal(station.unitId, s01);
    assert.equal(station.stations.length, 1);
    assert.equal(
      station.figures.credit?.classes.A,
      await one(
        `SELECT count(*) AS n FROM entity_risk_classes r JOIN entities e ON e.id = r.entity_id
          WHERE e.station_id = $1 AND r.risk_class = 'A'`,
        [s01],
      ),
    );
    assert.equal(station.figures.spotChecks?.inspected, 3);
    assert.equal(
      station.figures.complaints?.overdue,
      await one(
        `SELECT count(*) AS n FROM complaints c WHERE c.station_id = $1 AND c.id IN
           (SELECT complaint_id FROM complaint_deadlines WHERE met_at IS NULL AND due_on < $2)`,
        [s01, today],
      ),
    );
  });

  test('GET reads the rollup only: a new entity shows after the next refresh, not before', async () => {
    const first = await screen(leader);
    const refreshes = await one('SELECT count(*) AS n FROM screen_refreshes');
    await insertEntities(app.testDb.db, { count: 1, stationCode: 's03' });
    const again = await screen(leader);
    assert.equal(again.computedAt, first.computedAt);
    assert.equal(again.figures.entities?.total, first.figures.entities?.total);
    assert.equal(await one('SELECT count(*) AS n FROM screen_refreshes'), refreshes);
    await app.services.screen.refresh();
    const fresh = await screen(leader);
    assert.equal(fresh.figures.entities?.total, (first.figures.entities?.total ?? 0) + 1);
    assert.notEqual(fresh.computedAt, first.computedAt);
  });

  test('a station chief and an inspector get 403; a bad unit id 422', async () => {
    for (const who of ['s01.chief', 's01.inspector', 'hotline']) {
      const client = await loginAs(app, who);
      assert.equal((await client.get('/api/v1/screen')).status, 403, who);
      assert.equal((await client.get(`/api/v1/screen?unitId=${s01}`)).status, 403, who);
    }
    assert.equal((await leader.get('/api/v1/screen?unitId=abc')).status, 422);
  });

  test('at start a fresh rollup is not queued again; a stale one is', async () => {
    assert.equal(await app.services.screen.enqueueIfStale(), false);
    await app.testDb.db.query(`UPDATE screen_refreshes SET finished_at = finished_at - interval '1 hour'`);
    assert.equal(await app.services.screen.enqueueIfStale(), true);
    assert.equal(await one(`SELECT count(*) AS n FROM jobs WHERE kind = 'screen.refresh'`), 1);
  });
});
