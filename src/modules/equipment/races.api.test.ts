import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEquipment } from '../../../tests/helpers/equipment-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { testDbKind } from '../../../tests/helpers/test-db.ts';
import type { TEquipmentImportResult } from '../../contracts/equipment.ts';
import { addDays } from '../../domain/equipment-rules.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

const today = shanghaiToday();
const head = '设备代码,检验日期,检验结论,安全状况等级,下次检验日期,报告编号,检验机构\n';

/** A status change and an inspection import on the same equipment at once: both land, in some order; never a 500. */
describe(`special equipment under concurrent requests (${testDbKind()})`, () => {
  let app: TestApp;
  let chief: ApiClient;
  const q = <T>(sql: string, params: unknown[] = []) => app.testDb.db.query<T>(sql, params);

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
  });
  after(() => app.close());

  const upload = async (csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([csv]), 'results.csv');
    const res = await fetch(`${chief.baseUrl}/api/v1/equipment/imports/inspections`, {
      method: 'POST',
      body: form,
      headers: { cookie: chief.cookie, 'x-csrf-token': chief.csrfToken },
    });
    return { status: res.status, body: (await res.json()) as TEquipmentImportResult & { detail?: string } };
  };

  test('stopping equipment while its inspections are imported: no deadlock, no lost update', async () => {
    for (let round = 0; round < 3; round++) {
      const eqs = [];
      for (let i = 0; i < 6; i++) eqs.push(await makeEquipment(app.testDb.db, { tag: 'R' }));
      const csv = `${head}${eqs.map((e, i) => `${e.equipmentCode},${addDays(today, -2)},合格,,${addDays(today, 400)},RR-${round}-${i},市特检院`).join('\n')}\n`;
      const [imported, ...stops] = await Promise.all([
        upload(csv),
        ...[...eqs]
          .reverse()
          .map((e) => chief.post(`/api/v1/equipment/${e.id}/status`, { action: 'stop', reason: '停用' })),
      ]);
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.deepEqual(imported.body, { total: 6, imported: 6, errors: [] });
      for (const s of stops) assert.equal(s.status, 200, JSON.stringify(s.body));
      const rows = await q<{ status: string; nextDue: string }>(
        `SELECT status, next_inspection_due::text AS "nextDue" FROM equipment WHERE id = ANY($1::bigint[])`,
        [eqs.map((e) => e.id)],
      );
      // Neither write lost: every piece is stopped and carries the imported due date.
      assert.deepEqual(
        rows.map((r) => [r.status, r.nextDue]),
        eqs.map(() => ['stopped', addDays(today, 400)]),
      );
    }
  });

  test('the same inspection file imported twice at once: its results are recorded once', async () => {
    for (let round = 0; round < 3; round++) {
      const eqs = [];
      for (let i = 0; i < 3; i++) eqs.push(await makeEquipment(app.testDb.db, { tag: 'R' }));
      const csv = `${head}${eqs.map((e, i) => `${e.equipmentCode},${addDays(today, -2)},合格,,,RD-${round}-${i},市特检院`).join('\n')}\n`;
      const res = await Promise.all([upload(csv), upload(csv)]);
      for (const r of res) assert.ok([200, 409].includes(r.status), JSON.stringify(r.body));
      assert.equal(res.filter((r) => r.status === 200 && r.body.imported === 3).length, 1, JSON.stringify(res));
      const [{ n }] = (await q<{ n: number }>(
        'SELECT count(*)::int AS n FROM equipment_inspections WHERE equipment_id = ANY($1::bigint[])',
        [eqs.map((e) => e.id)],
      )) as [{ n: number }];
      assert.equal(n, 3);
    }
  });
});
