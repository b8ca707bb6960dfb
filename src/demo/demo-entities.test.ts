import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createTestDb, type TestDb, testDbKind } from '../../tests/helpers/test-db.ts';
import { openPglite } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { isValidIdCard } from '../domain/id-card.ts';
import { isValidIndustryCode } from '../domain/industry-codes.ts';
import { usccEntityType, validateUscc } from '../domain/uscc.ts';
import { createPiiCipher, type PiiCipher } from '../platform/pii.ts';
import { loadDemo } from './demo.ts';
import {
  DEMO_AS_OF,
  DEMO_ENTITY_COUNT,
  type DemoEntity,
  demoTypeCounts,
  generateDemoEntities,
} from './demo-entities.ts';
import { loadDemoEntities } from './demo-entities-load.ts';
import { HISTORY_DAYS } from './demo-entity-events.ts';
import { demoStations } from './demo-org.ts';
import { feistelPermutation, isoToDay } from './random.ts';

const pii = createPiiCipher('demo-entities-test');
/** Generation-only tests skip AES: its random IV is the one non-deterministic field anyway. */
const plainPii: PiiCipher = { encrypt: (s) => `plain:${s}`, decrypt: (s) => s.slice(6), lookupHash: (s) => s };
const stations = demoStations.map((s, i) => ({ id: 100 + i, code: s.code, regionCodes: s.regionCodes }));

const take = (n: number, opts: { entities?: number; seed?: number; cipher?: PiiCipher } = {}) => {
  const out: DemoEntity[] = [];
  for (const e of generateDemoEntities({ stations, pii: opts.cipher ?? plainPii, ...opts })) {
    if (out.length === n) break;
    out.push(e);
  }
  return out;
};

describe('demo register generator', () => {
  test('from/to yield exactly that slice of the register', () => {
    const all = [...generateDemoEntities({ stations, pii: plainPii, entities: 300 })];
    const slice = [...generateDemoEntities({ stations, pii: plainPii, entities: 300, from: 120, to: 250 })];
    assert.deepEqual(slice, all.slice(120, 250));
    assert.equal([...generateDemoEntities({ stations, pii: plainPii, entities: 300, from: 290, to: 999 })].length, 10);
  });

  test('same seed, same rows; another seed, other rows', () => {
    const a = take(100, { seed: 7 });
    const b = take(100, { seed: 7 });
    assert.deepEqual(a, b);
    const c = take(100, { seed: 8 });
    assert.notDeepEqual(
      c.map((e) => e.row.uscc),
      a.map((e) => e.row.uscc),
    );
  });

  test('with the real cipher only the ciphertext differs between runs, and it decrypts to the same ID', () => {
    const [a, b] = [take(20, { cipher: pii }), take(20, { cipher: pii })];
    for (const [i, e] of a.entries()) {
      const other = b[i]!;
      assert.deepEqual({ ...e.row, legalRepIdCipher: null }, { ...other.row, legalRepIdCipher: null });
      assert.equal(pii.decrypt(e.row.legalRepIdCipher!), pii.decrypt(other.row.legalRepIdCipher!));
    }
  });

  test('every USCC, ID number, industry code, phone and date is valid', () => {
    const asOf = isoToDay(DEMO_AS_OF);
    for (const { row, licences, events } of take(3_000, { entities: 3_000 })) {
      const uscc = validateUscc(row.uscc);
      assert.ok(uscc.ok, `${row.uscc}: ${uscc.ok || uscc.reason}`);
      assert.equal(usccEntityType(row.uscc), row.type);
      assert.equal(row.uscc.slice(2, 8), '440605');
      const id = plainPii.decrypt(row.legalRepIdCipher!);
      assert.ok(isValidIdCard(id, { today: DEMO_AS_OF }), id);
      assert.ok(id.startsWith('44'), 'Guangdong');
      assert.equal(row.legalRepIdMasked, `${id.slice(0, 3)}***********${id.slice(14)}`);
      assert.ok(isValidIndustryCode(row.industryCode!), row.industryCode!);
      assert.match(row.phone!, /^(1[3-9]\d{9}|0757-8\d{7})$/);
      assert.ok(row.name.length >= 6 && row.nameBigrams.length > 0);
      assert.ok(isoToDay(row.establishedOn) <= asOf && isoToDay(row.establishedOn) >= asOf - 20 * 366);
      const station = stations.find((s) => s.id === row.stationId)!;
      assert.equal(row.regionCode, station.regionCodes[0]);
      for (const l of licences) assert.ok(l.issuedOn < l.validUntil && /^(JY[12]|SC1|粤CB)/.test(l.number));
      const days = events.map((e) => isoToDay(e.occurredOn));
      assert.deepEqual(
        days,
        [...days].sort((x, y) => x - y),
        'events in date order',
      );
      assert.ok(days.every((d) => d >= asOf - HISTORY_DAYS && d <= asOf));
      if (row.status !== 'active' && events.length) assert.notEqual(events.at(-1)!.kind, 'establish');
    }
  });

  test('USCCs and licence numbers stay unique over 200,000 rows', () => {
    const usccs = new Set<string>();
    const licenceNumbers = new Set<string>();
    let n = 0;
    for (const { row, licences } of generateDemoEntities({ stations, pii: plainPii, entities: 200_000, seed: 3 })) {
      usccs.add(row.uscc);
      for (const l of licences) licenceNumbers.add(`${l.kind}:${l.number}`);
      n++;
      if (licences.length > 1) assert.fail('one licence per entity at most');
    }
    assert.equal(n, 200_000);
    assert.equal(usccs.size, n);
    assert.ok(licenceNumbers.size > 40_000);
  });

  test('type counts follow seed 001 exactly', () => {
    assert.deepEqual(demoTypeCounts(DEMO_ENTITY_COUNT), {
      enterprise: 22_474,
      farmerCooperative: 300,
      individualBusiness: 28_858,
    });
    const counts = { enterprise: 0, farmerCooperative: 0, individualBusiness: 0 };
    for (const { row } of take(10_000, { entities: 10_000 })) counts[row.type]++;
    assert.deepEqual(counts, demoTypeCounts(10_000));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000_000 }), (n) => {
        const c = demoTypeCounts(n);
        assert.equal(c.enterprise + c.farmerCooperative + c.individualBusiness, n);
        assert.ok(Math.abs(c.individualBusiness - (n * 28_858) / DEMO_ENTITY_COUNT) < 1);
      }),
    );
  });

  test('the code permutation is a bijection', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer(), (modulus, seed) => {
        const perm = feistelPermutation(modulus, seed);
        const seen = new Set(Array.from({ length: modulus }, (_, i) => perm(i)));
        assert.equal(seen.size, modulus);
        assert.ok([...seen].every((v) => v >= 0 && v < modulus));
      }),
      { numRuns: 50 },
    );
  });
});

