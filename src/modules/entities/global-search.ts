import type { TSearchHit } from '../../contracts/search.ts';
import type { Queryable } from '../../db/client.ts';
import { entityStatusLabels } from '../../domain/entity-lifecycle.ts';
import type { SearchQuery } from '../../domain/search-query.ts';
import { aggregateReach, readable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import type { SearchProvider } from '../search/provider.ts';
import { entityResource } from './access.ts';
import { chooseNamePlan, entitySelection, WALK_ROW_BUDGET } from './list.ts';
import { estimateNameMatches } from './list-repo.ts';
import * as listRepo from './repo.ts';
import * as repo from './search-repo.ts';

/** Candidates read for a name fragment before ranking (unordered: the first this many the index yields). */
const NAME_CANDIDATES = 30;
/** A caller who sees at most this many units walks each one's entities on its own (a station chief: one). */
const OWN_UNIT_WALKS = 4;

/** Exact name first, then names starting with the fragment, then the shortest (the closest), newest on a tie. */
function rankByName(rows: repo.EntityHitRow[], fragment: string): repo.EntityHitRow[] {
  const score = (r: repo.EntityHitRow) => (r.name === fragment ? 0 : r.name.startsWith(fragment) ? 1 : 2);
  return [...rows].sort((a, b) => score(a) - score(b) || a.name.length - b.name.length || b.id - a.id);
}

const toHit =
  (matched: string) =>
  (r: repo.EntityHitRow): TSearchHit => ({
    id: r.id,
    title: r.name,
    // The list's columns: USCC, station, legal representative with the ID number masked (never the phone).
    subtitle: [
      r.uscc,
      r.stationName,
      r.legalRepName && [r.legalRepName, r.legalRepIdMasked].filter(Boolean).join(' '),
      r.status === 'active' ? null : entityStatusLabels[r.status as keyof typeof entityStatusLabels],
    ]
      .filter(Boolean)
      .join(' · '),
    link: `/entities/${r.id}`,
    matched,
  });

/** 市场主体: by USCC or legal representative's ID number (exact), by name fragment, by legal representative. */
export function entitySearchProvider(db: Queryable, deps: { pii: PiiCipher }): SearchProvider {
  const scope = (actor: Actor) => readable(actor, entityResource);

  /**
   * A fragment whose rarest bigram the statistics call frequent (餐饮: 50 k names at 1.5 M) is looked for among the newest
   * WALK_ROW_BUDGET entities first, walking the key as the list does (list.ts): the GIN bitmap of such a bigram
   * alone costs more than the 50 ms budget. A rarer fragment, or a walk that found too few (the caller's stations
   * hold few of them), reads the bigram index.
   */
  /**
   * The walk over the newest entities. A caller who sees a few units walks each unit's own rows newest first
   * (entities_station_idx), not the whole register's keys testing every other station's names on the way.
   */
  async function walkNewest(actor: Actor, fragment: string, afterId: number): Promise<repo.EntityHitRow[]> {
    const reach = aggregateReach(actor);
    const units = 'unitIds' in reach && reach.unitIds.length <= OWN_UNIT_WALKS ? reach.unitIds : [undefined];
    const walks = await Promise.all(
      units.map((stationId) =>
        listRepo.listEntities(
          db,
          entitySelection(actor, { q: fragment, stationId }, { plan: 'walk', afterId }),
          NAME_CANDIDATES,
        ),
      ),
    );
    return walks
      .flat()
      .sort((a, b) => b.id - a.id)
      .slice(0, NAME_CANDIDATES);
  }

  async function byNameFragment(actor: Actor, fragment: string): Promise<repo.EntityHitRow[]> {
    const filters = { q: fragment };
    const [expected, rows, maxId] = await Promise.all([
      estimateNameMatches(db, entitySelection(actor, filters)),
      listRepo.estimatedEntityRows(db),
      listRepo.maxEntityId(db),
    ]);
    if (chooseNamePlan(expected, rows, NAME_CANDIDATES) === 'walk') {
      const found = await walkNewest(actor, fragment, maxId - WALK_ROW_BUDGET);
      if (found.length === NAME_CANDIDATES) return found;
    }
    return repo.entitiesByName(db, scope(actor), fragment, NAME_CANDIDATES);
  }
  return {
    group: 'entities',
    permission: entityResource.read,
    async search(actor, q: SearchQuery, limit) {
      if (q.uscc || q.idNumber) {
        const idHash = q.idNumber && deps.pii.lookupHash(q.idNumber);
        const rows = await repo.entitiesByCode(db, scope(actor), { uscc: q.uscc, idHash }, limit);
        return rows.map((r) => toHit(r.uscc === q.uscc ? 'uscc' : 'idNumber')(r));
      }
      if (!q.fragment) return [];
      const [byName, byPerson] = await Promise.all([
        byNameFragment(actor, q.fragment),
        repo.entitiesByLegalRep(db, scope(actor), q.fragment, limit),
      ]);
      const named = rankByName(byName, q.fragment).map(toHit('name'));
      const seen = new Set(named.map((h) => h.id));
      const people = byPerson.filter((r) => !seen.has(r.id)).map(toHit('legalRep'));
      // A person's name typed whole: their entities before name fragments that merely contain it.
      const ordered = byName.some((r) => r.name === q.fragment) ? [...named, ...people] : [...people, ...named];
      return ordered.slice(0, limit);
    },
  };
}
