import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFoodGradingRulesVersion } from '../../src/contracts/food-rules.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, webAppFixture } from './helpers.ts';

const fx = webAppFixture();

test('admin saves a 量化分级规则 version (a bad band shows on its field) and activates it; a chief sees no editor', async () => {
  const { page, errors, context } = await openSession(fx.browser, fx.app);
  await loginViaUi(page, 'admin');
  await page.goto('/food/grading-rules');
  await page.getByTestId('rules-version-1').getByText('启用中').waitFor();
  await page.getByTestId('rules-new').click();
  const modal = page.getByRole('dialog');
  await modal.waitFor();
  // Prefilled from the active version.
  assert.equal(await page.getByTestId('rules-bands.excellent').inputValue(), '90');
  await page.getByTestId('rules-name').fill('收紧优秀线');
  await page.getByTestId('rules-bands.excellent').fill('95');
  await page.getByTestId('rules-bands.good').fill('96');
  await page.getByTestId('rules-save').click();
  await modal.getByText('良好分数线须低于优秀分数线').waitFor();
  await page.getByTestId('rules-bands.good').fill('80');
  await page.getByTestId('rules-save').click();
  await modal.waitFor({ state: 'hidden' });
  const v2 = page.getByTestId('rules-version-2');
  await v2.getByText('收紧优秀线').waitFor();
  assert.equal(await v2.getByText('启用中').count(), 0, 'saved, not active');

  await page.getByTestId('rules-activate-2').click();
  await page.getByTestId('rules-activate-ok').click();
  await v2.getByText('启用中').waitFor();
  await page
    .getByTestId('rules-version-1')
    .getByRole('button', { name: /启\s*用/ })
    .waitFor();
  const admin = await loginAs(fx.app, 'admin');
  const { versions } = (await admin.get<{ versions: TFoodGradingRulesVersion[] }>('/api/v1/food/grading-rules')).body;
  const active = versions.find((v) => v.active)!;
  assert.equal(active.version, 2);
  assert.deepEqual(active.config.bands, { excellent: 95, good: 80, fair: 60 });
  assert.deepEqual(errors, []);
  await context.close();

  const chief = await openSession(fx.browser, fx.app);
  await loginViaUi(chief.page, 's01.chief');
  await chief.page.goto('/food/grading-rules');
  await chief.page.getByTestId('rules-version-2').getByText('启用中').waitFor();
  assert.equal(await chief.page.getByTestId('rules-new').count(), 0);
  assert.equal(await chief.page.getByTestId('rules-activate-1').count(), 0);
  await chief.context.close();
});

test('admin copies the active tier model into a new version, activates it and sees the re-tiering counts', async () => {
  const { page, errors, context } = await openSession(fx.browser, fx.app);
  await loginViaUi(page, 'admin');
  await page.goto('/food/tiers/models');
  await page.getByTestId('tier-model-new').click();
  const modal = page.getByRole('dialog');
  await modal.waitFor();
  const d = page.getByTestId('tier-model-threshold-D');
  const before = Number(await d.inputValue());
  await page.getByTestId('tier-model-name').fill('提高 D 级门槛');
  await d.fill(String(before + 5));
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
  await modal.waitFor({ state: 'hidden' });
  await page.getByText('v2 提高 D 级门槛').waitFor();
  await page.getByTestId('tier-model-activate-2').click();
  await page.getByTestId('tier-model-activate-ok').click();
  await page.locator('.ant-modal-confirm-title', { hasText: /已启用 v2：重新分级 \d+ 户，等级变化 \d+ 户/ }).waitFor();
  const admin = await loginAs(fx.app, 'admin');
  const models = (
    await admin.get<{ models: { version: number; active: boolean; thresholds: { D: number } }[] }>(
      '/api/v1/food/tiers/models',
    )
  ).body.models;
  const active = models.find((m) => m.active)!;
  assert.equal(active.version, 2);
  assert.equal(active.thresholds.D, before + 5);
  assert.deepEqual(errors, []);
  await context.close();
});
