import type { Db } from '../../src/db/client.ts';
import { decodeCursor, encodeCursor, escapeLike, Where } from '../../src/db/sql.ts';
import { bigramTsquery } from '../../src/domain/bigrams.ts';
import { entityResource } from '../../src/modules/entities/access.ts';
import { readableWhere } from '../../src/platform/access.ts';
import type { Actor } from '../../src/platform/actor.ts';
import type { PiiCipher } from '../../src/platform/pii.ts';

export interface ListQuery {
  q?: string;
  stationId?: number;
  cursor?: string;
  limit: number;
}

export interface ListPage {
  items: { id: number }[];
  nextCursor: string | null;
  total: number;
}

/** What the bench calls: the lead's entity service when present, else the same queries written here. */
export interface EntityApi {
  source: 'src/modules/entities/service.ts' | 'bench/lib/entity-api.ts (fallback SQL)';
  list(actor: Actor, query: ListQuery): Promise<ListPage>;
  get(actor: Actor, id: number): Promise<unknown>;
}

type ServiceModule = {
  createEntityService?: (db: Db, deps: { pii: PiiCipher }) => Pick<EntityApi, 'list' | 'get'>;
};

export async function entityApi(db: Db, pii: PiiCipher): Promise<EntityApi> {
  // A path in a variable: the bench still compiles and runs if the service is renamed or not there yet.
  const path = '../../src/modules/entities/service.ts';
  const mod = (await import(path).catch(() => ({}))) as ServiceModule;
  if (typeof mod.createEntityService === 'function') {
    const service = mod.createEntityService(db, { pii });
    return { source: 'src/modules/entities/service.ts', list: service.list, get: service.get };
  }
  return fallbackApi(db);
}

/** The registry queries as the issue specifies them: bigram tsvector + LIKE recheck, keyset by id. */
function fallbackApi(db: Db): EntityApi {
  const where = (actor: Actor, q: ListQuery) => {
    const w = readableWhere(actor, entityResource, new Where()).addIf(q.stationId, 'e.station_id = ?');
    const text = q.q?.trim();
    const tsquery = text ? bigramTsquery(text) : null;
    if (text && /^[0-9A-HJ-NP-RTUW-Y]{2,18}$/.test(text) && /\d/.test(text)) w.add('e.uscc LIKE ?', `${text}%`);
    else if (text && tsquery) w.add('e.name_bigrams @@ ?::tsquery AND e.name LIKE ?', tsquery, `%${escapeLike(text)}%`);
    else if (text) w.add('e.name LIKE ?', `%${escapeLike(text)}%`);
    return w;
  };
  return {
    source: 'bench/lib/entity-api.ts (fallback SQL)',
    async list(actor, q) {
      const w = where(actor, q);
      const [before] = (decodeCursor(q.cursor) ?? []) as [number?];
      if (before !== undefined) w.add('e.id < ?', before);
      const limit = w.param(q.limit + 1);
      const rows = await db.query<{ id: number }>(
        `SELECT e.id, e.uscc, e.name, o.name AS station FROM entities e JOIN org_units o ON o.id = e.station_id
           ${w} ORDER BY e.id DESC LIMIT ${limit}`,
        w.params,
      );
      const c = where(actor, q);
      const cap = c.param(10_001);
      const [count] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM entities e ${c} LIMIT ${cap}) t`,
        c.params,
      );
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null, total: count!.n };
    },
    async get(_actor, id) {
      const [entity] = await db.query('SELECT * FROM entities WHERE id = $1', [id]);
      const licences = await db.query('SELECT * FROM entity_licences WHERE entity_id = $1', [id]);
      const events = await db.query('SELECT * FROM entity_events WHERE entity_id = $1 ORDER BY occurred_on DESC', [id]);
      return { entity, licences, events };
    },
  };
}
