import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { kitchenSignature } from '../../src/domain/kitchen-signature.ts';
import type { ApiClient, TestApp } from '../helpers/test-app.ts';
import { DEMO_PASSWORD } from './helpers.ts';

/** Steps of tests/e2e/food-chain.test.ts that are not the flow itself. */

/** A second inspector of s01 with a login (the demo's other s01 inspectors have none), to sign on their phone. */
export async function addStationInspector(app: TestApp, admin: ApiClient, stationId: number, name: string) {
  const roles = (await admin.get<{ id: number; code: string }[]>('/api/v1/org/roles')).body;
  const user = await admin.post<{ id: number }>('/api/v1/org/users', {
    username: 's01.partner',
    displayName: '周检查员',
    unitId: stationId,
    roleIds: [roles.find((r) => r.code === 'inspector')!.id],
    password: DEMO_PASSWORD,
  });
  assert.equal(user.status, 201, JSON.stringify(user.body));
  const [first] = await app.testDb.db.query<{ departmentId: number }>(
    `SELECT department_id AS "departmentId" FROM spot_check_inspectors WHERE station_id = $1 ORDER BY id LIMIT 1`,
    [stationId],
  );
  const added = await admin.post('/api/v1/spot-checks/inspectors', {
    name,
    departmentId: first!.departmentId,
    stationId,
    userId: user.body.id,
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
}

/** A stroke across the signature pad with the mouse. */
export async function sign(page: Page) {
  const box = (await page.getByTestId('signature-pad').boundingBox())!;
  const points = [0.1, 0.3, 0.5, 0.7, 0.9].map((fx, k) => [
    box.x + fx * box.width,
    box.y + (k % 2 ? 0.3 : 0.7) * box.height,
  ]);
  await page.mouse.move(points[0]![0]!, points[0]![1]!);
  await page.mouse.down();
  for (const [x, y] of points.slice(1)) await page.mouse.move(x!, y!, { steps: 5 });
  await page.mouse.up();
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/signatures') && r.request().method() === 'POST'),
    page.getByTestId('signature-pad-confirm').click(),
  ]);
  assert.equal(res.status(), 201);
}

/** On the phone's inspection page: a fellow inspector (≥ 2 on a visit), then 开始检查. */
export async function startWithPartner(page: Page, partner: string) {
  await page.getByTestId('inspection-partners').click();
  await page.getByTestId('inspection-partners').locator('input').fill(partner);
  await page.locator('.ant-select-item-option').filter({ hasText: partner }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('inspection-start').click();
  await page.getByTestId('outcome-CY-1.1').waitFor();
}

/** One kitchen-camera event to the webhook, signed with `secret` as a vendor does (X-Signature, HMAC-SHA256). */
export async function deliverKitchenAlert(baseUrl: string, vendorCode: string, secret: string, cameraId: string) {
  const raw = JSON.stringify({
    eventId: `chain-${Date.now()}-${Math.random()}`,
    cameraId,
    eventType: 'rodent',
    occurredAt: new Date().toISOString(),
    confidence: 0.9,
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${baseUrl}/api/v1/food/kitchen-alerts`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vendor-id': vendorCode,
      'x-timestamp': ts,
      'x-signature': kitchenSignature(secret, ts, Buffer.from(raw)),
    },
    body: raw,
  });
  return res.status;
}
