import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, maskName, saleSpikes } from './drug-sales.ts';

describe('重点药品购药登记 rules', () => {
  test('a name keeps only its first character', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('欧阳娜娜'), '欧***');
    assert.equal(maskName('李'), '*');
  });

  test('a day far above its 14-day baseline is a spike; a flat series or a small count is not', () => {
    const day = '2026-12-01';
    const rows = [];
    for (let i = 1; i <= 14; i++) {
      rows.push({ day: addDays(day, -i), drugClass: '退热类', townshipCode: '440605001', n: 4 + (i % 3) });
      rows.push({ day: addDays(day, -i), drugClass: '止咳类', townshipCode: '440605001', n: 5 });
      rows.push({ day: addDays(day, -i), drugClass: '抗病毒类', townshipCode: '440605002', n: 0 });
    }
    rows.push({ day, drugClass: '退热类', townshipCode: '440605001', n: 30 });
    rows.push({ day, drugClass: '止咳类', townshipCode: '440605001', n: 7 });
    rows.push({ day, drugClass: '抗病毒类', townshipCode: '440605002', n: 4 });
    const spikes = saleSpikes(rows, day, { k: 3, minCount: 10, baselineDays: 14 });
    assert.deepEqual(
      spikes.map((s) => [s.drugClass, s.observed]),
      [['退热类', 30]],
    );
    assert.ok(spikes[0]!.expected > 4 && spikes[0]!.expected < 6);
  });

  test('days outside the window are ignored and missing days count 0', () => {
    const day = '2026-12-01';
    const rows = [
      { day: addDays(day, -40), drugClass: '退热类', townshipCode: 't', n: 1000 },
      { day, drugClass: '退热类', townshipCode: 't', n: 12 },
    ];
    assert.equal(saleSpikes(rows, day, { k: 3, minCount: 10, baselineDays: 14 }).length, 1);
  });
});
