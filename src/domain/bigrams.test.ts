import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bigrams, bigramTsquery, bigramTsvector, exactNameTsquery, normaliseForSearch } from './bigrams.ts';

test('a name becomes its adjacent character pairs', () => {
  assert.deepEqual(bigrams('里水镇餐饮店'), ['里水', '水镇', '镇餐', '餐饮', '饮店']);
  assert.deepEqual(bigrams('水'), ['水']);
  assert.deepEqual(bigrams(''), []);
});

test('normalisation folds full-width letters, case and punctuation', () => {
  assert.equal(normaliseForSearch('ＡＢＣ（佛山）有限公司 '), 'abc佛山有限公司');
});

test('quotes survive in tsvector and tsquery text', () => {
  assert.equal(bigramTsvector("a'b"), "'ab'");
  assert.equal(bigramTsquery('餐饮'), "'餐饮'");
  assert.equal(bigramTsquery('里水镇'), "'里水' & '水镇'");
  assert.equal(bigramTsquery('水'), null);
});

test('every substring of length ≥ 2 has all its bigrams in the name', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 2, maxLength: 30, unit: fc.constantFrom(...'佛山南海里水镇餐饮有限公司abc12') }),
      fc.nat(),
      fc.nat(),
      (name, a, b) => {
        const chars = [...name];
        const start = a % (chars.length - 1);
        const end = Math.min(chars.length, start + 2 + (b % (chars.length - start - 1)));
        const fragment = chars.slice(start, end).join('');
        const nameGrams = new Set(bigrams(name));
        return bigrams(fragment).every((g) => nameGrams.has(g));
      },
    ),
  );
});

test('the tsvector fast path gives the same text as the general path', () => {
  const general = (name: string) =>
    bigrams(name)
      .map((g) => `'${g.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`)
      .join(' ');
  for (const name of ['', '水', '里水镇餐饮店', '餐饮餐饮', 'abc123', '佛山（南海）有限公司', "o'neil", 'ＡＢ店'])
    assert.equal(bigramTsvector(name), general(name), name);
  fc.assert(
    fc.property(
      fc.string({ maxLength: 30, unit: fc.constantFrom(..."佛山南海里水镇餐饮有限公司abcXY12 （）'\\-") }),
      (name) => bigramTsvector(name) === general(name),
    ),
  );
});

test('an exact-name probe leaves out the bigrams most names share, keeping the rarer ones', () => {
  assert.equal(exactNameTsquery('佛山市南海区示例玩具厂有限公司', 3), "'玩具' & '具厂' & '厂有'");
  assert.equal(exactNameTsquery('有限公司'), "'有限' & '限公' & '公司'");
  assert.equal(exactNameTsquery('厂'), null);
});
