import type { ResultRow } from './report.ts';
import type { ScenarioContext } from './scenario.ts';

/**
 * One load step of a kept database (`--reuse`): recorded in `bench_steps` when done, skipped (its earlier time
 * reported) when a rerun finds it there. `fn` returns the rows it wrote, if it counts them.
 */
export async function loadStep(
  ctx: ScenarioContext,
  rows: ResultRow[],
  scenario: string,
  name: string,
  fn: () => Promise<number | undefined>,
): Promise<void> {
  const { db, log } = ctx;
  await db.exec(`CREATE TABLE IF NOT EXISTS bench_steps (name text PRIMARY KEY, seconds double precision NOT NULL,
    row_count bigint, done_at timestamptz NOT NULL DEFAULT now())`);
  const [done] = await db.query<{ seconds: number; n: string | null }>(
    'SELECT seconds, row_count AS n FROM bench_steps WHERE name = $1',
    [name],
  );
  if (done) {
    log(`load ${name}: kept from an earlier run (${done.seconds.toFixed(0)} s then)`);
    rows.push({
      scenario,
      metric: `load ${name} (earlier run)`,
      value: done.seconds,
      unit: 's',
      note: done.n ? `${Number(done.n).toLocaleString()} rows` : undefined,
    });
    return;
  }
  log(`load ${name}`);
  const t0 = performance.now();
  const n = await fn();
  const seconds = (performance.now() - t0) / 1000;
  // Processes loading side by side may finish the same idempotent step (the identity sequence) together.
  await db.query(
    'INSERT INTO bench_steps (name, seconds, row_count) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
    [name, seconds, n ?? null],
  );
  log(`load ${name}: ${seconds.toFixed(0)} s${n === undefined ? '' : `, ${n.toLocaleString()} rows`}`);
  rows.push({
    scenario,
    metric: `load ${name}`,
    value: seconds,
    unit: 's',
    note: n === undefined ? undefined : `${n.toLocaleString()} rows`,
  });
}
