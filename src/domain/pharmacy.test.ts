import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  attendanceRate,
  coveredMinutes,
  distanceMetres,
  drugLicencePattern,
  licenceValidUntil,
  parseMinute,
  shanghaiClock,
} from './pharmacy.ts';

test('haversine: 0.001° of latitude is about 111 m; the same point is 0 m', () => {
  const a = { lat: 23.0215, lng: 113.1214 };
  assert.equal(Math.round(distanceMetres(a, a)), 0);
  assert.equal(Math.round(distanceMetres(a, { lat: 23.0225, lng: 113.1214 })), 111);
});

test('licence numbers: province + two class letters + digits; 5-year term ends the day before', () => {
  for (const ok of ['粤CB0605123456', '粤CA7570123', '京DB11010012345']) assert.ok(drugLicencePattern.test(ok), ok);
  for (const bad of ['CB0605123', '粤C0605123', '粤CB12', 'JY14406050000001']) assert.ok(!drugLicencePattern.test(bad));
  assert.equal(licenceValidUntil('2024-03-01'), '2029-02-28');
  assert.equal(licenceValidUntil('2024-02-29'), '2029-02-28');
});

test('covered minutes are the union of the shifts within opening hours', () => {
  assert.equal(coveredMinutes(480, 1320, []), 0);
  assert.equal(
    coveredMinutes(480, 1320, [
      [400, 900],
      [800, 1000],
      [1200, 1500],
    ]),
    520 + 120,
  );
  assert.equal(attendanceRate(832, 840), 99);
  assert.equal(attendanceRate(0, 0), null);
});

test('Shanghai clock and minute labels', () => {
  assert.deepEqual(shanghaiClock(new Date('2026-12-04T15:30:00Z')), { day: '2026-12-04', minute: 23 * 60 + 30 });
  assert.deepEqual(shanghaiClock(new Date('2026-12-04T16:30:00Z')), { day: '2026-12-05', minute: 30 });
  assert.equal(parseMinute('08:30'), 510);
  assert.equal(parseMinute('24:00'), 1440);
  assert.equal(parseMinute('8:75'), undefined);
});
