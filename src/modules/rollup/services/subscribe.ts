import { type Db, openPostgres } from '../../../db/client.ts';
import { listMigrations } from '../../../db/migrate.ts';
import { RollupError } from '../errors.ts';
import { CITY_CODE, PUBLICATION_NAME, PUBLISHED } from '../published.ts';
import { ensureSlot, publicationExists, publishedColumns, publishedShape, readMigrations } from '../repos/city-repo.ts';
import {
  buildViews,
  createDatabase,
  createReplicaTables,
  createSubscription,
  databaseExists,
  dropDatabase,
  dropSubscription,
  type ForeignServer,
  linkCity,
  listCities,
  refreshSubscription,
  subscriptionExists,
  tablesSyncing,
  unlinkCity,
} from '../repos/province-repo.ts';
import { compareSchema, describeMismatch, type MigrationRow } from '../schema-version.ts';

export interface SubscribeInput {
  /** The province database (its DATABASE_URL): replica databases are made on the same server. */
  provinceUrl: string;
  city: { code: string; name?: string | undefined; url: string };
  /** Wait for the initial copy (ms); 0 returns at once. */
  waitMs?: number;
  expected?: readonly MigrationRow[];
}

export interface SubscribeResult {
  code: string;
  replicaDatabase: string;
  subscription: string;
  created: boolean;
  syncSeconds: number | null;
}

const TABLES = PUBLISHED.map((t) => t.table);

/** Names on the province side, all derived from the province database and the city code. */
export function rollupNames(provinceUrl: string, code: string) {
  const provinceDb = decodeURIComponent(new URL(provinceUrl).pathname.slice(1)) || 'postgres';
  const replicaDatabase = `${provinceDb}_city_${code}`.slice(0, 63);
  const slot = `shijian_rollup_${code}_${provinceDb.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
  return { provinceDb, replicaDatabase, subscription: `shijian_rollup_${code}`, slot };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function foreignServer(url: string, database: string): ForeignServer {
  const u = new URL(url);
  return {
    host: u.searchParams.get('host') ?? (u.hostname || 'localhost'),
    port: u.port || '5432',
    dbname: database,
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
  };
}

/** The URL without its password, for messages. */
export const safeUrl = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(无法解析的地址)';
  }
};

async function connect(url: string, what: string): Promise<Db> {
  try {
    return await openPostgres(url, { max: 2 });
  } catch (err) {
    throw new RollupError(`无法连接${what}（${safeUrl(url)}）：${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Checks the city (reachable, same schema version, published), then returns the published columns' shape. */
async function checkCity(city: Db, code: string, expected: readonly MigrationRow[]) {
  const diff = compareSchema(expected, await readMigrations(city));
  if (!diff.same) throw new RollupError(describeMismatch(`城市 ${code} `, '省级', diff));
  if (!(await publicationExists(city, PUBLICATION_NAME))) {
    throw new RollupError(`城市 ${code} 尚未发布汇总数据：请在该城市执行 npx shijian rollup publish`);
  }
  const published = await publishedColumns(city, PUBLICATION_NAME);
  const same = (a: readonly string[] = [], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
  const stale = PUBLISHED.filter((t) => !same(published.get(t.table), t.columns));
  if (stale.length) {
    throw new RollupError(
      `城市 ${code} 的发布内容与本程序不符（${stale.map((t) => t.table).join('、')}）：请在该城市重新执行 npx shijian rollup publish`,
    );
  }
  return publishedShape(city, PUBLICATION_NAME);
}

/** `shijian rollup subscribe --city CODE --url …` on the province. Running it again refreshes the link. */
export async function subscribeCity(input: SubscribeInput): Promise<SubscribeResult> {
  const { code, url } = input.city;
  if (!CITY_CODE.test(code)) throw new RollupError('--city 应为城市的行政区划代码（2–12 位数字），例如 3301');
  const names = rollupNames(input.provinceUrl, code);
  const province = await connect(input.provinceUrl, '省级数据库');
  const city = await connect(url, `城市 ${code} 的数据库`);
  let replica: Db | undefined;
  try {
    const shape = await checkCity(city, code, input.expected ?? listMigrations());
    if (!(await databaseExists(province, names.replicaDatabase))) await createDatabase(province, names.replicaDatabase);
    replica = await connect(withDatabase(input.provinceUrl, names.replicaDatabase), '城市副本数据库');
    await createReplicaTables(replica, shape);
    const created = !(await subscriptionExists(replica, names.subscription));
    if (created) {
      await ensureSlot(city, names.slot);
      await createSubscription(replica, {
        name: names.subscription,
        conninfo: url,
        publication: PUBLICATION_NAME,
        slot: names.slot,
      });
    } else {
      await refreshSubscription(replica, names.subscription);
    }
    // A refresh without --name keeps the name given before.
    const name = input.city.name ?? null;
    const server = foreignServer(input.provinceUrl, names.replicaDatabase);
    await province.transaction(async (tx) => {
      await linkCity(tx, { code, name }, server, TABLES);
      await buildViews(
        tx,
        (await listCities(tx)).map((c) => c.code),
        PUBLISHED,
      );
    });
    const syncSeconds = input.waitMs ? await waitForSync(replica, input.waitMs) : null;
    return { code, replicaDatabase: names.replicaDatabase, subscription: names.subscription, created, syncSeconds };
  } finally {
    await replica?.close();
    await city.close();
    await province.close();
  }
}

async function waitForSync(replica: Db, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while ((await tablesSyncing(replica)) > 0) {
    if (Date.now() - started > timeoutMs) {
      throw new RollupError(`初始复制 ${Math.round(timeoutMs / 1000)} 秒内未完成：订阅已建立，复制在后台继续`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return (Date.now() - started) / 1000;
}

/** `shijian rollup unsubscribe --city CODE`: the subscription (and its slot on the city), the replica, the link. */
export async function unsubscribeCity(provinceUrl: string, code: string): Promise<void> {
  if (!CITY_CODE.test(code)) throw new RollupError('--city 应为城市的行政区划代码（2–12 位数字），例如 3301');
  const names = rollupNames(provinceUrl, code);
  const province = await connect(provinceUrl, '省级数据库');
  try {
    if (await databaseExists(province, names.replicaDatabase)) {
      const replica = await connect(withDatabase(provinceUrl, names.replicaDatabase), '城市副本数据库');
      try {
        await dropSubscription(replica, names.subscription);
      } finally {
        await replica.close();
      }
    }
    await province.transaction(async (tx) => {
      await unlinkCity(tx, code, TABLES);
      await buildViews(
        tx,
        (await listCities(tx)).map((c) => c.code),
        PUBLISHED,
      );
    });
    await dropDatabase(province, names.replicaDatabase);
  } finally {
    await province.close();
  }
}
