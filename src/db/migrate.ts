import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{14}_[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations. Each file runs as one simple-query batch, which PostgreSQL (and PGlite)
 * execute as a single implicit transaction, together with its bookkeeping row. Two processes racing
 * collide on the primary key; the loser's batch rolls back and it re-reads what is applied.
 */
export async function migrate(db: Db, log: (msg: string) => void = () => {}): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Map(
    (await db.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).map((r) => [
      r.name,
      r.checksum,
    ]),
  );
  const done: string[] = [];
  for (const m of listMigrations()) {
    const known = applied.get(m.name);
    if (known !== undefined) {
      if (known !== m.checksum) throw new Error(`Migration ${m.name} was edited after it was applied; add a new one`);
      continue;
    }
    log(`执行迁移 ${m.name}`);
    const record = `INSERT INTO schema_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}');`;
    try {
      await db.exec(`${m.sql}\n;${record}`);
    } catch (err) {
      const raced = await db.query('SELECT 1 FROM schema_migrations WHERE name = $1', [m.name]);
      if (raced.length === 0) throw err;
    }
    done.push(m.name);
  }
  return done;
}
