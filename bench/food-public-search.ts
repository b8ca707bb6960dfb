/**
 * Micro-bench of the portal's food search and the open-data grade pages (issue 13, point 13: public grade search
 * p95 ≤ 50 ms at 300 k food businesses), until the `food` bench scenario lands:
 *   BENCH_DATABASE_NAME=public_bench npx tsx bench/food-public-search.ts [businesses=300000] [pglite|postgres]
 * Loads `businesses` food businesses among twice as many registry entities (set-based SQL, names from a word
 * list so fragments are rare, common and very common), a licence and current dynamic and annual grades each, then
 * times the service calls one after another (latency, not throughput).
 */
import { migrate } from '../src/db/migrate.ts';
import { createFoodPublicService } from '../src/modules/food-public/services/public.ts';
import { openBenchDb } from './lib/bench-db.ts';
import { sample, summarise, timed } from './lib/timing.ts';

const businesses = Number(process.argv[2] ?? 300_000);
const kind = (process.argv[3] ?? 'postgres') as 'postgres' | 'pglite';
const entities = businesses * 2;

const bench = await openBenchDb(kind, { keep: process.env.BENCH_KEEP === '1' });
const { db } = bench;
try {
  await migrate(db);
  const load = await timed(async () => {
    await db.exec(`
      INSERT INTO org_units (code, name, kind, path) VALUES ('b', '演示区市场监督管理局', 'bureau', '/');
      INSERT INTO org_units (parent_id, code, name, kind, path)
        SELECT (SELECT id FROM org_units WHERE code = 'b'), 's' || lpad(g::text, 2, '0'), '第' || g || '市场监管所', 'station', '/x/'
          FROM generate_series(1, 10) g;`);
    // Names: place + trade word + a numbered shop + kind; 40 places × 30 words × kinds gives rare and common bigrams.
    await db.query(
      `WITH w AS (SELECT string_to_array('桂城,大沥,里水,九江,西樵,丹灶,狮山,松岗,罗村,平洲,盐步,黄岐,和顺,官窑,小塘,金沙,沙头,夏西,叠滘,石碣,南庄,张槎,祖庙,石湾,澜石,容桂,大良,伦教,北滘,陈村,乐从,龙江,勒流,杏坛,均安,高明,三水,西南,白坭,芦苞', ',') AS places,
                        string_to_array('好味,香满楼,阿强,老地方,福满,顺德,粤香,湘味,川妹,东北,兰州,潮汕,客家,江南,金牌,鸿运,家乐,新派,农家,海鲜,烧腊,早茶,甜品,面点,粥铺,快餐,糖水,烤肉,火锅,茶餐', ',') AS words,
                        string_to_array('餐馆,小吃店,面馆,饭店,酒家,餐厅,食品店,烘焙坊,奶茶店,便利店', ',') AS kinds)
       INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, address)
       SELECT '9244060' || lpad(g::text, 11, '0'), 'individualBusiness', n, case_name_bigrams(n),
              (SELECT id FROM org_units WHERE code = 's' || lpad((1 + g % 10)::text, 2, '0')), '2020-01-01',
              places[1 + g % 40] || '街道' || (g % 300) || '号'
         FROM w, generate_series(1, $1::int) g,
              LATERAL (SELECT places[1 + (g / 7) % 40] || words[1 + (g / 3) % 30] || (g % 997) || '号' || kinds[1 + g % 10] AS n) x`,
      [entities],
    );
    await db.query(
      `INSERT INTO food_businesses (entity_id, station_id) SELECT id, station_id FROM entities WHERE id % 2 = 0`,
    );
    await db.exec(`
      INSERT INTO food_licences (business_id, kind, licence_no, issued_on, valid_until, renewal_due_on)
        SELECT id, 'operation', 'JY2440605' || lpad(id::text, 7, '0'), '2024-01-01', '2029-01-01', '2028-11-01'
          FROM food_businesses;
      INSERT INTO food_grades (business_id, kind, grade, graded_on)
        SELECT id, 'dynamic', (ARRAY['excellent', 'good', 'fair', 'none'])[1 + id % 4], '2026-06-01' FROM food_businesses;
      INSERT INTO food_grades (business_id, kind, grade, graded_on, year)
        SELECT id, 'annual', (ARRAY['A', 'B', 'C'])[1 + id % 3], '2026-01-05', 2025 FROM food_businesses;`);
    // As autovacuum would: merges the GIN pending list (a bulk load leaves every row in it: 53 ms per lookup).
    await db.query('VACUUM ANALYZE');
  });
  console.log(
    `loaded ${businesses.toLocaleString()} food businesses (${entities.toLocaleString()} entities) on ${bench.kind} in ${(load.ms / 1000).toFixed(1)} s`,
  );

  const food = createFoodPublicService(db);
  const terms: Record<string, string[]> = {
    'rare (shop + number)': ['好味12号', '阿强300号', '兰州77号', '潮汕5号餐', '甜品99号'],
    'medium (place + word)': ['桂城好味', '里水客家', '九江烧腊', '大良糖水', '均安火锅'],
    'common (one trade word)': ['餐馆', '面馆', '奶茶', '火锅', '烧腊'],
    'licence number prefix': ['JY24406050001', 'JY2440605012345', 'JY244060500999'],
  };
  const rows: string[] = [];
  for (const [label, qs] of Object.entries(terms)) {
    let found = 0;
    const ms = await sample(60, async (i) => {
      const page = await food.search({ q: qs[i % qs.length]!, limit: 20 });
      found += page.items.length;
    });
    const s = summarise(ms);
    rows.push(
      `| ${label} | ${s.n} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.max.toFixed(1)} | ${(found / s.n).toFixed(1)} |`,
    );
  }
  const open = summarise(
    await sample(40, async (i) => {
      await food.openGrades({ limit: 100, cursor: undefined, ...(i % 2 ? { grade: 'excellent' } : {}) }, '/x');
    }),
  );
  rows.push(
    `| open data grades, first page of 100 | ${open.n} | ${open.p50.toFixed(1)} | ${open.p95.toFixed(1)} | ${open.max.toFixed(1)} | 100 |`,
  );
  const detail = summarise(await sample(60, (i) => food.business(1 + ((i * 7919) % businesses))));
  rows.push(
    `| one business page | ${detail.n} | ${detail.p50.toFixed(1)} | ${detail.p95.toFixed(1)} | ${detail.max.toFixed(1)} | 1 |`,
  );
  console.log('| query | n | p50 ms | p95 ms | max ms | rows/answer |\n|---|---|---|---|---|---|');
  console.log(rows.join('\n'));
} finally {
  await bench.dispose();
}
