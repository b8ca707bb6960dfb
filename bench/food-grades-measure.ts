// 量化分级 at scale (issue 13 point 4): the set-based annual-grade recompute over 300 k food businesses and 3 M
// dynamic grades (one per inspection over ten years), and one inspection's grade write (supersession).
//   createdb -h 127.0.0.1 -U postgres inspect_bench
//   FOOD_BENCH_URL=postgres://postgres@127.0.0.1:5432/inspect_bench npx tsx bench/food-grades-measure.ts
// Env: FOOD_BENCH_BUSINESSES (300000), FOOD_BENCH_GRADES (3000000). Data is generated once and kept.
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { foodGradingDefaults } from '../src/domain/food-grading.ts';
import { shanghaiToday } from '../src/domain/shanghai-date.ts';
import { recomputeAnnual } from '../src/modules/food-inspections/repos/annual.ts';
import { writeDynamicGrade } from '../src/modules/food-inspections/repos/inspections.ts';

const url = process.env.FOOD_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/inspect_bench';
const businesses = Number(process.env.FOOD_BENCH_BUSINESSES ?? 300_000);
const grades = Number(process.env.FOOD_BENCH_GRADES ?? 3_000_000);
const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}`);
const db = await openPostgres(url, { max: 4 });
const today = shanghaiToday();
try {
  await migrate(db, () => {});
  const [have] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM food_businesses');
  if (have!.n < businesses) {
    log('generating');
    await db.exec(`INSERT INTO org_units (code, name, kind, path) VALUES ('fbench', '基准所', 'station', '/x/')
                   ON CONFLICT (code) DO NOTHING`);
    await db.query(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT 'FB' || lpad(g::text, 16, '0'), 'individualBusiness', '基准餐馆' || g, ''::tsvector,
              (SELECT id FROM org_units WHERE code = 'fbench'), '2015-01-01'
         FROM generate_series(1, $1::int) g ON CONFLICT (uscc) DO NOTHING`,
      [businesses],
    );
    await db.exec(`INSERT INTO food_businesses (entity_id, station_id)
                   SELECT id, station_id FROM entities WHERE uscc LIKE 'FB%' ON CONFLICT (entity_id) DO NOTHING`);
    log('businesses');
    // Ten grades per business, one every ~4 months back from today; the newest current.
    await db.query(
      `INSERT INTO food_grades (business_id, kind, grade, score, graded_on, status)
       SELECT fb.id, 'dynamic',
              CASE WHEN s >= 90 THEN 'excellent' WHEN s >= 75 THEN 'good' WHEN s >= 60 THEN 'fair' ELSE 'none' END, s,
              $2::date - (n * 120 + fb.id % 90)::int, CASE WHEN n = 0 THEN 'current' ELSE 'superseded' END
         FROM food_businesses fb CROSS JOIN generate_series(0, $1::int - 1) n
         CROSS JOIN LATERAL (SELECT (100 - ((fb.id * 7919 + n * 104729) % 45))::numeric AS s) x`,
      [Math.ceil(grades / businesses), today],
    );
    await db.exec('VACUUM (ANALYZE) food_grades, food_businesses');
    log('grades');
  }
  const [counts] = await db.query<{ b: number; g: number }>(
    `SELECT (SELECT count(*)::int FROM food_businesses) AS b, (SELECT count(*)::int FROM food_grades WHERE kind = 'dynamic') AS g`,
  );
  log(`${counts!.b.toLocaleString()} businesses, ${counts!.g.toLocaleString()} dynamic grades`);
  const shifted = new Date(Date.parse(`${today}T00:00:00Z`) - 180 * 86_400_000).toISOString().slice(0, 10);
  const runs: [string, string][] = [
    ['steady state', today],
    ['window moved 180 days (most grades change, each superseding)', shifted],
    ['again (nothing changed)', shifted],
  ];
  for (const [run, asOf] of runs) {
    const s = performance.now();
    const r = await db.transaction((tx) => recomputeAnnual(tx, { asOf, config: foodGradingDefaults, createdBy: null }));
    log(
      `annual recompute, ${run}: ${((performance.now() - s) / 1000).toFixed(1)} s, ${r.considered} considered, ${r.written} written`,
    );
  }
  const times: number[] = [];
  for (let i = 1; i <= 50; i++) {
    const s = performance.now();
    await db.transaction((tx) =>
      writeDynamicGrade(tx, {
        businessId: i * 997,
        grade: 'good',
        score: 80,
        inspectionId: null as never,
        gradedOn: today,
        createdBy: null as never,
      }),
    );
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  log(`dynamic grade write with supersession: p50 ${times[25]!.toFixed(1)} ms, p95 ${times[47]!.toFixed(1)} ms`);
} finally {
  await db.close();
}
