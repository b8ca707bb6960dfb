import type { Db } from '../../db/client.ts';
import { ping } from './repo.ts';

export function createHealthService(db: Db) {
  return {
    /** Answers only when the database does; names which kind of database serves. */
    async check(): Promise<{ status: 'ok'; database: Db['kind'] }> {
      await ping(db);
      return { status: 'ok', database: db.kind };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
