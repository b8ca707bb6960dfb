import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { makeIdCard } from '../domain/id-card.ts';
import { makeUscc } from '../domain/uscc.ts';
import { type EntityRow, toEntityRow } from '../modules/entities/row.ts';
import { createPiiCipher } from '../platform/pii.ts';
import { copyEntityRows, copyLine, copyValue } from './copy.ts';

const pii = createPiiCipher('copy-test');

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
  let stationId: number;
  before(async () => {
    t = await createTestDb();
    const [s] = await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    stationId = s!.id;
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

  test('entity rows with awkward names, scope and nulls round-trip', async () => {
    const rows = awkward.map((text, i) => entity(i, stationId, `${text}测试${i}`, { businessScope: text }));
    rows.push({ ...entity(99, stationId, '全空字段', {}), legalRepName: null, phone: null, address: null });
    assert.equal(await copyEntityRows(t.db, rows), rows.length);
    const got = await t.db.query<{ uscc: string; name: string; business_scope: string | null; phone: string | null }>(
      `SELECT uscc, name, business_scope, phone FROM entities WHERE uscc = ANY($1::text[])`,
      [rows.map((r) => r.uscc)],
    );
    const byUscc = new Map(got.map((r) => [r.uscc, r]));
    for (const r of rows) {
      assert.equal(byUscc.get(r.uscc)?.name, r.name);
      assert.equal(byUscc.get(r.uscc)?.business_scope, r.businessScope);
      assert.equal(byUscc.get(r.uscc)?.phone, r.phone);
    }
    const [hit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entities WHERE name_bigrams @@ $1::tsquery`,
      [`'测试'`],
    );
    assert.ok(hit!.n >= awkward.length, 'bigrams copied as a tsvector');
  });

  test('a COPY inside a transaction that then throws leaves no rows', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => entity(1000 + i, stationId, `回滚测试${i}`, {}));
    await assert.rejects(
      t.db.transaction(async (tx) => {
        assert.equal(await copyEntityRows(tx, rows), 100);
        const [n] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM entities WHERE name LIKE '回滚测试%'`,
        );
        assert.equal(n!.n, 100, 'visible inside the transaction');
        throw new Error('boom');
      }),
      /boom/,
    );
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM entities WHERE name LIKE '回滚测试%'`);
    assert.equal(n!.n, 0);
  });

  test('a source that fails half way loads nothing and leaves the connection usable', async () => {
    function* failing() {
      for (let i = 0; i < 10; i++) yield entity(2000 + i, stationId, `中途失败${i}`, {});
      throw new Error('source broke');
    }
    await assert.rejects(copyEntityRows(t.db, failing()), /source broke/);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM entities WHERE name LIKE '中途失败%'`);
    assert.equal(n!.n, 0);
  });

  test('a constraint violation rejects the whole COPY', async () => {
    const dup = entity(3000, stationId, '重复代码', {});
    await assert.rejects(copyEntityRows(t.db, [dup, { ...dup, name: '重复代码二' }]));
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM entities WHERE uscc = $1`, [dup.uscc]);
    assert.equal(n!.n, 0);
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

  test('several thousand entity rows from an async source', async () => {
    const total = 5_000;
    async function* rows() {
      for (let i = 0; i < total; i++) yield entity(10_000 + i, stationId, `批量主体${i}号商行`, {});
    }
    const copied = await t.db.transaction((tx) => copyEntityRows(tx, rows()));
    assert.equal(copied, total);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM entities WHERE name LIKE '批量主体%'`);
    assert.equal(n!.n, total);
  });
});

function entity(i: number, stationId: number, name: string, extra: { businessScope?: string }): EntityRow {
  const subject = String(70_000_000 + i).padStart(8, '0');
  return toEntityRow(
    {
      uscc: makeUscc('92', '440605', subject),
      type: 'individualBusiness',
      name,
      address: '佛山市南海区桂城街道南海大道1号',
      establishedOn: '2024-05-06',
      legalRepName: '陈大文',
      legalRepIdNumber: makeIdCard('440605', '19800101', '001'),
      phone: '13800138000',
      regionCode: '440605011',
      industryCode: '6291',
      businessScope: extra.businessScope ?? null,
    },
    { stationId, actorId: null, pii },
  );
}
