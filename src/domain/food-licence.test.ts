import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkLicenceNo,
  licenceRegion,
  maskStaffName,
  normaliseLicenceNo,
  renewalDueOn,
  validUntil,
} from './food-licence.ts';
import { packagedCalendar } from './working-days.ts';

test('well-formed JY, SC and YB numbers pass; the region is read from them', () => {
  assert.equal(checkLicenceNo('operation', 'JY24406050012340'), null);
  assert.equal(checkLicenceNo('operation', 'JY34406050012340'), null);
  assert.equal(checkLicenceNo('production', 'SC10644060500124'), null);
  assert.equal(checkLicenceNo('production', 'SC20144060500124'), null);
  assert.equal(checkLicenceNo('filing', 'YB24406050000017'), null);
  assert.equal(licenceRegion('operation', 'JY24406050012340'), '440605');
  assert.equal(licenceRegion('production', 'SC10644060500124'), '440605');
  assert.equal(licenceRegion('workshop', '粤食坊登字〔2024〕001号'), null);
});

test('each structural fault is named', () => {
  assert.equal(checkLicenceNo('operation', ''), 'empty');
  assert.equal(checkLicenceNo('operation', 'SC24406050012340'), 'prefix');
  assert.equal(checkLicenceNo('production', 'JY10644060500124'), 'prefix');
  assert.equal(checkLicenceNo('operation', 'JY2440605001234'), 'length');
  assert.equal(checkLicenceNo('operation', 'JY244060500123400'), 'length');
  assert.equal(checkLicenceNo('operation', 'JY2440605001234X'), 'digits');
  assert.equal(checkLicenceNo('operation', 'JY44406050012340'), 'businessType');
  assert.equal(checkLicenceNo('filing', 'YB34406050000017'), 'businessType');
  assert.equal(checkLicenceNo('operation', 'JY29906050012340'), 'region');
  assert.equal(checkLicenceNo('production', 'SC30644060500124'), 'category');
  assert.equal(checkLicenceNo('production', 'SC10600060500124'), 'region');
  assert.equal(checkLicenceNo('workshop', 'ab'), 'length');
  assert.equal(checkLicenceNo('vendor', '粤食摊登字〔2024〕017号'), null);
});

test('numbers are normalised from paper and spreadsheets', () => {
  assert.equal(normaliseLicenceNo(' jy 2440605 0012340 '), 'JY24406050012340');
});

test('validity ends the day before the anniversary; 29 February rolls back to 28', () => {
  assert.equal(validUntil('2024-03-15', 5), '2029-03-14');
  assert.equal(validUntil('2025-01-01', 1), '2025-12-31');
  assert.equal(validUntil('2024-02-29', 1), '2025-02-28');
});

test('the renewal deadline is 30 working days before expiry, over weekends and holidays', () => {
  // 2025-10-31 (Fri): 30 working days back crosses the National Day holiday (1–8 Oct, 28 Sep and 11 Oct worked).
  const due = renewalDueOn(packagedCalendar, '2025-10-31');
  assert.ok(due < '2025-09-30', due);
  assert.equal(renewalDueOn(packagedCalendar, '2025-06-09', 5), '2025-05-30');
});

test('staff names are masked to the surname', () => {
  assert.equal(maskStaffName('张三'), '张*');
  assert.equal(maskStaffName('欧阳娜娜'), '欧***');
});
