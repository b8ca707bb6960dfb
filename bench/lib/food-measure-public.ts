import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type PlacardGrade, placardUrl, signPlacard } from '../../src/domain/food-placard.ts';
import { createPlacardService } from '../../src/modules/food-placards/services/placards.ts';
import { createFoodPublicService } from '../../src/modules/food-public/services/public.ts';
import { createSigningKeys } from '../../src/modules/signing/published.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { FoodMeasurement } from './food-measure.ts';
import type { ResultRow } from './report.ts';
import { sample, summarise } from './timing.ts';

const RUNS = Number(process.env.BENCH_FOOD_RUNS ?? 1000);
const ms = (metric: string, value: number, target?: string): ResultRow => ({
  scenario: 'food',
  metric,
  value,
  unit: 'ms',
  target,
  note: `load avg ${loadavg()[0]!.toFixed(1)}`,
});

/**
 * Placard verification (point 5): scanned URLs of random placards (a quarter superseded), one at a time, through
 * the service (signature check + one indexed query) and through HTTP on the real app; SELECT 1 as the floor.
 */
export const placardVerify: FoodMeasurement = {
  name: 'placard verify',
  async run(ctx) {
    const { db } = ctx;
    const signer = await createSigningKeys(db, { pii: ctx.pii }).signer();
    const picked = await db.query<{ id: number; uscc: string; grade: PlacardGrade; issuedOn: string }>(
      `SELECT id::int AS id, uscc, grade, issued_on::text AS "issuedOn" FROM food_placards
        ORDER BY md5(id::text) LIMIT $1`,
      [RUNS],
    );
    const queries = picked.map((p) => {
      const fields = { kid: signer.kid, placardId: p.id, uscc: p.uscc, grade: p.grade, issuedOn: p.issuedOn };
      return new URL(placardUrl('http://x', fields, signPlacard(fields, signer.privateKey))).searchParams;
    });
    const service = createPlacardService(db, { keys: createSigningKeys(db, { pii: ctx.pii }), font: () => undefined });
    const answers: Record<string, number> = {};
    const svc = summarise(
      await sample(queries.length, async (i) => {
        const v = await service.verify(Object.fromEntries(queries[i]!));
        answers[v.status] = (answers[v.status] ?? 0) + 1;
      }),
    );
    if (answers.forged) throw new Error(`placard verify: ${answers.forged} genuine placards answered forged`);
    const floor = summarise(await sample(queries.length, () => db.query('SELECT 1')));
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WORKERS: 'false',
      SECRET_KEY: ctx.secret,
      AUDIT_KEY: `${ctx.secret}-audit`,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      DATA_DIR: join(process.cwd(), '.tmp', 'food-bench'),
    });
    const app = await buildApp({ config, db, logger: false });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.server.address() as { port: number }).port;
    let http: ReturnType<typeof summarise>;
    try {
      http = summarise(
        await sample(queries.length, async (i) => {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/placards/verify?${queries[i]}`);
          if (res.status !== 200) throw new Error(`placard verify: HTTP ${res.status}`);
          await res.arrayBuffer();
        }),
      );
    } finally {
      await app.server.close();
    }
    return {
      rows: [
        ms('floor: SELECT 1 p95', floor.p95),
        ms(`placard verify p95, service (${svc.n} scans)`, svc.p95, '≤ 20'),
        ms('placard verify p95, HTTP one at a time', http.p95, '≤ 20'),
      ],
      detail: { answers, service: svc, http, floor },
    };
  },
};

/**
 * The portal's food search (point 11): first page of 20 for name fragments taken from the loaded names (a rare
 * 4-character piece of one name, a 2-character trade word shared by many, a very common one) and licence number
 * prefixes; the open-data grade pages and one business's page.
 */
export const publicSearch: FoodMeasurement = {
  name: 'public search',
  async run(ctx) {
    const { db } = ctx;
    const food = createFoodPublicService(db);
    const names = await db.query<{ name: string; licenceNo: string }>(
      `SELECT e.name, l.licence_no AS "licenceNo" FROM food_businesses fb JOIN entities e ON e.id = fb.entity_id
         JOIN food_licences l ON l.business_id = fb.id ORDER BY md5(fb.id::text) LIMIT 50`,
    );
    const piece = (s: string, len: number, at: number) =>
      s.slice(at % Math.max(1, s.length - len), (at % Math.max(1, s.length - len)) + len);
    const terms: Record<string, string[]> = {
      'rare (4 characters of one name)': names.map((n, i) => piece(n.name, 4, i)),
      'common (trade word)': ['酒家', '快餐', '茶行', '烟酒', '超市'],
      'very common': ['餐饮', '食品', '商行', '有限'],
      'licence number prefix': names.map((n) => n.licenceNo.slice(0, 8 + (n.licenceNo.length % 6))),
    };
    const rows: ResultRow[] = [];
    const detail: Record<string, unknown> = {};
    for (const [label, qs] of Object.entries(terms)) {
      let found = 0;
      const s = summarise(
        await sample(200, async (i) => {
          found += (await food.search({ q: qs[i % qs.length]!, limit: 20 })).items.length;
        }),
      );
      detail[label] = { ...s, rowsPerAnswer: found / (s.n + 3) };
      rows.push(ms(`public grade search p95, ${label}`, s.p95, '≤ 50'));
    }
    const open = summarise(
      await sample(100, (i) =>
        food.openGrades({ limit: 100, ...(i % 2 ? { grade: 'excellent' as const } : {}) }, '/api/open/v1/food/grades'),
      ),
    );
    rows.push(ms('open data grades, first page of 100, p95', open.p95));
    const ids = await db.query<{ id: number }>(
      'SELECT id::int AS id FROM food_businesses ORDER BY md5(id::text) LIMIT 203',
    );
    const page = summarise(await sample(200, (i) => food.business(ids[i]!.id)));
    rows.push(ms('one business public page p95', page.p95));
    return { rows, detail: { ...detail, open, page } };
  },
};
