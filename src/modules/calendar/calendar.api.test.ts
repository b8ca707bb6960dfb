import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';

type Added = { date: string; provisional: boolean; provisionalYears: number[] };

describe('working-day calendar API', () => {
  let app: TestApp;
  let admin: ApiClient;
  let inspector: ApiClient;
  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    inspector = await loginAs(app, 's01.inspector');
  });
  after(() => app.close());

  const add = (client: ApiClient, from: string, days: number | string) =>
    client.get<Added & { errors: { path: string }[] }>(`/api/v1/calendar/working-days/add?from=${from}&days=${days}`);

  test('follows the official schedule; the start day is not counted', async () => {
    assert.deepEqual((await add(inspector, '2025-09-26', 7)).body, {
      date: '2025-10-13',
      provisional: false,
      provisionalYears: [],
    });
    assert.equal((await add(inspector, '2026-02-13', 1)).body.date, '2026-02-14');
    assert.equal((await add(inspector, '2025-01-27', 1)).body.date, '2025-02-05');
  });

  test('a year without official data is flagged provisional until an admin enters and confirms it', async () => {
    const before = await add(inspector, '2026-12-30', 2);
    assert.equal(before.body.date, '2027-01-01');
    assert.deepEqual(before.body.provisionalYears, [2027]);
    assert.equal(
      (await admin.put('/api/v1/calendar/overrides/2027-01-01', { kind: 'holiday', name: '元旦' })).status,
      200,
    );
    assert.equal(
      (await admin.post('/api/v1/calendar/years', { year: 2027, source: '国办发明电〔2026〕X号（测试）' })).status,
      200,
    );
    // The service caches for 10 s; a new app instance on the same database sees the change at once.
    const second = await startTestApp({ testDb: app.testDb });
    try {
      const client = await loginAs(second, 's01.inspector');
      assert.deepEqual((await add(client, '2026-12-30', 2)).body, {
        date: '2027-01-04',
        provisional: false,
        provisionalYears: [],
      });
    } finally {
      await second.close();
    }
  });

  test('bad input gets 422 naming the field', async () => {
    const badDate = await add(inspector, '2025-02-30', 1);
    assert.equal(badDate.status, 422);
    assert.equal(badDate.body.errors[0]?.path, 'from');
    const negative = await add(inspector, '2025-02-03', -1);
    assert.equal(negative.status, 422);
    assert.equal(negative.body.errors[0]?.path, 'days');
    assert.equal((await add(inspector, '2025-02-03', 'x')).status, 422);
  });

  test('overrides need calendar:write; the day list shows holiday and make-up kinds', async () => {
    assert.equal(
      (await inspector.put('/api/v1/calendar/overrides/2027-02-01', { kind: 'holiday', name: 'x' })).status,
      403,
    );
    const days = await inspector.get<{ day: string; kind: string }[]>(
      '/api/v1/calendar/days?from=2025-01-25&to=2025-01-28',
    );
    assert.deepEqual(
      days.body.map((d) => d.kind),
      ['weekend', 'makeup-workday', 'workday', 'holiday'],
    );
    assert.equal((await inspector.get('/api/v1/calendar/days?from=2025-01-01&to=2027-01-01')).status, 422);
  });

  test('status warns about this or the coming year exactly when it is missing', async () => {
    const fresh = await startTestApp();
    try {
      const client = await loginAs(fresh, 's01.inspector');
      const res = await client.get<{ officialYears: number[]; warnings: string[] }>('/api/v1/calendar/status');
      assert.ok(res.body.officialYears.includes(2025));
      assert.ok(res.body.officialYears.includes(2026));
      const thisYear = new Date().getUTCFullYear();
      const missing = [thisYear, thisYear + 1].filter((y) => !res.body.officialYears.includes(y));
      assert.equal(res.body.warnings.length, missing.length);
      for (const [i, y] of missing.entries()) assert.match(res.body.warnings[i] ?? '', new RegExp(`${y}年`));
    } finally {
      await fresh.close();
    }
  });
});
