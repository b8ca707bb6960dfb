import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TProductSettings } from '../../contracts/product-quality.ts';

type Problem = { errors: { path: string; message: string }[]; detail: string };

describe('product categories: a settings holder adds and edits one with its risk grade; others may not', () => {
  let app: TestApp;
  let chief: ApiClient;
  let admin: ApiClient;

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  test('PUT /categories/:code adds, then edits in place; audited; validation names the field', async () => {
    const body = { name: '电动自行车充电器', safetyRelated: true, riskGrade: 'B', sort: 900, active: true };
    assert.equal((await chief.put('/api/v1/product/quality/categories/eBikeCharger', body)).status, 403);
    const added = await admin.put<TProductSettings>('/api/v1/product/quality/categories/eBikeCharger', body);
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(
      added.body.categories.find((c) => c.code === 'eBikeCharger'),
      { code: 'eBikeCharger', ...body },
    );
    const edited = await admin.put<TProductSettings>('/api/v1/product/quality/categories/eBikeCharger', {
      ...body,
      name: '电动自行车充电器（含电池）',
      riskGrade: 'D',
      active: false,
    });
    assert.equal(edited.status, 200);
    const row = edited.body.categories.filter((c) => c.code === 'eBikeCharger');
    assert.equal(row.length, 1);
    assert.equal(row[0]!.riskGrade, 'D');
    assert.equal(row[0]!.active, false);
    const read = await chief.get<TProductSettings>('/api/v1/product/quality/settings');
    assert.equal(read.body.categories.find((c) => c.code === 'eBikeCharger')?.name, '电动自行车充电器（含电池）');

    const noName = await admin.put<Problem>('/api/v1/product/quality/categories/eBikeCharger', { ...body, name: ' ' });
    assert.equal(noName.status, 422);
    assert.equal(noName.body.errors[0]?.path, 'name');
    const badGrade = await admin.put<Problem>('/api/v1/product/quality/categories/eBikeCharger', {
      ...body,
      riskGrade: 'E',
    });
    assert.equal(badGrade.status, 422);
    assert.equal(badGrade.body.errors[0]?.path, 'riskGrade');
    assert.equal((await admin.put<Problem>('/api/v1/product/quality/categories/1bad', body)).status, 422);

    const audit = await app.testDb.db.query<{ targetId: string }>(
      `SELECT target_id AS "targetId" FROM audit_log WHERE action = 'productSettings.category' ORDER BY id`,
    );
    assert.deepEqual(
      audit.map((a) => a.targetId),
      ['eBikeCharger', 'eBikeCharger'],
    );
  });
});
