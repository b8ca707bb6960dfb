import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { TRollupCity, TRollupComplaintMonths, TRollupRegions } from '../../src/contracts/rollup.ts';
import { loginViaUi, openSession, sideMenuLabels, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();

/**
 * 省级汇总 in the browser. The test server's database subscribes to no city (PGlite or a plain PostgreSQL), so the
 * real answer is the empty state; the page with cities is driven by answers in the exact contract of
 * GET /rollup/regions (the page parses them with the same zod schema), since the figures themselves need a
 * replicating cluster and are proved against one in src/modules/rollup/replication.test.ts.
 */
const city = (cityCode: string, name: string, n: number, problem: string | null = null): TRollupCity => ({
  cityCode,
  name,
  entities: 1000 * n,
  activeEntities: 900 * n,
  abnormalListed: 10 * n,
  spotCheckVisits: 40 * n,
  spotCheckInspected: 30 * n,
  spotCheckProblemVisits: 3 * n,
  complaints: 120 * n,
  cases: 7 * n,
  finesFen: 1_234_500 * n,
  riskA: 100 * n,
  riskB: 500 * n,
  riskC: 300 * n,
  riskD: 100 * n,
  problem,
});
const PROBLEM =
  '省级汇总：城市 3303（湖州市）的数据库结构版本与省级不一致：多出省级没有的 1 个迁移（最新 29991231000000_future.sql）。';
const regions: TRollupRegions = {
  configured: true,
  cities: [city('3302', '宁波市', 3), city('3301', '杭州市', 5), city('3303', '湖州市', 1, PROBLEM)],
};
const months: TRollupComplaintMonths = {
  configured: true,
  months: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
  cities: regions.cities.map((c, k) => ({
    cityCode: c.cityCode,
    name: c.name,
    counts: Array.from({ length: 12 }, (_, i) => (i + 1) * (k + 1)),
    problem: c.problem,
  })),
};

async function answerWithCities(page: Page) {
  await page.route('**/api/v1/rollup/regions', (r) => r.fulfill({ json: regions }));
  await page.route('**/api/v1/rollup/regions/complaints-by-month*', (r) => r.fulfill({ json: months }));
}

test('a leader on an installation without cities: the menu entry and an empty state saying how to subscribe', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  try {
    await loginViaUi(page, 'leader');
    assert.ok((await sideMenuLabels(page)).includes('省级汇总'));
    await page.goto('/province');
    const empty = page.getByTestId('province-empty');
    await empty.waitFor();
    assert.match(await textOf(empty), /尚未订阅任何城市/);
    assert.match(await textOf(empty), /npx shijian rollup subscribe --city/);
    assert.equal(await page.getByTestId('province-table').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a user with the screen permission but a station-sized data scope is not offered the page', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  try {
    // The leader's own answers with the scope narrowed: the menu decides by the scope login and /auth/me report.
    await page.route(/\/api\/v1\/auth\/(me|login)$/, async (r) => {
      const res = await r.fetch();
      r.fulfill({ response: res, json: { ...(await res.json()), dataScope: 'unit_and_below' } });
    });
    await loginViaUi(page, 'leader');
    const labels = await sideMenuLabels(page);
    assert.ok(labels.includes('工作总结'), labels.join());
    assert.ok(!labels.includes('省级汇总'), labels.join());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with three cities: one row per region code, the totals, sorting, the charts and the problem alert', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  try {
    await answerWithCities(page);
    await loginViaUi(page, 'leader');
    await page.goto('/province');
    const table = page.getByTestId('province-table');
    await table.getByTestId('province-row-3301').waitFor();
    const codes = async () =>
      (await table
        .locator('tbody tr[data-testid^="province-row-"]')
        .evaluateAll((rows) =>
          rows.map((r) => r.getAttribute('data-testid')?.replace('province-row-', '')),
        )) as string[];
    assert.deepEqual(await codes(), ['3301', '3302', '3303'], 'sorted by region code first');
    assert.match(await textOf(table.getByTestId('province-row-3301')), /杭州市.*5,000.*4,500/);
    assert.match(await textOf(table.getByTestId('province-row-3302')), /宁波市.*37,035\.00/);
    const total = await textOf(page.getByTestId('province-total'));
    assert.match(total, /合计.*9,000.*8,100/);
    assert.match(total, /111,105\.00/, 'fines in yuan, summed');
    await table.locator('th').filter({ hasText: '市场主体' }).first().click();
    assert.deepEqual(await codes(), ['3303', '3302', '3301'], 'sorted by entities, ascending');

    const alert = page.getByTestId('province-problem-3303');
    assert.match(await textOf(alert), /3303 湖州市/);
    assert.match(await textOf(alert), /29991231000000_future\.sql/);
    assert.equal(await page.getByTestId('province-problem-3301').count(), 0);
    await page.getByTestId('province-compare').locator('canvas').waitFor();
    await page.getByTestId('province-months').locator('canvas').waitFor();
    assert.equal(await page.getByTestId('province-export').getAttribute('href'), '/api/v1/rollup/regions/export');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the screen shows the cities panel only when there are cities', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await loginViaUi(page, 'leader');
    await page.goto('/screen');
    await page.getByTestId('screen-map-chart').locator('canvas').waitFor();
    assert.equal(await page.getByTestId('screen-province').count(), 0);

    await answerWithCities(page);
    await page.reload();
    const panel = page.getByTestId('screen-province');
    await panel.getByTestId('screen-province-3301').waitFor();
    assert.match(await textOf(panel.getByTestId('screen-province-3302')), /3302宁波市/);
    const box = await panel.boundingBox();
    assert.ok(box && box.y + box.height <= 1080, `the panel fits: ${JSON.stringify(box)}`);
    const map = await page.getByTestId('screen-map').boundingBox();
    assert.ok(map && map.height > 300, `the map keeps its room: ${JSON.stringify(map)}`);
    assert.deepEqual(errors, []);
    await panel.getByTestId('screen-province-open').click();
    await page.waitForURL('**/province');
  } finally {
    await context.close();
  }
});
