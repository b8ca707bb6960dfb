import type { Queryable } from '../../../db/client.ts';
import type { MigrationRow } from '../schema-version.ts';
import { ident, literal } from './identifiers.ts';

/** The publisher side (a city's database): its migrations, its catalog, its publication and replication slots. */

export async function readMigrations(db: Queryable): Promise<MigrationRow[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS t`);
  if (!exists[0]?.t) return [];
  return db.query<MigrationRow>('SELECT name, checksum FROM schema_migrations ORDER BY name');
}

export async function walLevel(db: Queryable): Promise<string> {
  return (await db.query<{ wal_level: string }>('SHOW wal_level'))[0]?.wal_level ?? '';
}

/** Every column of the given tables in schema public, in table order. */
export async function tableColumns(db: Queryable, tables: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY($1::text[]) ORDER BY table_name, ordinal_position`,
    [tables],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  return out;
}

export async function publicationExists(db: Queryable, name: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [name])).length > 0;
}

/** CREATE, or SET (which replaces the table and column lists) when it exists: running publish again refreshes it. */
export async function writePublication(
  db: Queryable,
  name: string,
  tables: ReadonlyArray<{ table: string; columns: readonly string[] }>,
): Promise<void> {
  const list = tables.map((t) => `public.${ident(t.table)} (${t.columns.map(ident).join(', ')})`).join(', ');
  const verb = (await publicationExists(db, name))
    ? `ALTER PUBLICATION ${ident(name)} SET TABLE`
    : 'CREATE PUBLICATION';
  const sql = verb === 'CREATE PUBLICATION' ? `CREATE PUBLICATION ${ident(name)} FOR TABLE ${list}` : `${verb} ${list}`;
  await db.query(sql);
}

/** What the publication sends, from PostgreSQL's own view of it (column lists included). */
export async function publishedColumns(db: Queryable, name: string): Promise<Map<string, string[]>> {
  const rows = await db.query<{ tablename: string; attnames: string[] }>(
    `SELECT tablename, attnames::text[] AS attnames FROM pg_publication_tables
      WHERE pubname = $1 AND schemaname = 'public' ORDER BY tablename`,
    [name],
  );
  return new Map(rows.map((r) => [r.tablename, r.attnames]));
}

export interface ColumnShape {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}

/** Types and keys of the published columns, so the province can create the same tables to receive them. */
export async function publishedShape(db: Queryable, name: string): Promise<ColumnShape[]> {
  return db.query<ColumnShape>(
    `SELECT pt.tablename AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS "notNull",
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey))
              AS "primaryKey"
       FROM pg_publication_tables pt
       JOIN pg_namespace n ON n.nspname = pt.schemaname
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = pt.tablename
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = ANY (pt.attnames) AND NOT a.attisdropped
      WHERE pt.pubname = $1
      ORDER BY pt.tablename, a.attnum`,
    [name],
  );
}

/**
 * The slot is made here, before CREATE SUBSCRIPTION, and the subscription told not to make it: made by CREATE
 * SUBSCRIPTION it would hang when city and province share a cluster (PostgreSQL documents this).
 */
export async function ensureSlot(db: Queryable, slot: string): Promise<boolean> {
  if ((await db.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [slot])).length) return false;
  await db.query(`SELECT pg_create_logical_replication_slot(${literal(slot)}, 'pgoutput')`);
  return true;
}

export async function dropSlot(db: Queryable, slot: string): Promise<void> {
  await db.query(
    'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active',
    [slot],
  );
}
