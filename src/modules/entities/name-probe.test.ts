import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigramSubsetTsquery } from '../../domain/bigrams.ts';
import { PROBE_RATIO, probeBigrams } from './list.ts';

test('the index plan leaves bigrams far more frequent than the rarest to the LIKE recheck', () => {
  // 海区尚金 at 20 M: 海区 13 M, 区尚 33 k, 尚金 7.7 k.
  assert.deepEqual(probeBigrams([12_996_000, 33_333, 7_667]), [1, 2]);
  // 丹灶镇联: 灶镇 at 25× 镇联 still cuts the candidates eightfold; all probed (undefined: the whole fragment).
  assert.equal(probeBigrams([945_333, 662_000, 26_000]), undefined);
  assert.equal(probeBigrams([PROBE_RATIO * 100, 100]), undefined);
  assert.deepEqual(probeBigrams([PROBE_RATIO * 100 + 1, 100]), [1]);
  // No estimates (one bigram), or a rarest of 0 rows (after a fresh load): nothing to leave out, or only the listed.
  assert.equal(probeBigrams(undefined), undefined);
  assert.deepEqual(probeBigrams([0, 5, PROBE_RATIO + 1]), [0, 1]);
});

test('a probe names the fragment’s own bigrams by position, nothing else', () => {
  assert.equal(bigramSubsetTsquery('海区尚金', [1, 2]), "'区尚' & '尚金'");
  assert.equal(bigramSubsetTsquery('海区尚金', [7]), null);
  assert.equal(bigramSubsetTsquery('海', [0]), null);
});
