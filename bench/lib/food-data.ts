import { type PlacardGrade, signPlacard } from '../../src/domain/food-placard.ts';
import { createSigningKeys } from '../../src/modules/signing/published.ts';
import type { ResultRow } from './report.ts';
import { loadBenchRegister, type ScenarioContext } from './scenario.ts';
import { loadStep } from './steps.ts';

/**
 * City-scale food data (issue 13 point 13), loaded once into a kept database (`--reuse`): each step is recorded in
 * `bench_steps` and skipped when a rerun finds it done. All set-based SQL over the generated register:
 * food businesses (N of the food-licensed entities, spread over the ids), a licence each with categories by hash, staff certificates for a third,
 * ≈ 10 past inspections per business over 3 years (routine, some full scope, ≈ 1 % by a higher level), a dynamic
 * grade per done routine inspection (the latest current) and an annual grade per business and year.
 */
export interface FoodDataOptions {
  today: string;
  businesses: number;
  /** Past inspections in total over 3 years (≈ 3 M). */
  inspections: number;
}

/** A load step of the food bench (recorded in `bench_steps`, skipped on a rerun with `--reuse`). */
export const foodStep = (
  ctx: ScenarioContext,
  rows: ResultRow[],
  name: string,
  fn: () => Promise<number | undefined>,
): Promise<void> => loadStep(ctx, rows, 'food', name, fn);

const count = async (ctx: ScenarioContext, sql: string, params: unknown[] = []) =>
  Number((await ctx.db.query<{ n: number }>(sql, params))[0]?.n ?? 0);

