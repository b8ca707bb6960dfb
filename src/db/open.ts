import { join } from 'node:path';
import type { TConfig } from '../server/config.ts';
import { type Db, openPglite, openPostgres } from './client.ts';

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded PGlite under DATA_DIR. */
export function openDatabase(config: Pick<TConfig, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Db> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(join(config.DATA_DIR, 'pglite'));
}
