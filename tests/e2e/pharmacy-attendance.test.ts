import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TPharmacist, TPharmacy } from '../../src/contracts/pharmacies.ts';
import { makePharmacyEntity, testLicenceNo } from '../helpers/pharmacy-factory.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const fx = webAppFixture();
const HERE = { latitude: 23.0215, longitude: 113.1214 };

test('阳光药师: a pharmacist checks in on a phone inside the geofence (refused outside, with the distance), the staff page rate updates', async () => {
  const { app, browser } = fx;
  const chief = await loginAs(app, 's01.chief');
  const entityId = await makePharmacyEntity(app.testDb.db, { name: '阳光示范大药房' });
  // Open around the clock, so the check-in counts whenever the test runs.
  const made = await chief.post<TPharmacy>('/api/v1/pharmacies', {
    entityId,
    licenceNo: testLicenceNo(),
    licenceIssuedOn: '2024-03-01',
    ...HERE,
    opensMinute: 0,
    closesMinute: 1440,
  });
  assert.equal(made.status, 200, JSON.stringify(made.body));
  const pharmacist = await chief.post<TPharmacist>(`/api/v1/pharmacies/${made.body.id}/pharmacists`, {
    name: '陈药师',
    registrationNo: `ZY${process.pid}0009`,
  });
  assert.equal(pharmacist.status, 200, JSON.stringify(pharmacist.body));

  // The station issues the link on the pharmacy page.
  const staff = await openSession(browser, app);
  await loginViaUi(staff.page, 's01.chief');
  await staff.page.goto(`/drugs/pharmacies/${made.body.id}`);
  await staff.page.getByTestId('pharmacists-table').getByText('陈药师').waitFor();
  assert.equal((await textOf(staff.page.getByTestId('pharmacy-rate365'))).trim(), '—');
  await staff.page.getByTestId(`pharmacist-link-${pharmacist.body.id}`).click();
  const link = (await textOf(staff.page.getByTestId('pharmacist-link'))).trim();
  assert.match(link, /\/portal\/pharmacist\?t=[\w-]{20,}$/);

  // The pharmacist's phone, 1.1 km away first.
  const phone = await browser.newContext({
    baseURL: app.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ['geolocation'],
    geolocation: { latitude: HERE.latitude + 0.01, longitude: HERE.longitude, accuracy: 20 },
  });
  try {
    const page = await phone.newPage();
    await page.goto(link.slice(link.indexOf('/portal/')));
    await page.getByTestId('checkin-status').getByText('尚未签到').waitFor();
    await page.getByTestId('checkin-in').click();
    const refused = await textOf(page.getByTestId('checkin-error'));
    assert.match(refused, /距药店约 1112 米，超出允许范围（200 米）/);
    assert.match(await textOf(page.getByTestId('checkin-status')), /尚未签到/);

    await phone.setGeolocation({ latitude: HERE.latitude + 0.0003, longitude: HERE.longitude, accuracy: 20 });
    await page.getByTestId('checkin-in').click();
    await page.getByTestId('checkin-done').waitFor();
    assert.match(await textOf(page.getByTestId('checkin-status')), /已于 \d{2}:\d{2} 签到/);
  } finally {
    await phone.close();
  }

  await staff.page.reload();
  await staff.page.getByTestId('pharmacists-table').getByText('在岗', { exact: true }).waitFor();
  assert.match(await textOf(staff.page.getByTestId('pharmacy-rate365')), /^\d+(\.\d)?%$/);
  assert.deepEqual(staff.errors, []);
  await staff.context.close();
});
