import type { TEntityListQuery } from '../../contracts/entities.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import { bigramTsquery } from '../../domain/bigrams.ts';
import { readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { entityResource } from './access.ts';

const USCC_PREFIX = /^[0-9A-HJ-NP-RTUW-Y]{2,18}$/;

/** How a name search is served: from the GIN bigram index, or by walking the primary key (see list.ts). */
export type NameSearchPlan = 'index' | 'walk';

type Filters = Omit<TEntityListQuery, 'limit' | 'cursor'>;

const usccPrefix = (text: string) => {
  const upper = text.toUpperCase();
  return USCC_PREFIX.test(upper) && /\d/.test(upper) ? upper : undefined;
};

/** True when the query searches names through the bigram index (not a USCC prefix, not one character). */
export function hasNameSearch(q: Filters): boolean {
  const text = q.q?.trim();
  return Boolean(text && !usccPrefix(text) && bigramTsquery(text));
}

/** Filters and the caller's scope as one WHERE; shared by list, count and export. */
export function entityWhere(
  actor: Actor,
  q: Filters,
  opts: { forEstimate?: boolean; plan?: NameSearchPlan } = {},
): Where {
  const w = readableWhere(actor, entityResource, new Where())
    .addIf(q.type, 'e.type = ?')
    .addIf(q.status, 'e.status = ?')
    .addIf(q.stationId, 'e.station_id = ?')
    .addIf(q.industryCode && `${escapeLike(q.industryCode.replace(/^[A-T]/, ''))}%`, 'e.industry_code LIKE ?')
    .addIf(q.regionCode && `${escapeLike(q.regionCode)}%`, 'e.region_code LIKE ?')
    .addIf(q.establishedFrom, 'e.established_on >= ?')
    .addIf(q.establishedTo, 'e.established_on <= ?');
  const text = q.q?.trim();
  if (!text) return w;
  const uscc = usccPrefix(text);
  const tsquery = bigramTsquery(text);
  const like = `%${escapeLike(text)}%`;
  if (uscc) w.add('e.uscc LIKE ?', `${uscc}%`);
  // The planner's estimate of the LIKE recheck is far too low (餐饮: 3.7 k of 51 k), so estimates leave it out.
  else if (tsquery && opts.forEstimate) w.add('e.name_bigrams @@ ?::tsquery', tsquery);
  // The same test, hidden from the planner in coalesce(): no index can serve it and its selectivity is a guess
  // of one half, so the planner walks the primary key newest first and stops after one page (no parallel scan).
  else if (tsquery && opts.plan === 'walk')
    w.add('coalesce(e.name_bigrams @@ ?::tsquery AND e.name LIKE ?, false)', tsquery, like);
  else if (tsquery) w.add('e.name_bigrams @@ ?::tsquery AND e.name LIKE ?', tsquery, like);
  else w.add('e.name LIKE ?', like);
  return w;
}
