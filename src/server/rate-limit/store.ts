import { createHash } from 'node:crypto';
import type { FastifyRateLimitStoreCtor, RateLimitOptions } from '@fastify/rate-limit';
import type { Db } from '../../db/client.ts';
import * as repo from './repo.ts';

/** How often one process drops ended windows (a DELETE over a table of recent clients). */
const PRUNE_EVERY_MS = 60_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteParams = RateLimitOptions & {
  routeInfo?: { method?: string | string[]; url?: string };
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
};

/** The client key as stored: a digest, so addresses and partners' API keys never sit in a table. */
const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

/**
 * What a limited route counts under: its groupId when it has one (every route of the group shares the client's
 * budget, as the routes that set one mean), else its method and URL pattern.
 */
function scopeOf(params: RouteParams): string {
  if (params.groupId) return `group:${params.groupId}`;
  const method = [params.routeInfo?.method ?? ''].flat().join(',');
  return `${method} ${params.routeInfo?.url ?? ''}`.trim() || 'global';
}

/**
 * @fastify/rate-limit's store on the database, so the app nodes behind one proxy share each limit instead of
 * granting it once per node: one upsert per limited request (see repo.countHit). Fixed window from the client's
 * first request, the in-memory store's default; continueExceeding and exponentialBackoff are not supported and
 * refused when a route asks for them.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let lastPrune = 0;
  const pruneNow = () => {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    repo.pruneCounters(db).catch(() => {
      lastPrune = 0;
    });
  };

  class DatabaseStore {
    readonly scope: string;
    constructor(params: RouteParams) {
      if (params.continueExceeding || params.exponentialBackoff)
        throw new Error('the database rate-limit store supports neither continueExceeding nor exponentialBackoff');
      this.scope = scopeOf(params);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      pruneNow();
      repo.countHit(db, this.scope, digest(key), timeWindow).then(
        (c) => callback(null, { current: c.hits, ttl: c.ttlMs }),
        (err: Error) => callback(err),
      );
    }

    read(key: string, callback: Callback): void {
      repo.readCounter(db, this.scope, digest(key)).then(
        (c) => callback(null, { current: c.hits, ttl: c.ttlMs }),
        (err: Error) => callback(err),
      );
    }

    // Typed by the plugin as the route's options; what it passes is the route's merged rate-limit parameters.
    child(routeOptions: unknown): DatabaseStore {
      return new DatabaseStore(routeOptions as RouteParams);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
