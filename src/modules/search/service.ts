import type { TSearchResult } from '../../contracts/search.ts';
import { parseSearchQuery, type SearchQuery } from '../../domain/search-query.ts';
import type { Actor } from '../../platform/actor.ts';
import type { SearchProvider } from './provider.ts';

/** Which shapes the query was taken for, for the client's hint ("按统一社会信用代码精确查找"). */
const shapesOf = (q: SearchQuery) =>
  (['uscc', 'idNumber', 'trackingCode', 'caseNo', 'fragment'] as const).filter((k) => q[k] !== undefined);

/**
 * The header search: the query's shape decides what each group looks for (an exact code, or a name fragment);
 * the groups the caller holds the permission for run in parallel, each asked for one hit more than it shows.
 */
export function createSearchService(providers: readonly SearchProvider[]) {
  return {
    async search(actor: Actor, input: { q: string; limit: number }): Promise<TSearchResult> {
      const q = parseSearchQuery(input.q);
      const mine = providers.filter((p) => actor.permissions.has(p.permission));
      const searchable = shapesOf(q).length > 0;
      const groups = await Promise.all(
        mine.map(async (p) => {
          const hits = searchable ? await p.search(actor, q, input.limit + 1) : [];
          return { group: p.group, hits: hits.slice(0, input.limit), more: hits.length > input.limit };
        }),
      );
      return { shapes: shapesOf(q), groups };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
