import { addDays } from '../../src/domain/drug-sales.ts';
import { makeIdCard, maskIdCard, maskPhone } from '../../src/domain/id-card.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { insertSales } from '../../src/modules/drug-sales/repos/sales.ts';
import { createDrugSaleMonitoring } from '../../src/modules/drug-sales/services/monitoring.ts';
import { benchActors } from '../lib/actors.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type Scenario } from '../lib/scenario.ts';
import { sample, summarise, timed } from '../lib/timing.ts';

const SALES = Number(process.env.BENCH_DRUG_SALES ?? 50_000_000);
const PHARMACIES = Number(process.env.BENCH_DRUG_PHARMACIES ?? 3000);
const DAYS = Number(process.env.BENCH_DRUG_DAYS ?? 365);
const CHUNK = 1_000_000;

/**
 * Issue 14 point 14: 重点药品购药登记 at city scale. Loads (once; rerun with --reuse) BENCH_DRUG_SALES registrations
 * (default 50 M) at BENCH_DRUG_PHARMACIES pharmacies over BENCH_DRUG_DAYS days, set-based in 1 M chunks with a pool of
 * encrypted buyers, builds the daily rollup (the nightly job's full rebuild), then measures what the target names:
 * daily counts and spike detection (≤ 10 s), both on the rollup; beside them the same counts from the registrations
 * (why the rollup exists), one registration's insert with its rollup upsert, and one purge batch.
 */
