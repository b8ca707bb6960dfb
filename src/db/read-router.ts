import { openPostgres } from './client.ts';
import { sqlState } from './errors.ts';
import { currentCaller } from './read-context.ts';
import type { Db } from './types.ts';

/**
 * Read replicas (docs/SCALING.md). `reader` is a Db whose plain read queries made during an HTTP request go to a
 * streaming replica; everything else goes to the primary:
 * - transactions, exec, COPY and any statement that is not a plain read;
 * - reads with no caller (jobs, CLI): they may follow their own write;
 * - a caller's reads while their write request runs, and after it until a replica has replayed the primary's WAL
 *   position taken when the request ended (read-your-writes by LSN);
 * - reads when every replica is down, not a standby, or more than `maxLagMs` behind.
 * A read that fails on a replica for any reason but its own SQL is answered by the primary.
 */
export interface ReadRouter {
  readonly reader: Db;
  /** The caller's write request has begun: their reads go to the primary until `endWrite`. */
  beginWrite(key: string): void;
  /**
   * The caller's write request has ended: their reads wait for a replica at the primary's current WAL position,
   * which is returned ('16/B374D848') for the client to carry to other nodes; null when it could not be read.
   */
  endWrite(key: string): Promise<string | null>;
  /** How long a caller's write keeps steering their reads at most (then the mark is forgotten). */
  readonly markTtlMs: number;
  /** Polls the primary and the replicas now (tests; the router polls every `pollMs` by itself). */
  refresh(): Promise<void>;
  status(): ReplicaStatus[];
  /** How many reader queries each side has answered since the start (tests, docs/SCALING.md). */
  served(): { replica: number; primary: number };
  close(): Promise<void>;
}

export interface ReplicaStatus {
  /** host:port/database — never the password. */
  name: string;
  usable: boolean;
  /** How long the replica's replay trails the primary (measured against the primary's sampled WAL positions). */
  lagMs: number | null;
  replayLsn: string | null;
  /** Why it is skipped, in Chinese for the log. */
  reason: string | null;
}

export interface ReadRouterOptions {
  urls: string[];
  maxLagMs: number;
  pollMs: number;
  log: { info(msg: string): void; warn(msg: string): void };
  /** Connections per replica. */
  max?: number;
}

interface Replica {
  name: string;
  url: string;
  db: Db | null;
  standby: boolean;
  replayLsn: bigint | null;
  lagMs: number | null;
  reason: string | null;
  /** What the reason is about: a change of kind is logged, a new lag figure is not. */
  reasonKind: string | null;
}

/** A caller with a write in flight: nothing but the primary will do. */
const PENDING = -1n;
/** Primary WAL positions remembered for measuring lag. */
const SAMPLES = 600;
/** The first poll may wait this long for a replica that does not answer; boot then goes on. */
const FIRST_POLL_WAIT_MS = 3_000;

const LSN_TEXT = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** A WAL position as a client sent it back, or undefined when it is not one. */
export const lsnFromClient = (text: string | undefined): bigint | undefined =>
  text && LSN_TEXT.test(text) ? parseLsn(text) : undefined;

