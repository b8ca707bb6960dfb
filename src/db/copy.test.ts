import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { copyLine, copyValue } from './copy.ts';

const awkward = [
  'tab\there',
  'line\nbreak',
  'carriage\r\nreturn',
  'back\\slash \\N \\t',
  `quotes ' " \``,
  '佛山市南海区桂城“鑫盛”餐饮店（分店）',
  '\\N',
  '',
  ' leading and trailing ',
  '😀 emoji',
];

describe('copyLine', () => {
  test('escapes backslash, tab, newline and CR; null is \\N', () => {
    assert.equal(
      copyLine(['a\tb', 'c\nd', 'e\rf', 'g\\h', null, undefined, 1, true]),
      'a\\tb\tc\\nd\te\\rf\tg\\\\h\t\\N\t\\N\t1\tt\n',
    );
  });
  test('the text \\N is escaped, so it never reads as null', () => {
    assert.equal(copyValue('\\N'), '\\\\N');
  });
  test('objects become JSON', () => {
    assert.equal(copyValue({ a: 'x\ty' }), '{"a":"x\\\\ty"}');
  });
});

describe('COPY on the test database', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.close());

  test('awkward text round-trips through a temp table', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query('CREATE TEMP TABLE copy_probe (n int, v text, j jsonb) ON COMMIT DROP');
      const lines = awkward.map((v, n) => copyLine([n, v, { v }]));
      lines.push(copyLine([awkward.length, null, null]));
      const copied = await tx.copyFrom('COPY copy_probe (n, v, j) FROM STDIN', lines);
      assert.equal(copied, awkward.length + 1);
      const rows = await tx.query<{ n: number; v: string | null; j: { v: string } | null }>(
        'SELECT n, v, j FROM copy_probe ORDER BY n',
      );
      assert.deepEqual(
        rows.map((r) => r.v),
        [...awkward, null],
      );
      assert.deepEqual(
        rows.map((r) => r.j?.v ?? null),
        [...awkward, null],
      );
    });
  });

  test('any string survives the round trip (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), async (values) => {
        const clean = values.map((v) => v.replace(/\0/g, '')); // PostgreSQL text cannot hold NUL
        const got = await t.db.transaction(async (tx) => {
          await tx.query('CREATE TEMP TABLE copy_prop (n int, v text) ON COMMIT DROP');
          await tx.copyFrom(
            'COPY copy_prop (n, v) FROM STDIN',
            clean.map((v, n) => copyLine([n, v])),
          );
          return tx.query<{ v: string }>('SELECT v FROM copy_prop ORDER BY n');
        });
        assert.deepEqual(
          got.map((r) => r.v),
          clean,
        );
      }),
      { numRuns: 25 },
    );
  });

  test('more lines than one PGlite blob holds arrive in order and complete', async () => {
    const total = 120_000;
    function* lines() {
      for (let n = 0; n < total; n++) yield copyLine([n]);
    }
    const [got] = await t.db.transaction(async (tx) => {
      await tx.query('CREATE TEMP TABLE copy_many (n int) ON COMMIT DROP');
      assert.equal(await tx.copyFrom('COPY copy_many (n) FROM STDIN', lines()), total);
      return tx.query<{ n: number; s: number }>('SELECT count(*)::int AS n, sum(n)::float8 AS s FROM copy_many');
    });
    assert.deepEqual(got, { n: total, s: ((total - 1) * total) / 2 });
  });
  test('a source that fails part-way fails the COPY with its own error and leaves nothing', async () => {
    class SourceFailed extends Error {}
    function* lines() {
      for (let n = 0; n < 120_000; n++) yield copyLine([n]); // several chunks reach the server first
      throw new SourceFailed('no inspector left');
    }
    await t.db.query('CREATE TABLE copy_fail_probe (n int)');
    await assert.rejects(
      t.db.transaction((tx) => tx.copyFrom('COPY copy_fail_probe (n) FROM STDIN', lines())),
      SourceFailed,
    );
    const [left] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_fail_probe');
    assert.equal(left!.n, 0);
    await t.db.query('DROP TABLE copy_fail_probe');
  });
});
