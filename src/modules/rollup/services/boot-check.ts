import type { Queryable } from '../../../db/client.ts';
import { listMigrations } from '../../../db/migrate.ts';
import { cityMigrations, listCities } from '../repos/province-repo.ts';
import { compareSchema, describeMismatch, type MigrationRow } from '../schema-version.ts';

export interface CityCheck {
  code: string;
  name: string;
  /** null when the city's replica answers and its schema version is the province's. */
  problem: string | null;
  /** false when its replica database did not answer. */
  readable: boolean;
}

/**
 * On the province: each subscribed city's schema version, read from its replicated schema_migrations (so a city
 * that migrated after subscribing shows up), against this program's migrations. Never throws: a city that does
 * not answer is a problem line, and the app serves on.
 */
export async function checkRollup(
  db: Queryable,
  expected: readonly MigrationRow[] = listMigrations(),
): Promise<CityCheck[]> {
  let cities: Awaited<ReturnType<typeof listCities>>;
  try {
    cities = await listCities(db);
  } catch (err) {
    return [{ code: '-', name: 'rollup.cities', problem: `无法读取省级汇总配置：${message(err)}`, readable: false }];
  }
  const out: CityCheck[] = [];
  for (const c of cities) {
    try {
      const diff = compareSchema(expected, await cityMigrations(db, c.code));
      const problem = diff.same ? null : describeMismatch(`省级汇总：城市 ${c.code}（${c.name}）`, '省级', diff);
      out.push({ code: c.code, name: c.name, problem, readable: true });
    } catch (err) {
      out.push({
        code: c.code,
        name: c.name,
        readable: false,
        problem: `省级汇总：读取城市 ${c.code}（${c.name}）的副本库 ${c.replicaDatabase} 失败：${message(err)}`,
      });
    }
  }
  return out;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** At boot: one line per city with a problem; nothing when all is well or the database subscribes to none. */
export async function logRollupAtBoot(db: Queryable & { kind: string }, log: (line: string) => void): Promise<void> {
  if (db.kind !== 'postgresql') return;
  const report = await checkRollup(db);
  for (const c of report) if (c.problem) log(`${c.problem}（省级汇总中该城市的数据可能不完整；其余功能照常）`);
  if (report.length && report.every((c) => !c.problem)) log(`省级汇总：${report.length} 个城市，数据库版本一致`);
}