export async function loadFoodData(ctx: ScenarioContext, o: FoodDataOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const { db } = ctx;
  await foodStep(ctx, rows, 'register', async () => {
    await loadBenchRegister(ctx);
    return ctx.entities;
  });
  await foodStep(ctx, rows, 'food inspectors', () =>
    count(
      ctx,
      `WITH ins AS (
         INSERT INTO users (username, display_name, unit_id, password_hash)
         SELECT o.code || '.fi' || g, o.name || '食品检查员' || g, o.id, (SELECT password_hash FROM users WHERE username = 'admin')
           FROM org_units o CROSS JOIN generate_series(1, 12) g WHERE o.kind = 'station'
         ON CONFLICT DO NOTHING RETURNING id)
       SELECT count(*)::int AS n FROM ins`,
    ),
  );
  await foodStep(ctx, rows, 'food businesses and licences', async () => {
    const n = await count(
      ctx,
      `WITH ins AS (
         INSERT INTO food_businesses (entity_id, station_id, inspector_id)
         SELECT e.id, e.station_id,
                (SELECT u.id FROM users u JOIN org_units s ON s.id = u.unit_id
                  WHERE s.id = e.station_id AND u.username = s.code || '.fi' || (1 + e.id % 12))
           FROM entities e WHERE e.station_id IS NOT NULL
            -- entities licensed for food (as in the demo), spread over the register's ids as they are in life
            AND EXISTS (SELECT 1 FROM entity_licences l
                         WHERE l.entity_id = e.id AND l.kind IN ('foodLicence', 'foodProductionLicence'))
          ORDER BY md5(e.id::text) LIMIT $1
         ON CONFLICT (entity_id) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [o.businesses],
    );
    await db.query(
      `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on)
       SELECT fb.id, CASE WHEN fb.id % 20 = 0 THEN 'production' WHEN fb.id % 7 = 0 THEN 'filing' ELSE 'operation' END,
              CASE WHEN fb.id % 20 = 0 THEN 'SC' ELSE 'JY' END || '1440605' || lpad(fb.id::text, 7, '0'),
              string_to_array((ARRAY['hotFood,coldFood', 'prepackaged,bulk', 'hotFood,drinks', 'prepackaged',
                                     'rawFood,hotFood', 'canteen', 'pastry'])[1 + fb.id % 7], ','),
              $1::date - (fb.id % 1500)::int, $1::date - (fb.id % 1500)::int + 1826, $1::date - (fb.id % 1500)::int + 1784
         FROM food_businesses fb`,
      [o.today],
    );
    await db.query(
      `INSERT INTO food_health_certificates (business_id, staff_name, certificate_no, issued_on, valid_until)
       SELECT fb.id, '员工' || g, 'JKB' || fb.id || '-' || g, $1::date - ((fb.id * 7 + g) % 360)::int,
              $1::date - ((fb.id * 7 + g) % 360)::int + 364
         FROM food_businesses fb CROSS JOIN LATERAL generate_series(1, 1 + (fb.id % 8)::int) g WHERE fb.id % 3 = 0`,
      [o.today],
    );
    await db.exec('ANALYZE food_businesses, food_licences, food_health_certificates');
    return n;
  });
  await foodStep(ctx, rows, 'past food inspections (3 years)', async () => {
    const per = Math.max(1, Math.round((2 * o.inspections) / o.businesses) - 1);
    const n = await count(
      ctx,
      // Business b gets 1 … 2·avg−1 inspections (avg ≈ inspections / businesses), spread evenly over 3 years.
      `WITH ins AS (
         INSERT INTO food_inspections (business_id, kind, full_scope, level, status, inspected_on, result, score, station_id)
         SELECT fb.id, CASE WHEN (fb.id + k) % 97 = 0 THEN 'higher' ELSE 'routine' END,
                k % 4 = 1, CASE WHEN (fb.id + k) % 97 = 0 THEN 'city' ELSE 'district' END, 'done',
                $1::date - 1 - ((k * 1095) / m + fb.id % 37)::int % 1095,
                CASE WHEN (fb.id * 31 + k * 17) % 100 < 5 THEN 'fail' WHEN (fb.id * 31 + k * 17) % 100 < 20 THEN 'basicPass'
                     ELSE 'pass' END,
                60 + (fb.id * 31 + k * 17) % 41, fb.station_id
           FROM food_businesses fb
           CROSS JOIN LATERAL (SELECT 1 + (fb.id * 7919 % $2::int) AS m) c
           CROSS JOIN LATERAL generate_series(1, c.m) AS k
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [o.today, per],
    );
    await db.exec('ANALYZE food_inspections');
    return n;
  });
  await foodStep(ctx, rows, 'food grades (dynamic per inspection, annual per year)', async () => {
    const dynamic = await count(
      ctx,
      `WITH ins AS (
         INSERT INTO food_grades (business_id, kind, grade, score, inspection_id, graded_on, status)
         SELECT fi.business_id, 'dynamic',
                CASE WHEN fi.score >= 90 THEN 'excellent' WHEN fi.score >= 75 THEN 'good' WHEN fi.score >= 60 THEN 'fair'
                     ELSE 'none' END,
                fi.score, fi.id, fi.inspected_on,
                CASE WHEN row_number() OVER (PARTITION BY fi.business_id ORDER BY fi.inspected_on DESC, fi.id DESC) = 1
                     THEN 'current' ELSE 'superseded' END
           FROM food_inspections fi WHERE fi.kind = 'routine' AND fi.status = 'done'
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    const annual = await count(
      ctx,
      `WITH ins AS (
         INSERT INTO food_grades (business_id, kind, grade, year, graded_on, status)
         SELECT fb.id, 'annual', (ARRAY['A', 'B', 'B', 'C'])[1 + (fb.id + y) % 4], y, make_date(y + 1, 1, 15),
                CASE WHEN y = extract(year FROM $1::date)::int - 1 THEN 'current' ELSE 'superseded' END
           FROM food_businesses fb
           CROSS JOIN generate_series(extract(year FROM $1::date)::int - 3, extract(year FROM $1::date)::int - 1) y
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [o.today],
    );
    await db.exec('ANALYZE food_grades');
    return dynamic + annual;
  });
  await foodStep(ctx, rows, 'placards (current grade each, the one before for a third)', () => loadPlacards(ctx));
  return rows;
}

/**
 * A placard per business for its current dynamic grade and, for every third business, one for the grade before
 * (superseded since): inserted set-based, signed here (Ed25519 per row) and written back by COPY.
 */
async function loadPlacards(ctx: ScenarioContext): Promise<number> {
  const { db } = ctx;
  const signer = await createSigningKeys(db, { pii: ctx.pii }).signer();
  await db.query(
    `INSERT INTO food_placards (business_id, grade_id, uscc, grade, issued_on, kid, signature)
     SELECT g.business_id, g.id, e.uscc, g.grade, g.graded_on + 1, $1, ''
       FROM (SELECT id, business_id, grade, graded_on,
                    row_number() OVER (PARTITION BY business_id ORDER BY graded_on DESC, id DESC) AS rn
               FROM food_grades WHERE kind = 'dynamic') g
       JOIN food_businesses fb ON fb.id = g.business_id JOIN entities e ON e.id = fb.entity_id
      WHERE g.grade IN ('excellent', 'good', 'fair') AND (g.rn = 1 OR (g.rn = 2 AND g.business_id % 3 = 0))`,
    [signer.kid],
  );
  const placards = await db.query<{ id: number; uscc: string; grade: PlacardGrade; issuedOn: string }>(
    `SELECT id::int AS id, uscc, grade, issued_on::text AS "issuedOn" FROM food_placards WHERE signature = ''`,
  );
  const lines = placards.map(
    (p) => `${p.id}\t${signPlacard({ kid: signer.kid, placardId: p.id, ...p }, signer.privateKey)}\n`,
  );
  await db.transaction(async (tx) => {
    await tx.query('CREATE TEMP TABLE placard_sigs (id bigint, signature text) ON COMMIT DROP');
    await tx.copyFrom('COPY placard_sigs (id, signature) FROM STDIN', lines);
    await tx.query('UPDATE food_placards p SET signature = s.signature FROM placard_sigs s WHERE s.id = p.id');
  });
  await db.exec('VACUUM ANALYZE food_placards');
  return placards.length;
}
