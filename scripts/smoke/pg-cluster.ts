import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster of the machine's own version on a port of its own, so the smoke run can restart
 * "the database server" without touching the cluster other work uses. As root the cluster runs as `postgres`.
 */
export interface PgCluster {
  readonly url: string;
  /** Asynchronous, so a load generated in this process goes on while the server restarts. */
  restart(): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  destroy(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin/initdb'))) return join(root, v, 'bin');
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql');
}

export function createPgCluster(port: number): PgCluster {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'sj-smoke-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  const ctlArgs = (args: string[]) => ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', ...args];
  const ctl = (...args: string[]) => run('pg_ctl', ctlArgs(args));
  const runAsync = promisify(execFile);
  ctl('start');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    async restart() {
      const args = ctlArgs(['-m', 'fast', 'restart']);
      if (asRoot) await runAsync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]);
      else await runAsync(join(bin, 'pg_ctl'), args);
    },
    async query<T>(sql: string, params?: unknown[]) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    destroy() {
      try {
        ctl('-m', 'immediate', 'stop');
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
