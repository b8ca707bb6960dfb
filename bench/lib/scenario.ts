import type { Db } from '../../src/db/client.ts';
import type { DemoStation } from '../../src/demo/demo-entities.ts';
import { loadDemoEntities } from '../../src/demo/demo-entities-load.ts';
import type { PiiCipher } from '../../src/platform/pii.ts';
import type { BenchDbKind } from './bench-db.ts';
import type { ResultRow } from './report.ts';

/** What every scenario gets: a migrated database with the demo org (no entities yet) and the run's options. */
export interface ScenarioContext {
  db: Db;
  kind: BenchDbKind;
  entities: number;
  seed: number;
  pii: PiiCipher;
  secret: string;
  stations: DemoStation[];
  skipRaw: boolean;
  /** False when --reuse opened a database kept from an earlier run (its data already loaded). */
  fresh: boolean;
  log: (msg: string) => void;
}

export interface ScenarioResult {
  rows: ResultRow[];
  /** Anything worth keeping in the JSON file beside the table. */
  detail?: Record<string, unknown>;
}

export type Scenario = (ctx: ScenarioContext) => Promise<ScenarioResult>;

/** Loads the generated register at the run's size (COPY, then VACUUM ANALYZE), for scenarios that only read it. */
export async function loadBenchRegister(ctx: ScenarioContext): Promise<number> {
  ctx.log(`loading ${ctx.entities.toLocaleString()} entities`);
  const result = await loadDemoEntities(ctx.db, {
    entities: ctx.entities,
    seed: ctx.seed,
    stations: ctx.stations,
    pii: ctx.pii,
    progress: (done, total) => {
      if (done % 250_000 === 0) ctx.log(`  ${done.toLocaleString()} / ${total.toLocaleString()}`);
    },
  });
  ctx.log(`loaded in ${result.seconds.toFixed(0)} s`);
  return result.seconds;
}
