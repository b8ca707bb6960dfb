import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';
import { fileOverdueComplaint } from './overdue-complaint.ts';

const web = webAppFixture();

/** A 12315 item received in March 2025 and never accepted (overdue), then the rollup refreshed as the job does. */
async function overdueItemAndRefresh(): Promise<string> {
  const { trackingCode } = await fileOverdueComplaint(web.app, '佛山市南海区桂城大屏逾期洗衣店');
  await web.app.services.screen.refresh();
  return trackingCode;
}

test('the leader screen renders at 1920×1080 without a console error or a scrollbar; 逾期 opens the filtered queue', async () => {
  const trackingCode = await overdueItemAndRefresh();
  const { context, page, errors } = await openSession(web.browser, web.app);
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await loginViaUi(page, 'leader');
    await page.getByTestId('home-open-screen').click();
    await page.waitForURL('**/screen');
    await page.getByTestId('screen-map-chart').locator('canvas').waitFor();
    assert.match(await textOf(page.getByTestId('screen-updated')), /数据更新于/);
    assert.match(await textOf(page.getByTestId('screen-map')), /示意图/);
    const overdue = page.getByTestId('screen-complaints-overdue');
    assert.ok(Number((await textOf(overdue)).replace(/\D/g, '')) >= 1, await textOf(overdue));
    const size = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
      body: document.body.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    assert.ok(size.scroll <= 1080 && size.body <= 1080, JSON.stringify(size));
    assert.ok(size.scrollWidth <= 1920, JSON.stringify(size));
    // Every panel fits: none is cut by the bottom of the screen.
    for (const id of ['screen-entities', 'screen-spot-checks', 'screen-cases', 'screen-map']) {
      const box = await page.getByTestId(id).boundingBox();
      assert.ok(box && box.y + box.height <= 1080, `${id}: ${JSON.stringify(box)}`);
    }
    assert.deepEqual(errors, []);

    await overdue.click();
    await page.waitForURL((u) => u.pathname === '/complaints' && u.searchParams.get('overdue') === 'true');
    const table = page.getByTestId('complaints-table');
    await table.getByText(trackingCode).waitFor();
    assert.ok(await page.getByTestId('complaint-search-form').locator('input[value="overdue"]').isChecked());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a station chief opening /screen gets the forbidden page', async () => {
  const { context, page } = await openSession(web.browser, web.app);
  try {
    await loginViaUi(page, 's01.chief');
    assert.equal(await page.getByTestId('home-open-screen').count(), 0);
    await page.goto('/screen');
    await page.locator('.ant-result-403').waitFor();
  } finally {
    await context.close();
  }
});