export const drugSalesScenario: Scenario = async (ctx) => {
  const s = 'drug-sales';
  const today = shanghaiToday();
  const rows: ResultRow[] = [];
  if (ctx.fresh) {
    await loadBenchRegister(ctx);
    const pool = Array.from({ length: 1000 }, (_, i) => {
      const id = makeIdCard('440605', `19${String(50 + (i % 50))}0${1 + (i % 9)}1${i % 9}`, String(100 + (i % 900)));
      return [
        ctx.pii.encrypt(`购药人${i}`),
        ctx.pii.encrypt(id),
        ctx.pii.lookupHash(id),
        maskIdCard(id),
        ctx.pii.encrypt(`138${String(i).padStart(8, '0')}`),
        maskPhone(`138${String(i).padStart(8, '0')}`),
      ];
    });
    await ctx.db.query(
      `CREATE TEMP TABLE bench_buyers AS SELECT (ord - 1)::int AS k, nc, ic, ih, im, pc, pm
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
           AS b(nc, ic, ih, im, pc, pm, ord)`,
      [0, 1, 2, 3, 4, 5].map((c) => pool.map((b) => b[c])),
    );
    await ctx.db.query(
      `CREATE TEMP TABLE bench_pharmacies AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id, station_id,
         coalesce(left(region_code, 9), '') AS township FROM entities ORDER BY id LIMIT $1`,
      [PHARMACIES],
    );
    const load = await timed(async () => {
      for (let from = 0; from < SALES; from += CHUNK) {
        const n = Math.min(CHUNK, SALES - from);
        await ctx.db.query(
          `INSERT INTO drug_sale_registrations (entity_id, station_id, township_code, sold_on, drug_name, drug_class,
             buyer_name_cipher, buyer_name_masked, id_cipher, id_hash, id_masked, phone_cipher, phone_masked, channel)
           SELECT p.id, p.station_id, p.township, $3::date - ((g * 7919) % $4)::int, w.name, w.drug_class, b.nc, '购*', b.ic,
                  b.ih, b.im, b.pc, b.pm, 'portal'
             FROM generate_series($1::bigint, $2::bigint) g
             JOIN bench_pharmacies p ON p.k = (g * 31) % (SELECT count(*) FROM bench_pharmacies)
             JOIN (SELECT name, drug_class, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM drug_watch_list) w
               ON w.k = g % 12
             JOIN bench_buyers b ON b.k = (g * 13) % 1000`,
          [from, from + n - 1, today, DAYS],
        );
        ctx.log(`  registrations ${(from + n).toLocaleString()} / ${SALES.toLocaleString()}`);
      }
    });
    rows.push({
      scenario: s,
      metric: 'load registrations (set-based, all indexes)',
      value: load.ms / 1000,
      unit: 's',
      note: `${SALES.toLocaleString()} rows, ${(SALES / (load.ms / 1000)).toFixed(0)} rows/s`,
    });
    const monitoring = createDrugSaleMonitoring(ctx.db);
    const rebuild = await timed(() => monitoring.rebuildRollup(addDays(today, -DAYS - 1)));
    rows.push({
      scenario: s,
      metric: 'rollup full rebuild (one-off; the nightly job recounts 3 days)',
      value: rebuild.ms / 1000,
      unit: 's',
      note: `${rebuild.value.toLocaleString()} rollup rows`,
    });
    await ctx.db.exec('ANALYZE drug_sale_registrations; ANALYZE drug_sale_daily');
  }
  const monitoring = createDrugSaleMonitoring(ctx.db);
  const { admin, station } = await benchActors(ctx.db);
  const nightly = await timed(() => monitoring.rebuildRollup());
  rows.push({ scenario: s, metric: 'rollup nightly repair (last 3 days)', value: nightly.ms / 1000, unit: 's' });
  for (const [who, actor] of [
    ['district', admin],
    ['station', station],
  ] as const) {
    const lat = summarise(await sample(10, () => monitoring.daily(actor, addDays(today, -59), today)));
    rows.push({
      scenario: s,
      metric: `daily counts, 60 days by class and township (${who}), p95`,
      value: lat.p95 / 1000,
      unit: 's',
      target: '≤ 10',
    });
  }
  const detect = await timed(() => monitoring.detect(today));
  rows.push({
    scenario: s,
    metric: 'spike detection (all classes × townships, from the rollup)',
    value: detect.ms / 1000,
    unit: 's',
    target: '≤ 10',
    note: JSON.stringify(detect.value),
  });
  const raw = await timed(() =>
    ctx.db.query(
      `SELECT sold_on, drug_class, township_code, count(*) FROM drug_sale_registrations
        WHERE sold_on >= $1::date GROUP BY 1, 2, 3`,
      [addDays(today, -59)],
    ),
  );
  rows.push({
    scenario: s,
    metric: 'the same 60-day counts from the registrations (no rollup)',
    value: raw.ms / 1000,
    unit: 's',
  });
  const [p] = await ctx.db.query<{ id: number; stationId: number }>(
    'SELECT id, station_id AS "stationId" FROM entities ORDER BY id LIMIT 1',
  );
  const one = summarise(
    await sample(50, () =>
      ctx.db.transaction((tx) =>
        insertSales(tx, [
          {
            entityId: p!.id,
            stationId: p!.stationId,
            townshipCode: '',
            soldOn: today,
            drugName: '布洛芬缓释胶囊',
            drugClass: '退热类',
            quantity: 1,
            buyerNameCipher: 'x',
            buyerNameMasked: '*',
            idCipher: 'x',
            idHash: 'x',
            idMasked: '*',
            phoneCipher: 'x',
            phoneMasked: '*',
            temperature: null,
            channel: 'portal',
            createdBy: null,
          },
        ]),
      ),
    ),
  );
  rows.push({ scenario: s, metric: 'one registration + rollup upsert, p95', value: one.p95, unit: 'ms' });
  const purge = await timed(() =>
    ctx.db.transaction((tx) =>
      tx.query(
        `DELETE FROM drug_sale_registrations WHERE id IN (SELECT id FROM drug_sale_registrations
      WHERE sold_on < $1::date ORDER BY sold_on, id LIMIT 10000)`,
        [addDays(today, -DAYS + 30)],
      ),
    ),
  );
  rows.push({ scenario: s, metric: 'one purge batch (10 000 oldest rows)', value: purge.ms, unit: 'ms' });
  return { rows, detail: { sales: SALES, pharmacies: PHARMACIES, days: DAYS } };
};
