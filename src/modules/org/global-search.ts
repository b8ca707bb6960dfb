import type { Queryable } from '../../db/client.ts';
import { readable } from '../../platform/access.ts';
import type { SearchProvider } from '../search/provider.ts';
import { userResource } from './access.ts';
import { usersByName } from './search-repo.ts';

/** 用户: by username or display name; the hit opens the user list filtered to that username. */
export function userSearchProvider(db: Queryable): SearchProvider {
  return {
    group: 'users',
    permission: userResource.read,
    async search(actor, q, limit) {
      const text = q.fragment ?? (q.text.length >= 2 && !q.uscc && !q.idNumber ? q.text : undefined);
      if (!text) return [];
      const rows = await usersByName(db, readable(actor, userResource), text, limit);
      return rows.map((r) => ({
        id: r.id,
        title: r.displayName,
        subtitle: [r.username, r.unitName].join(' · '),
        link: `/org/users?q=${encodeURIComponent(r.username)}`,
        matched: 'user',
      }));
    },
  };
}
