import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, type TestDb } from '../../../tests/helpers/test-db.ts';
import { makeIdCard } from '../../domain/id-card.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { createPiiCipher } from '../../platform/pii.ts';
import { copyEntityRows } from './copy-repo.ts';
import { type EntityRow, toEntityRow } from './row.ts';

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

describe('COPY of entity rows', () => {
  let t: TestDb;
  let stationId: number;
  before(async () => {
    t = await createTestDb();
    const [s] = await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    stationId = s!.id;
  });
  after(() => t.close());

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
