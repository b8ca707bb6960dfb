import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEquipment } from '../../../tests/helpers/equipment-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { testDbKind } from '../../../tests/helpers/test-db.ts';
import type { TDirective } from '../../contracts/equipment-hazards.ts';
import { addDays } from '../../domain/equipment-hazard-workflow.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

type Problem = { detail: string };

/** 指令书 issued and accepted while other requests touch the same station or equipment: no 500, no duplicate number. */
describe(`特种设备指令书 under concurrent requests (${testDbKind()})`, () => {
  let app: TestApp;
  let chief: ApiClient;
  const today = () => shanghaiToday();
  const q = <T>(sql: string, params: unknown[] = []) => app.testDb.db.query<T>(sql, params);

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
  });
  after(() => app.close());

  /** A piece of equipment with one open hazard of the grade. */
  async function hazardOn(gradeCode = 'general') {
    const eq = await makeEquipment(app.testDb.db, { tag: 'Q' });
    const found = await chief.post<{ hazards: { id: number }[] }>('/api/v1/equipment/hazard-inspections', {
      equipmentId: eq.id,
      foundOn: today(),
      inspectorNames: '张三、李四',
      hazards: [{ gradeCode, description: '制动器闸瓦磨损超标' }],
    });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    return { eq, hazardId: found.body.hazards[0]!.id };
  }
  const issue = (hazardIds: number[]) =>
    chief.post<TDirective & Problem>('/api/v1/equipment/directives', { hazardIds });
  const stop = (id: number) =>
    chief.post<Problem>(`/api/v1/equipment/${id}/status`, { action: 'stop', reason: '停用' });

  test('10 指令书 issued at once in one station: 10 distinct consecutive numbers', async () => {
    const hazards = [];
    for (let i = 0; i < 10; i++) hazards.push(await hazardOn());
    const [before] = await q<{ last: number | null }>(
      `SELECT max(last_seq) AS last FROM equipment_directive_counters k JOIN org_units s ON s.id = k.station_id
        WHERE s.code = 's01' AND k.year = $1`,
      [Number(today().slice(0, 4))],
    );
    const res = await Promise.all(hazards.map((h) => issue([h.hazardId])));
    assert.deepEqual(
      res.map((r) => r.status),
      hazards.map(() => 200),
      JSON.stringify(res.filter((r) => r.status !== 200).map((r) => r.body)),
    );
    const seqs = res.map((r) => Number(/〕(\d+)号$/.exec(r.body.docNo)![1])).sort((a, b) => a - b);
    const first = Number(before?.last ?? 0) + 1;
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => first + i),
    );
  });

  test('the same hazard ordered twice at once: one 指令书, the other a 409 in Chinese', async () => {
    for (let round = 0; round < 3; round++) {
      const { hazardId } = await hazardOn();
      const res = await Promise.all([issue([hazardId]), issue([hazardId])]);
      assert.deepEqual(res.map((r) => r.status).sort(), [200, 409], JSON.stringify(res.map((r) => r.body)));
      assert.match(res.find((r) => r.status === 409)!.body.detail, /[\u4e00-\u9fff]/);
      const [{ n }] = (await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM equipment_directives ed JOIN equipment_hazards eh ON eh.directive_id = ed.id
          WHERE eh.id = $1`,
        [hazardId],
      )) as [{ n: number }];
      assert.equal(n, 1);
    }
  });

  test('a 重大 hazard ordered while the equipment is being stopped: the order stands, the equipment ends stopped', async () => {
    for (let round = 0; round < 4; round++) {
      const { eq, hazardId } = await hazardOn('major');
      const [issued, stopped] = await Promise.all([issue([hazardId]), stop(eq.id)]);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      // Whichever came second found it stopped already: a 409 for the plain stop, never for the order.
      assert.ok([200, 409].includes(stopped.status), JSON.stringify(stopped.body));
      const [row] = await q<{ status: string }>('SELECT status FROM equipment WHERE id = $1', [eq.id]);
      assert.equal(row!.status, 'stopped');
    }
  });

  test('acceptance with its 复检 while the equipment is being stopped: no deadlock, both land', async () => {
    for (let round = 0; round < 4; round++) {
      const { eq, hazardId } = await hazardOn();
      const d = (await issue([hazardId])).body;
      const rectified = await chief.post<TDirective>(`/api/v1/equipment/directives/${d.id}/rectify`, {
        version: d.version,
        rectifiedOn: today(),
        evidence: '更换闸瓦，附照片',
      });
      assert.equal(rectified.status, 200, JSON.stringify(rectified.body));
      const [accepted, stopped] = await Promise.all([
        chief.post<TDirective>(`/api/v1/equipment/directives/${d.id}/accept`, {
          version: rectified.body.version,
          closedOn: today(),
          reinspectedOn: today(),
          nextInspectionDue: addDays(today(), 365),
        }),
        stop(eq.id),
      ]);
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
      const [row] = await q<{ status: string; due: string }>(
        'SELECT status, next_inspection_due::text AS due FROM equipment WHERE id = $1',
        [eq.id],
      );
      assert.deepEqual([row!.status, row!.due], ['stopped', addDays(today(), 365)]);
    }
  });
});
