import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import { CALENDAR_CACHE_TTL_MS } from '../calendar/service.ts';

/** A request that hangs fails the test in seconds instead of holding the run (the PGlite deadlock of issue 9). */
const within = { signal: () => AbortSignal.timeout(10_000) };

describe('受理 after the calendar cache expired (issue 9, point 1)', () => {
  let app: TestApp;
  let clock = Date.now();

  before(async () => {
    app = await startTestApp({ now: () => new Date(clock) });
  });
  after(() => app.close());

  test('accept answers 200 and the server keeps answering', async () => {
    const hotline = await loginAs(app, 'hotline');
    const intake = await hotline.post<{ items: { id: number }[] }>('/api/v1/complaints', {
      kind: 'complaint',
      channel: 'phone',
      person: { name: '张三', phone: '13912345678' },
      categoryCode: 'service.catering',
      business: { name: '某网店' },
      description: '在店内就餐后发现菜品变质，要求退款。',
    });
    assert.equal(intake.status, 201, JSON.stringify(intake.body));
    const id = intake.body.items[0]!.id;
    const current = (await hotline.get<TComplaintDetail>(`/api/v1/complaints/${id}`)).body;

    clock += CALENDAR_CACHE_TTL_MS + 2_000; // the calendar is reloaded by the next request that needs it
    const res = await fetch(`${app.baseUrl}/api/v1/complaints/${id}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: hotline.cookie, 'x-csrf-token': hotline.csrfToken },
      body: JSON.stringify({ action: 'accept', version: current.version }),
      signal: within.signal(),
    });
    const body = (await res.json()) as TComplaintDetail;
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.status, 'accepted');
    assert.ok(body.deadlines.some((d) => d.step === 'mediation'));

    const health = await fetch(`${app.baseUrl}/api/v1/health`, { signal: within.signal() });
    assert.equal(health.status, 200);
    assert.equal((await new ApiClient(app.baseUrl).get('/api/v1/health')).status, 200);
  });
});
