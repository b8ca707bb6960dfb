import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePharmacyEntity, registerPharmacy } from '../../../tests/helpers/pharmacy-factory.ts';
import {
  type ApiClient,
  ApiClient as Client,
  loginAs,
  startTestApp,
  type TestApp,
} from '../../../tests/helpers/test-app.ts';
import { testDbKind } from '../../../tests/helpers/test-db.ts';
import type { TPharmacist, TPharmacy } from '../../contracts/pharmacies.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

type Problem = { detail: string };
const HERE = { latitude: 23.0215, longitude: 113.1214 };

/** The pharmacist's phone sends check-in/out twice (a double tap, a retry): one shift, a right day row, no 500. */
describe(`阳光药师 check-in under concurrent requests (${testDbKind()})`, () => {
  let app: TestApp;
  let chief: ApiClient;
  let phone: ApiClient;
  let pharmacy: TPharmacy;
  const q = <T>(sql: string, params: unknown[] = []) => app.testDb.db.query<T>(sql, params);

  before(async () => {
    app = await startTestApp({
      env: { PHARMACY_GEOFENCE_METRES: '150', PHARMACIST_ACCESS_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    chief = await loginAs(app, 's01.chief');
    phone = new Client(app.baseUrl);
    pharmacy = await registerPharmacy(chief, await makePharmacyEntity(app.testDb.db, { name: '并发测试大药房' }));
  });
  after(() => app.close());

  let n = 0;
  async function pharmacistToken(): Promise<string> {
    const res = await chief.post<TPharmacist>(`/api/v1/pharmacies/${pharmacy.id}/pharmacists`, {
      name: `并发药师${++n}`,
      registrationNo: `ZY${process.pid}${String(n).padStart(4, '0')}`,
      dutyFromMinute: 0,
      dutyToMinute: 1440,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const issued = await chief.post<{ token: string }>(`/api/v1/pharmacists/${res.body.id}/token`);
    assert.equal(issued.status, 200);
    return issued.body.token;
  }
  const check = (what: 'check-in' | 'check-out', token: string) =>
    phone.post<Problem>(`/api/v1/public/pharmacist/${what}`, { token, ...HERE });

  test('the same pharmacist checking in four times at once: one shift, the others 409 in Chinese', async () => {
    const token = await pharmacistToken();
    const res = await Promise.all([0, 1, 2, 3].map(() => check('check-in', token)));
    assert.deepEqual(res.map((r) => r.status).sort(), [200, 409, 409, 409], JSON.stringify(res.map((r) => r.body)));
    for (const r of res.filter((x) => x.status === 409)) assert.match(r.body.detail, /已签到/);
    const out = await Promise.all([0, 1].map(() => check('check-out', token)));
    assert.deepEqual(out.map((r) => r.status).sort(), [200, 409], JSON.stringify(out.map((r) => r.body)));
    const [{ shifts }] = (await q<{ shifts: number }>(
      `SELECT count(*)::int AS shifts FROM pharmacist_shifts s JOIN pharmacists p ON p.id = s.pharmacist_id
        WHERE p.name = $1`,
      [`并发药师${n}`],
    )) as [{ shifts: number }];
    assert.equal(shifts, 1);
  });

  test("two pharmacists of one pharmacy checking out at once: the day's coverage counts both check-outs", async () => {
    const tokens = [await pharmacistToken(), await pharmacistToken()];
    for (let round = 0; round < 3; round++) {
      for (const t of tokens) assert.equal((await check('check-in', t)).status, 200);
      const out = await Promise.all(tokens.map((t) => check('check-out', t)));
      assert.deepEqual(
        out.map((r) => r.status),
        [200, 200],
        JSON.stringify(out.map((r) => r.body)),
      );
      // Every shift so far lasted seconds: a day row still counting an open shift until closing is a lost update.
      const [row] = await q<{ covered: number }>(
        'SELECT covered_minutes AS covered FROM pharmacy_attendance_days WHERE pharmacy_id = $1 AND day = $2',
        [pharmacy.id, shanghaiToday()],
      );
      assert.ok(row!.covered <= 2 * (round + 1) * 2, `covered ${row!.covered} minutes after round ${round}`);
    }
  });
});