describe('loading the demo register', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.close());

  test('3,000 entities with licences and events land through COPY, children on the right entity', async () => {
    const units = await t.db.query<{ id: number; code: string; regionCodes: string[] }>(
      `SELECT id, code, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' ORDER BY sort_order`,
    );
    const seen: number[] = [];
    const result = await loadDemoEntities(t.db, {
      entities: 3_000,
      stations: units,
      pii,
      progress: (d) => seen.push(d),
    });
    assert.equal(result.entities, 3_000);
    assert.deepEqual(seen, [0, 3_000]);
    const [counts] = await t.db.query<{ e: number; l: number; v: number }>(
      `SELECT (SELECT count(*)::int FROM entities) AS e, (SELECT count(*)::int FROM entity_licences) AS l,
              (SELECT count(*)::int FROM entity_events) AS v`,
    );
    assert.deepEqual(counts, { e: 3_000, l: result.licences, v: result.events });
    assert.ok(result.licences > 300 && result.events > 500);
    // Each establish event names its own entity: the id arithmetic matched children to the right rows.
    const [mismatch] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entity_events v JOIN entities e ON e.id = v.entity_id
        WHERE v.kind = 'establish' AND v.after->>'uscc' <> e.uscc`,
    );
    assert.equal(mismatch!.n, 0);
    const [row] = await t.db.query<{ cipher: string }>('SELECT legal_rep_id_cipher AS cipher FROM entities LIMIT 1');
    assert.ok(isValidIdCard(pii.decrypt(row!.cipher), { today: DEMO_AS_OF }));
    const [hit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entities WHERE name_bigrams @@ $1::tsquery AND name LIKE '%餐饮%'`,
      [`'餐饮'`],
    );
    assert.ok(hit!.n > 0, 'bigram search finds demo names');
  });

  test('loadDemo with entities loads org and register in one go', { skip: testDbKind() === 'postgresql' }, async () => {
    const db = await openPglite();
    try {
      await migrate(db);
      const steps: string[] = [];
      const result = await loadDemo(db, (step) => steps.push(step), { entities: 500, pii });
      assert.equal(result.entities?.entities, 500);
      assert.ok(steps.includes('市场主体') && steps.at(-1) === '完成');
      const [n] = await db.query<{ n: number }>(
        `SELECT count(DISTINCT station_id)::int AS n FROM entities e JOIN org_units o ON o.id = e.station_id AND o.kind = 'station'`,
      );
      assert.equal(n!.n, demoStations.length);
      await assert.rejects(loadDemo(db, undefined, { entities: 1 }), /PII/); // refused before touching the database
    } finally {
      await db.close();
    }
  });
});
