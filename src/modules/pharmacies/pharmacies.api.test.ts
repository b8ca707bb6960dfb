import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePharmacyEntity, testLicenceNo } from '../../../tests/helpers/pharmacy-factory.ts';
import {
  type ApiClient,
  ApiClient as Client,
  loginAs,
  startTestApp,
  type TestApp,
} from '../../../tests/helpers/test-app.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import type {
  TAttendanceImportResult,
  TAttendanceOverview,
  TGspInspection,
  TPharmacist,
  TPharmacy,
  TPharmacySummary,
  TPortalPharmacist,
} from '../../contracts/pharmacies.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

type Problem = { status: number; code: string; detail: string; errors: { path: string; message: string }[] };
const HERE = { latitude: 23.0215, longitude: 113.1214 };
const shift = (days: number) =>
  new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('retail pharmacies and 阳光药师 attendance (issue 14 points 6–7)', () => {
  let app: TestApp;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherChief: ApiClient;
  let hotline: ApiClient;
  let phone: ApiClient;
  let pharmacy: TPharmacy;
  let pharmacist: TPharmacist;
  let token = '';
  const count = async (table: string) =>
    Number((await app.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  before(async () => {
    app = await startTestApp({ env: { PHARMACY_GEOFENCE_METRES: '150' } });
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherChief = await loginAs(app, 's02.chief');
    hotline = await loginAs(app, 'hotline');
    phone = new Client(app.baseUrl);
  });
  after(() => app.close());

  test('registering a pharmacy: licence format checked, 5-year term by default, duplicates refused', async () => {
    const entityId = await makePharmacyEntity(app.testDb.db, { name: '示范大药房（测试）' });
    const bad = await chief.post<Problem>('/api/v1/pharmacies', {
      entityId,
      licenceNo: 'JY14406050000001',
      licenceIssuedOn: '2024-03-01',
      ...HERE,
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]?.path, 'licenceNo');
    assert.match(bad.body.detail, /药品经营许可证编号/);
    assert.equal(await count('pharmacies'), 0);

    const licenceNo = testLicenceNo();
    const res = await chief.post<TPharmacy>('/api/v1/pharmacies', {
      entityId,
      licenceNo,
      licenceIssuedOn: '2024-03-01',
      ...HERE,
      opensMinute: 0,
      closesMinute: 1440,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    pharmacy = res.body;
    assert.equal(pharmacy.licenceValidUntil, '2029-02-28');
    assert.equal(pharmacy.geofenceMetres, 150);
    assert.equal(pharmacy.geofenceIsDefault, true);
    assert.equal(
      (await chief.post('/api/v1/pharmacies', { entityId, licenceNo, licenceIssuedOn: '2024-03-01', ...HERE })).status,
      409,
    );
    assert.equal(
      (await hotline.post('/api/v1/pharmacies', { entityId, licenceNo, licenceIssuedOn: '2024-03-01', ...HERE }))
        .status,
      403,
    );
    assert.equal((await otherChief.get(`/api/v1/pharmacies/${pharmacy.id}`)).status, 404);

    const list = await chief.get<{ items: TPharmacySummary[] }>(
      `/api/v1/pharmacies?q=${encodeURIComponent('示范大药房')}`,
    );
    assert.deepEqual(
      list.body.items.map((p) => p.id),
      [pharmacy.id],
    );
    const xlsx = await chief.get<string>(`/api/v1/pharmacies/export?q=${encodeURIComponent('示范大药房')}`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
  });

  test('pharmacists and their check-in link: only a hash is stored', async () => {
    const bad = await chief.post<Problem>(`/api/v1/pharmacies/${pharmacy.id}/pharmacists`, {
      name: '李药师',
      registrationNo: '12',
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]?.path, 'registrationNo');
    const res = await chief.post<TPharmacist>(`/api/v1/pharmacies/${pharmacy.id}/pharmacists`, {
      name: '李药师',
      registrationNo: `ZY${process.pid}0001`,
      dutyFromMinute: 0,
      dutyToMinute: 1440,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    pharmacist = res.body;
    const issued = await chief.post<{ token: string; link: string }>(`/api/v1/pharmacists/${pharmacist.id}/token`);
    assert.equal(issued.status, 200);
    token = issued.body.token;
    assert.ok(issued.body.link.endsWith(token));
    const stored = await app.testDb.db.query<{ h: string }>('SELECT token_hash AS h FROM pharmacists');
    assert.ok(stored.every((r) => r.h !== token && !r.h.includes(token)));
    const wrong = await phone.post<Problem>('/api/v1/public/pharmacist', { token: `${token.slice(0, -2)}xx` });
    assert.equal(wrong.status, 422);
  });

  test('check-in: outside the geofence refused naming the distance; inside accepted; the rate counts it', async () => {
    const far = await phone.post<Problem>('/api/v1/public/pharmacist/check-in', {
      token,
      latitude: HERE.latitude + 0.01,
      longitude: HERE.longitude,
    });
    assert.equal(far.status, 422);
    assert.match(far.body.detail, /距药店约 1112 米，超出允许范围（150 米）/);
    assert.equal(await count('pharmacist_shifts'), 0);

    const out = await phone.post<Problem>('/api/v1/public/pharmacist/check-out', { token, ...HERE });
    assert.equal(out.status, 409);
    assert.match(out.body.detail, /尚未签到/);

    const ok = await phone.post<TPortalPharmacist>('/api/v1/public/pharmacist/check-in', {
      token,
      latitude: HERE.latitude + 0.0005,
      longitude: HERE.longitude,
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.ok(ok.body.checkedInAt);
    assert.equal(ok.body.lastDistanceMetres, 56);
    assert.equal((await phone.post('/api/v1/public/pharmacist/check-in', { token, ...HERE })).status, 409);

    const detail = await chief.get<TPharmacy>(`/api/v1/pharmacies/${pharmacy.id}`);
    assert.equal(detail.body.attendance[0]?.day, shanghaiToday());
    assert.ok((detail.body.rate365 ?? 0) > 0, 'an open shift counts until closing');
    assert.equal(detail.body.pharmacistList[0]?.onDuty, true);

    const done = await phone.post<TPortalPharmacist>('/api/v1/public/pharmacist/check-out', { token, ...HERE });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.checkedInAt, null);
    assert.equal(done.body.today.length, 1);
  });

  test('vendor file: every bad row reported and nothing imported; a clean file imports and fills the days', async () => {
    const csv = (rows: string[]) =>
      new Blob([`执业药师注册证编号,签到时间,签退时间\n${rows.join('\n')}\n`], { type: 'text/csv' });
    const upload = (blob: Blob, name = 'attendance.csv') => {
      const form = new FormData();
      form.append('file', blob, name);
      return fetch(`${app.baseUrl}/api/v1/pharmacies/attendance/import`, {
        method: 'POST',
        headers: { cookie: chief.cookie, 'x-csrf-token': chief.csrfToken },
        body: form,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as TAttendanceImportResult }));
    };
    const reg = pharmacist.registrationNo;
    const before = await count('pharmacist_shifts');
    const bad = await upload(
      csv([
        `${reg},${shift(-3)} 08:00,${shift(-3)} 20:00`,
        `NOSUCH0001,${shift(-3)} 08:00,${shift(-3)} 20:00`,
        `${reg},${shift(-2)} 09:00,${shift(-2)} 08:00`,
        `${reg},${shift(-3)} 19:00,${shift(-3)} 21:00`,
        `${reg},昨天,${shift(-2)} 08:00`,
      ]),
    );
    assert.equal(bad.status, 200);
    assert.equal(bad.body.imported, 0);
    assert.deepEqual(
      bad.body.errors.map((e) => [e.row, e.column]),
      [
        [3, '执业药师注册证编号'],
        [4, '签退时间'],
        [5, '签到时间'],
        [6, '签到时间'],
      ],
    );
    assert.equal(await count('pharmacist_shifts'), before);

    const good = await upload(
      csv([
        `${reg},${shift(-3)} 00:00,${shift(-3)} 23:00`,
        `${reg},${shift(-2)} 00:00,${shift(-3)} 23:59`.replace(shift(-3), shift(-2)),
      ]),
    );
    assert.equal(good.status, 200, JSON.stringify(good.body));
    assert.equal(good.body.imported, 2);
    const again = await upload(csv([`${reg},${shift(-3)} 00:00,${shift(-3)} 23:00`]));
    assert.equal(again.body.imported, 0);
    assert.match(again.body.errors[0]!.reason, /重叠/);

    const detail = await chief.get<TPharmacy>(`/api/v1/pharmacies/${pharmacy.id}`);
    const d3 = detail.body.attendance.find((d) => d.day === shift(-3))!;
    assert.deepEqual([d3.openMinutes, d3.coveredMinutes], [1440, 1380]);

    const overview = await chief.get<TAttendanceOverview>('/api/v1/pharmacies/attendance');
    assert.equal(overview.status, 200);
    const s01 = overview.body.stations.find((s) => s.pharmacies > 0)!;
    assert.equal(s01.rate, Math.round((s01.coveredMinutes / s01.openMinutes) * 1000) / 10);
    assert.ok(s01.coveredMinutes >= 1380 + 1439);
    assert.ok(overview.body.months.length >= 1);
  });

  test('an absence reaches the station inbox until it is reviewed', async () => {
    await app.services.pharmacyAttendance.closeDay(shift(-1));
    const inbox = await chief.get<TInbox>('/api/v1/inbox?limit=50');
    assert.equal(inbox.status, 200);
    const all = (b: TInbox) => [...b.groups.overdue, ...b.groups.dueToday, ...b.groups.dueWeek];
    const items = all(inbox.body).filter((i) => i.module === 'pharmacies');
    assert.ok(
      items.some((i) => i.link.includes(`day=${shift(-1)}`)),
      JSON.stringify(items),
    );
    assert.ok(
      items.some((i) => i.link.includes(`day=${shift(-3)}`)),
      'partly covered day flagged',
    );
    assert.equal(
      (await chief.post(`/api/v1/pharmacies/${pharmacy.id}/absences/review`, { day: shift(-1) })).status,
      200,
    );
    const later = await chief.get<TInbox>('/api/v1/inbox?limit=50');
    assert.ok(!all(later.body).some((i) => i.module === 'pharmacies' && i.link.includes(`day=${shift(-1)}`)));
  });

  test('GSP inspection on the visit engine: ≥ 2 inspectors, the result completes the visit', async () => {
    const one = await inspector.post<Problem>(`/api/v1/pharmacies/${pharmacy.id}/gsp`, { inspectorIds: [] });
    assert.equal(one.status, 422);
    const [other] = await app.testDb.db.query<{ id: number }>(
      `SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id WHERE u.username = 's01.inspector2'`,
    );
    const started = await inspector.post<TGspInspection>(`/api/v1/pharmacies/${pharmacy.id}/gsp`, {
      inspectorIds: [other!.id],
    });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.inspectors.length, 2);
    assert.equal(started.body.visitStatus, 'assigned');
    const noFindings = await inspector.post<Problem>(`/api/v1/pharmacy-gsp/${started.body.id}/result`, {
      version: started.body.version,
      result: 'rectify',
    });
    assert.equal(noFindings.status, 422);
    assert.equal(
      (await chief.post(`/api/v1/pharmacy-gsp/${started.body.id}/result`, { version: 1, result: 'pass' })).status,
      403,
    );
    const done = await inspector.post<TGspInspection>(`/api/v1/pharmacy-gsp/${started.body.id}/result`, {
      version: started.body.version,
      result: 'rectify',
      findings: '处方药未凭处方销售',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.visitStatus, 'inspected');
    assert.equal(
      (
        await inspector.post(`/api/v1/pharmacy-gsp/${started.body.id}/result`, {
          version: done.body.version,
          result: 'pass',
        })
      ).status,
      409,
    );
    const detail = await chief.get<TPharmacy>(`/api/v1/pharmacies/${pharmacy.id}`);
    assert.equal(detail.body.gsp[0]?.result, 'rectify');
  });
});
