import type { TEntityListQuery } from '../../contracts/entities.ts';
import { bigramTsquery } from '../../domain/bigrams.ts';

const USCC_PREFIX = /^[0-9A-HJ-NP-RTUW-Y]{2,18}$/;

/** How a name search is served: from the GIN bigram index, or by walking the primary key (see list.ts). */
export type NameSearchPlan = 'index' | 'walk';

export type EntityFilters = Omit<TEntityListQuery, 'limit' | 'cursor'>;

export const usccPrefix = (text: string) => {
  const upper = text.toUpperCase();
  return USCC_PREFIX.test(upper) && /\d/.test(upper) ? upper : undefined;
};

/** True when the query searches names through the bigram index (not a USCC prefix, not one character). */
export function hasNameSearch(q: EntityFilters): boolean {
  const text = q.q?.trim();
  return Boolean(text && !usccPrefix(text) && bigramTsquery(text));
}
