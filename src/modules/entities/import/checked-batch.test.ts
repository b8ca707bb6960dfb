import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CheckedItem, flattenChecked, unflattenChecked } from './checked-batch.ts';

const entity = {
  type: 'enterprise' as const,
  uscc: '91440605MA5GTFTJX7',
  name: '佛山市某某有限公司',
  address: '佛山市南海区某路 1 号',
  establishedOn: '2019-06-18',
  legalRepName: '陈志强',
  phone: '13800138000',
  registeredCapitalFen: 0,
};

describe('checked batches: one flat array per message', () => {
  test('header, valid and invalid rows come back as they were, in order', () => {
    const items: CheckedItem[] = [
      { map: { index: { uscc: 1 }, label: { uscc: '统一社会信用代码' }, ignored: ['备注'] } },
      { row: 2, outcome: { ok: true, entity, stationId: 11 } },
      { row: 3, outcome: { ok: false, errors: [{ row: 3, column: '名称', reason: '必填项未填写' }], uscc: 'X' } },
      {
        row: 5,
        outcome: { ok: true, entity: { ...entity, businessScope: '零售', industryCode: 'F5261' }, stationId: 12 },
      },
      // Not a shape the import makes: goes as it is.
      { row: 6, outcome: { ok: true, entity: { ...entity, stationId: 99 }, stationId: 13 } },
    ];
    const flat = structuredClone(flattenChecked(items));
    const objects = flat.filter((v) => typeof v === 'object' && v !== null);
    assert.equal(objects.length, 3, "the valid rows of the import's shape go as strings and numbers");
    const back = [...unflattenChecked(flat)];
    const defined = (o: unknown) => JSON.parse(JSON.stringify(o));
    assert.deepEqual(defined(back), defined(items));
  });
});
