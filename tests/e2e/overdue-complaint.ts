import assert from 'node:assert/strict';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';

/**
 * A 12315 complaint against a new business of 桂城所 (s01), received on 2025-03-10 and never accepted: its 受理 clock
 * is long overdue, so it shows in every inbox, count and screen that reaches s01.
 */
export async function fileOverdueComplaint(
  app: TestApp,
  businessName: string,
): Promise<{ id: number; trackingCode: string }> {
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const entity = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: businessName, stationId: s01.id }),
  );
  assert.equal(entity.status, 201, JSON.stringify(entity.body));
  const hotline = await loginAs(app, 'hotline');
  const filed = await hotline.post<{ items: { id: number; trackingCode: string }[] }>('/api/v1/complaints', {
    kind: 'complaint',
    channel: 'phone',
    person: { name: '测试', phone: '13900000000' },
    business: { entityId: entity.body.id },
    description: '洗衣店洗坏羽绒服拒不赔偿。',
    receivedOn: '2025-03-10',
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  return filed.body.items[0]!;
}
