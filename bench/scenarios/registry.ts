import { settleRegister } from '../../src/demo/demo-entities-load.ts';
import { benchActors } from '../lib/actors.ts';
import { entityApi } from '../lib/entity-api.ts';
import type { ResultRow } from '../lib/report.ts';
import type { ScenarioContext, ScenarioResult } from '../lib/scenario.ts';
import { browseScenario } from './browse.ts';
import { importScenario } from './import.ts';
import { rowCostScenario } from './row-cost.ts';
import { searchScenario, searchSnapshot } from './search.ts';

async function sizes(ctx: ScenarioContext) {
  const [row] = await ctx.db.query<{ database: number; entities: number; indexes: number }>(
    `SELECT pg_database_size(current_database())::float8 AS database,
            pg_table_size('entities')::float8 AS entities, pg_indexes_size('entities')::float8 AS indexes`,
  );
  return row;
}

/** The registry issue's figures: import rate against raw COPY, search, pages and detail. */
export async function registryScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { db, log } = ctx;
  log('row cost (JS only)');
  const rows: ResultRow[] = rowCostScenario(ctx);
  rows.push(...(await importScenario(db, ctx)));
  const api = await entityApi(db, ctx.pii);
  log(`entity API: ${api.source}`);
  const actors = await benchActors(db);
  log('search right after the load (ANALYZE only)');
  const fresh = await searchSnapshot(api, actors.admin);
  log('VACUUM (ANALYZE)');
  const vacuumSeconds = await settleRegister(db);
  rows.push(
    {
      scenario: 'import',
      metric: 'VACUUM (ANALYZE) after load',
      value: vacuumSeconds,
      unit: 's',
      note: 'merges GIN pending list, sets visibility map',
    },
    { scenario: 'search', metric: 'name search p95 before VACUUM (worst fragment)', value: fresh, unit: 'ms' },
  );
  const size = await sizes(ctx);
  const search = await searchScenario(db, api, actors, log);
  const browse = await browseScenario(db, api, actors, log);
  rows.push(...search.rows, ...browse.rows);
  return {
    rows,
    detail: {
      entityApi: api.source,
      sizesBytes: size,
      search: search.detail,
      searchPlans: search.plans,
      pages: browse.detail,
    },
  };
}
