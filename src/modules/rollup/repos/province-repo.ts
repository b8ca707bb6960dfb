import type { Queryable } from '../../../db/client.ts';
import type { MigrationRow } from '../schema-version.ts';
import type { ColumnShape } from './city-repo.ts';
import { ident, literal } from './identifiers.ts';

/**
 * The subscriber side. Logical replication matches tables by schema and name, so two cities' `public.entities`
 * cannot land in one database: each city gets its own replica database on the province's server (made here),
 * holding the published columns only, and the province database reads them through postgres_fdw as schema
 * `city_<code>`, with views in schema `rollup` that add `city_code`.
 */

export async function databaseExists(db: Queryable, name: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
}

export async function createDatabase(db: Queryable, name: string): Promise<void> {
  await db.query(`CREATE DATABASE ${ident(name)}`);
}

export async function dropDatabase(db: Queryable, name: string): Promise<void> {
  await db.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

/** In the replica database: the published tables with their types and primary keys, nothing else. */
export async function createReplicaTables(db: Queryable, shape: readonly ColumnShape[]): Promise<void> {
  const tables = new Map<string, ColumnShape[]>();
  for (const c of shape) tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  for (const [table, cols] of tables) {
    const defs = cols.map((c) => `${ident(c.column)} ${c.type}${c.notNull ? ' NOT NULL' : ''}`);
    const key = cols.filter((c) => c.primaryKey).map((c) => ident(c.column));
    if (key.length) defs.push(`PRIMARY KEY (${key.join(', ')})`);
    await db.query(`CREATE TABLE IF NOT EXISTS public.${ident(table)} (${defs.join(', ')})`);
  }
}

export async function subscriptionExists(db: Queryable, name: string): Promise<boolean> {
  // pg_subscription is shared by the whole cluster; a name is unique only within its database.
  const rows = await db.query(
    `SELECT 1 FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid
      WHERE s.subname = $1 AND d.datname = current_database()`,
    [name],
  );
  return rows.length > 0;
}

export async function createSubscription(
  db: Queryable,
  s: { name: string; conninfo: string; publication: string; slot: string },
): Promise<void> {
  await db.query(
    `CREATE SUBSCRIPTION ${ident(s.name)} CONNECTION ${literal(s.conninfo)} PUBLICATION ${ident(s.publication)}
       WITH (create_slot = false, slot_name = ${literal(s.slot)}, copy_data = true)`,
  );
}

export async function refreshSubscription(db: Queryable, name: string): Promise<void> {
  await db.query(`ALTER SUBSCRIPTION ${ident(name)} REFRESH PUBLICATION`);
}

/** DROP SUBSCRIPTION also drops the slot on the city when it can reach it. */
export async function dropSubscription(db: Queryable, name: string): Promise<void> {
  if (!(await subscriptionExists(db, name))) return;
  await db.query(`ALTER SUBSCRIPTION ${ident(name)} DISABLE`);
  await db.query(`DROP SUBSCRIPTION ${ident(name)}`);
}

/** Tables of the subscription still copying their initial data (not yet state 'r', ready). */
export async function tablesSyncing(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_subscription_rel WHERE srsubstate <> 'r'`,
  );
  return rows[0]?.n ?? 0;
}

export interface CityRow {
  code: string;
  name: string;
  replicaDatabase: string;
}

const CITIES_DDL = `CREATE TABLE IF NOT EXISTS rollup.cities (
  code text PRIMARY KEY, name text NOT NULL, replica_database text NOT NULL,
  subscribed_at timestamptz NOT NULL DEFAULT now())`;

export async function listCities(db: Queryable): Promise<CityRow[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('rollup.cities')::text AS t`);
  if (!exists[0]?.t) return [];
  return db.query<CityRow>('SELECT code, name, replica_database AS "replicaDatabase" FROM rollup.cities ORDER BY code');
}

export interface ForeignServer {
  host: string;
  port: string;
  dbname: string;
  user: string;
  password?: string | undefined;
}

/** The city's replica database as foreign schema city_<code>, (re)made from scratch; the caller rebuilds the views. */
export async function linkCity(
  tx: Queryable,
  city: { code: string; name: string | null },
  server: ForeignServer,
  tables: readonly string[],
): Promise<void> {
  const srv = ident(`rollup_city_${city.code}`);
  const schema = ident(`city_${city.code}`);
  await tx.query('CREATE EXTENSION IF NOT EXISTS postgres_fdw');
  await tx.query('CREATE SCHEMA IF NOT EXISTS rollup');
  await tx.query(CITIES_DDL);
  await dropViews(tx, tables);
  await tx.query(`DROP SERVER IF EXISTS ${srv} CASCADE`);
  await tx.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await tx.query(
    `CREATE SERVER ${srv} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host ${literal(server.host)},
       port ${literal(server.port)}, dbname ${literal(server.dbname)})`,
  );
  const password = server.password ? `, password ${literal(server.password)}` : '';
  await tx.query(
    `CREATE USER MAPPING FOR CURRENT_USER SERVER ${srv} OPTIONS (user ${literal(server.user)}${password})`,
  );
  await tx.query(`CREATE SCHEMA ${schema}`);
  await tx.query(
    `IMPORT FOREIGN SCHEMA public LIMIT TO (${tables.map(ident).join(', ')}) FROM SERVER ${srv} INTO ${schema}`,
  );
  await tx.query(
    `INSERT INTO rollup.cities (code, name, replica_database) VALUES ($1, coalesce($2::text, '城市 ' || $1::text), $3)
     ON CONFLICT (code) DO UPDATE SET name = coalesce($2::text, rollup.cities.name),
       replica_database = excluded.replica_database, subscribed_at = now()`,
    [city.code, city.name, server.dbname],
  );
}

export async function unlinkCity(tx: Queryable, code: string, tables: readonly string[]): Promise<void> {
  await dropViews(tx, tables);
  await tx.query(`DROP SERVER IF EXISTS ${ident(`rollup_city_${code}`)} CASCADE`);
  await tx.query(`DROP SCHEMA IF EXISTS ${ident(`city_${code}`)} CASCADE`);
  if ((await listCities(tx)).length) await tx.query('DELETE FROM rollup.cities WHERE code = $1', [code]);
}

async function dropViews(tx: Queryable, tables: readonly string[]): Promise<void> {
  for (const t of tables) await tx.query(`DROP VIEW IF EXISTS rollup.${ident(t)}`);
}

/** rollup.<table>: every city's rows, with the city's region code as city_code. */
export async function buildViews(
  tx: Queryable,
  cities: readonly string[],
  tables: ReadonlyArray<{ table: string; columns: readonly string[] }>,
): Promise<void> {
  if (!cities.length) return;
  for (const t of tables) {
    const cols = t.columns.map(ident).join(', ');
    const branches = cities.map(
      (c) => `SELECT ${literal(c)}::text AS city_code, ${cols} FROM ${ident(`city_${c}`)}.${ident(t.table)}`,
    );
    await tx.query(`CREATE OR REPLACE VIEW rollup.${ident(t.table)} AS ${branches.join(' UNION ALL ')}`);
  }
}

/** The city's schema_migrations as the province sees it (replicated, read through the foreign schema). */
export async function cityMigrations(db: Queryable, code: string): Promise<MigrationRow[]> {
  return db.query<MigrationRow>(`SELECT name, checksum FROM ${ident(`city_${code}`)}.schema_migrations`);
}
