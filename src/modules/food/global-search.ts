import type { TSearchHit } from '../../contracts/search.ts';
import type { Queryable } from '../../db/client.ts';
import { type FoodLicenceKind, foodLicenceKindLabels, normaliseLicenceNo } from '../../domain/food-licence.ts';
import type { SearchProvider } from '../search/provider.ts';
import { searchLicenceNos } from './repos/search.ts';

/** JY/SC/YB and 4+ digits: a licence number being typed (prefix); anything else of 6+ characters: an exact number. */
const NUMBER_PREFIX = /^(JY|SC|YB)\d{4,14}$/;

/** 食品许可: licence, filing and registration numbers, by prefix or exactly, in the caller's reach. */
export function foodSearchProvider(db: Queryable): SearchProvider {
  return {
    group: 'foodLicences',
    permission: 'food:read',
    async search(actor, q, limit): Promise<TSearchHit[]> {
      const no = normaliseLicenceNo(q.text);
      const prefix = NUMBER_PREFIX.test(no);
      if (!prefix && no.length < 6) return [];
      const rows = await searchLicenceNos(db, actor, { no, prefix, limit: limit + 1 });
      return rows.map((r) => ({
        id: r.id,
        title: r.licenceNo,
        subtitle: [r.entityName, foodLicenceKindLabels[r.kind as FoodLicenceKind], r.validUntil].join(' · '),
        link: `/food/licences/${r.id}`,
        matched: 'licenceNo',
      }));
    },
  };
}
