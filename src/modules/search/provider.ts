import type { TSearchGroupName, TSearchHit } from '../../contracts/search.ts';
import type { Permission } from '../../domain/permissions.ts';
import type { SearchQuery } from '../../domain/search-query.ts';
import type { Actor } from '../../platform/actor.ts';

/**
 * One group of the header search, implemented by the module that owns the rows (src/modules/<m>/global-search.ts)
 * with its own repo and the access policy's readableWhere, and registered in src/server/container.ts.
 */
export interface SearchProvider {
  group: TSearchGroupName;
  /** Without it the caller does not get the group at all. */
  permission: Permission;
  /**
   * Up to `limit` hits the caller may read (more when there are: the service cuts them and says there are more),
   * personal data masked; an empty list when the query's shape is not one this group answers.
   */
  search(actor: Actor, q: SearchQuery, limit: number): Promise<TSearchHit[]>;
}
