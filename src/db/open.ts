import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, openPglite, openPostgres } from './client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { isFreshDataDir, readPgliteTemplate } from './pglite-template.ts';

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded PGlite under DATA_DIR, one process at a time. */
/** The configuration's database settings (server/config.ts names them; the database layer does not import it). */
export interface DatabaseOptions {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  SHUTDOWN_TIMEOUT_MS: number;
}

export async function openDatabase(config: DatabaseOptions): Promise<Db> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  mkdirSync(config.DATA_DIR, { recursive: true });
  // A previous process may still be closing: wait as long as it may take to stop.
  const release = await lockDataDir(config.DATA_DIR, config.SHUTDOWN_TIMEOUT_MS + 5_000);
  try {
    const dir = join(config.DATA_DIR, 'pglite');
    // First start: the schema made at build time (pglite-template.ts) instead of initdb and every migration.
    const template = isFreshDataDir(dir) ? readPgliteTemplate() : undefined;
    const db = await openPglite(dir, template ? { loadDataDir: template } : {});
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
