import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeIdCard } from './id-card.ts';
import { parseSearchQuery } from './search-query.ts';
import { makeUscc } from './uscc.ts';

test('codes are recognised whatever the case and width; everything else of 2+ characters is a fragment', () => {
  const uscc = makeUscc('91', '440605', 'MA4UXY12');
  assert.equal(parseSearchQuery(` ${uscc.toLowerCase()} `).uscc, uscc);
  assert.equal(parseSearchQuery(uscc).fragment, undefined);
  const id = makeIdCard('440605', '19850412', '123');
  // 18 digits fit the USCC alphabet too: both are looked up.
  assert.deepEqual(
    { uscc: parseSearchQuery(id).uscc, idNumber: parseSearchQuery(id).idNumber },
    { uscc: id, idNumber: id },
  );
  assert.equal(parseSearchQuery('ts20261203abc234').trackingCode, 'TS20261203ABC234');
  assert.equal(parseSearchQuery('和顺').fragment, '和顺');
  assert.equal(parseSearchQuery('和').fragment, undefined);
  assert.equal(parseSearchQuery('s01.chief').fragment, 's01.chief');
});

test('case numbers: brackets, 第 and 号 normalised to the documents’ form, the prefix kept', () => {
  for (const [typed, expected] of [
    ['〔2026〕12号', '〔2026〕12号'],
    ['[2026]12', '〔2026〕12号'],
    ['（2026）第012号', '〔2026〕12号'],
    ['【2026】12号', '〔2026〕12号'],
    ['南海市监立〔2026〕12号', '南海市监立〔2026〕12号'],
    ['南海市监处罚 [2026] 7 号', '南海市监处罚〔2026〕7号'],
  ]) {
    assert.equal(parseSearchQuery(typed!).caseNo, expected, typed);
  }
  assert.equal(parseSearchQuery('2026年12号').caseNo, undefined);
});