/** '16/B374D848' → a number that compares like the position. */
export function parseLsn(text: string): bigint {
  const [hi = '0', lo = '0'] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

const READ_START = /^\s*(select|with|values|table|show|explain)\b/i;
const WRITE_WORDS =
  /\b(insert\s+into|update\s+[\w."]+\s+set|delete\s+from|merge\s+into|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share|nextval|setval|pg_advisory\w*lock)\b/i;

/** A statement a standby can run: reads only; anything doubtful goes to the primary. */
export const isPlainRead = (sql: string) => READ_START.test(sql) && !WRITE_WORDS.test(sql);

/** Errors that would be the same on the primary: the statement's own (syntax, undefined object, bad data). */
const statementsOwn = (err: unknown) => /^(22|42)/.test(sqlState(err) ?? '');

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(无法解析的地址)';
  }
}

/** The driver's own words (ECONNREFUSED, password failed…), not the 503 wrapper's. */
function message(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? cause.message || cause.name : String(cause);
}

/** Lag of a replica at `replay`: time since the oldest sampled primary position it has not replayed. */
function lagOf(samples: { at: number; lsn: bigint }[], replay: bigint, now: number): number {
  const behind = samples.find((s) => s.lsn > replay);
  return behind ? now - behind.at : 0;
}

export async function openReadRouter(primary: Db, opts: ReadRouterOptions): Promise<ReadRouter> {
  const replicas: Replica[] = opts.urls.map((url) => ({
    name: describeUrl(url),
    url,
    db: null,
    standby: false,
    replayLsn: null,
    lagMs: null,
    reason: '尚未连接',
    reasonKind: 'new',
  }));
  const samples: { at: number; lsn: bigint }[] = [];
  const callers = new Map<string, { lsn: bigint; at: number }>();
  const forgetAfterMs = Math.max(60_000, 2 * opts.maxLagMs);
  let turn = 0;
  const served = { replica: 0, primary: 0 };
  let closed = false;

  const usable = (r: Replica) => r.db !== null && r.reason === null;

  function setReason(r: Replica, kind: 'lag' | 'down' | 'failed' | 'primary' | null, reason: string | null = null) {
    if (kind !== r.reasonKind) {
      if (reason) opts.log.warn(`只读副本 ${r.name} 暂不使用：${reason}；读请求由主库处理`);
      else opts.log.info(`只读副本 ${r.name} 可用，延迟 ${r.lagMs ?? 0} ms`);
    }
    r.reasonKind = kind;
    r.reason = reason;
  }

  async function pollReplica(r: Replica, now: number) {
    try {
      if (!r.db) {
        r.db = await openPostgres(r.url, {
          max: opts.max ?? 10,
          log: (msg, err) => opts.log.warn(`只读副本 ${r.name}：${msg}：${message(err)}`),
        });
      }
      const [row] = await r.db.query<{ standby: boolean; lsn: string | null }>(
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn',
      );
      r.standby = row?.standby === true;
      if (!r.standby || !row?.lsn)
        return setReason(r, 'primary', '该地址不是流复制备库（pg_is_in_recovery() 为假），请检查 DATABASE_READ_URL');
      r.replayLsn = parseLsn(row.lsn);
      r.lagMs = lagOf(samples, r.replayLsn, now);
      if (r.lagMs > opts.maxLagMs)
        setReason(r, 'lag', `复制延迟 ${r.lagMs} ms，超过 REPLICA_MAX_LAG_MS=${opts.maxLagMs}`);
      else setReason(r, null);
    } catch (err) {
      setReason(r, 'down', `无法连接（${message(err)}）`);
    }
  }

  async function refresh() {
    const now = Date.now();
    try {
      const [row] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      samples.push({ at: now, lsn: parseLsn(row?.lsn ?? '0/0') });
      if (samples.length > SAMPLES) samples.shift();
    } catch {
      return; // the primary is away: its own errors answer the requests; lag cannot be measured now
    }
    await Promise.all(replicas.map((r) => pollReplica(r, now)));
    // Every replica, usable or not: one that comes back within the lag limit may still miss a recent write.
    const floor = replicas.reduce<bigint | null>((m, r) => {
      const lsn = r.replayLsn ?? 0n;
      return m === null || lsn < m ? lsn : m;
    }, null);
    for (const [key, mark] of callers) {
      const caughtUp = floor !== null && mark.lsn !== PENDING && mark.lsn <= floor;
      if (caughtUp || now - mark.at > forgetAfterMs) callers.delete(key);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    running = refresh().then(() => {
      if (!closed) timer = setTimeout(loop, opts.pollMs).unref();
    });
  };
  loop();
  await Promise.race([running, new Promise((resolve) => setTimeout(resolve, FIRST_POLL_WAIT_MS).unref())]);

  function pick(): Replica | undefined {
    const caller = currentCaller();
    if (!caller) return undefined;
    const mark = callers.get(caller.key);
    if (mark?.lsn === PENDING) return undefined;
    const since = [mark?.lsn ?? 0n, caller.sinceLsn ?? 0n].reduce((a, b) => (a > b ? a : b));
    const fit = replicas.filter((r) => usable(r) && (r.replayLsn ?? 0n) >= since);
    if (fit.length === 0) return undefined;
    turn = (turn + 1) % fit.length;
    return fit[turn];
  }

  async function query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    const replica = isPlainRead(sql) ? pick() : undefined;
    if (replica?.db) {
      try {
        const rows = await replica.db.query<T>(sql, params);
        served.replica++;
        return rows;
      } catch (err) {
        if (statementsOwn(err)) throw err;
        // Down, restarting, a recovery conflict or a write after all: the primary answers, the poll decides again.
        if (sqlState(err) !== '25006' && sqlState(err) !== '40001')
          setReason(replica, 'failed', `查询失败（${message(err)}）`);
      }
    }
    served.primary++;
    return primary.query<T>(sql, params);
  }

  const reader: Db = {
    kind: primary.kind,
    query,
    exec: (sql) => primary.exec(sql),
    transaction: (fn) => primary.transaction(fn),
    copyFrom: (sql, source) => primary.copyFrom(sql, source),
    // The primary belongs to whoever opened it; the replicas to the router.
    close: async () => {},
  };

  return {
    reader,
    beginWrite(key) {
      callers.set(key, { lsn: PENDING, at: Date.now() });
    },
    async endWrite(key) {
      try {
        const [row] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
        const lsn = parseLsn(row?.lsn ?? '0/0');
        callers.set(key, { lsn, at: Date.now() });
        return formatLsn(lsn);
      } catch {
        // Left pending: the primary keeps answering this caller until the mark is forgotten.
        return null;
      }
    },
    markTtlMs: forgetAfterMs,
    refresh,
    status: () =>
      replicas.map((r) => ({
        name: r.name,
        usable: usable(r),
        lagMs: r.lagMs,
        replayLsn: r.replayLsn === null ? null : formatLsn(r.replayLsn),
        reason: r.reason,
      })),
    served: () => ({ ...served }),
    async close() {
      closed = true;
      clearTimeout(timer);
      await running.catch(() => {});
      await Promise.all(replicas.map((r) => r.db?.close().catch(() => {})));
    },
  };
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
