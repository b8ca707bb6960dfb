import { entityTypes } from '../../contracts/entities.ts';
import type { TOpenEntityQuery, TPublicEntity, TPublicEntitySearchQuery } from '../../contracts/entity-profile.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, keysetPage } from '../../db/sql.ts';
import { bigramTsquery } from '../../domain/bigrams.ts';
import { maskPersonName } from '../../domain/case-disclosure.ts';
import { entityStatusLabels } from '../../domain/entity-lifecycle.ts';
import { industryByCode } from '../../domain/industry-codes.ts';
import { maskPersonalTextOrNull } from '../../domain/personal-text.ts';
import { validation } from '../../platform/errors.ts';
import { chooseNamePlan, ESTIMATE_ONLY_FROM, WALK_ROW_BUDGET } from './list.ts';
import { estimateNameMatches, walkNewestMatches } from './list-repo.ts';
import * as repo from './public-repo.ts';
import { entityIdsPage, estimatedEntityRows, maxEntityId, usccOrdered } from './repo.ts';
import { hasNameSearch, type NameSearchPlan, usccPrefix } from './search.ts';

/**
 * Entities as the public sees them (the portal's profile, the open-data API, the sitemap): registration facts of
 * every entity, no login. What leaves out personal data: no ID number, no phone; the operator of a 个体工商户 is a
 * natural person, so their name is masked (张*); free text passes through maskPersonalText.
 */
export const toPublicEntity = (row: repo.PublicEntityRow): TPublicEntity => ({
  uscc: row.uscc,
  name: row.name,
  type: row.type,
  typeLabel: entityTypes[row.type],
  status: row.status,
  statusLabel: entityStatusLabels[row.status],
  legalRepName:
    row.legalRepName && row.type === 'individualBusiness' ? maskPersonName(row.legalRepName) : row.legalRepName,
  address: maskPersonalTextOrNull(row.address),
  regionCode: row.regionCode,
  establishedOn: row.establishedOn,
});

/** One entity's public registration facts, with the id other modules need to find their public rows. */
export type PublicEntityFacts = TPublicEntity & {
  id: number;
  industryCode: string | null;
  industryName: string | null;
  registeredCapitalFen: number | null;
  businessScope: string | null;
  regulator: string;
};

const badCursor = () => validation('cursor', '分页游标无效，请从第一页重新查询');

function readIdCursor(cursor: string | undefined): { id: number; walk: boolean } | undefined {
  if (!cursor) return undefined;
  const [id, walk] = decodeCursor(cursor) ?? [];
  if (!Number.isSafeInteger(id)) throw badCursor();
  return { id: id as number, walk: walk === 1 };
}

/** The last code of a USCC-prefix page (codes are 18 characters of the USCC alphabet). */
function readCodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const [code] = decodeCursor(cursor) ?? [];
  if (typeof code !== 'string' || !/^[0-9A-Z]{1,18}$/.test(code)) throw badCursor();
  return code;
}

/** Sitemap entries are read in batches of this many rows, each a keyset step inside the file's id range. */
const SITEMAP_BATCH = 5_000;

export function createPublicEntities(db: Db) {
  return {
    async byUscc(uscc: string): Promise<PublicEntityFacts | undefined> {
      const row = await repo.publicEntityByUscc(db, uscc);
      if (!row) return undefined;
      const industry = row.industryCode ? industryByCode(row.industryCode) : undefined;
      return {
        ...toPublicEntity(row),
        id: row.id,
        industryCode: row.industryCode,
        industryName: industry?.name ?? null,
        registeredCapitalFen: row.registeredCapitalFen,
        businessScope: maskPersonalTextOrNull(row.businessScope),
        regulator: row.regulator,
      };
    },

    /**
     * Search by a fragment of the name (bigram index), newest first, or by a USCC (or its first characters) in code
     * order (entities_uscc_key; the cursor is the last code). A fragment whose rarest bigram the statistics call
     * frequent walks at most WALK_ROW_BUDGET of the newest rows for its page (as the staff list does,
     * entities/list.ts), else reads the bigram index; the public gets no total, so nothing is counted.
     */
    async search(q: TPublicEntitySearchQuery): Promise<{ items: TPublicEntity[]; nextCursor: string | null }> {
      const filters = { q: q.q };
      if (!usccPrefix(q.q) && !bigramTsquery(q.q)) throw validation('q', '请输入至少2个字的名称，或统一社会信用代码');
      const selection = { readable: repo.publicEntities, filters };
      if (usccOrdered(filters)) {
        const afterUscc = readCodeCursor(q.cursor);
        const ids = await entityIdsPage(db, { ...selection, afterUscc }, q.limit + 1);
        const page = keysetPage(await repo.publicEntitiesByIds(db, ids, 'uscc'), q.limit, (r) => [r.uscc]);
        return { items: page.items.map(toPublicEntity), nextCursor: page.nextCursor };
      }
      const cursor = readIdCursor(q.cursor);
      let plan: NameSearchPlan = cursor?.walk ? 'walk' : 'index';
      if (!cursor && hasNameSearch(filters)) {
        const upper = await estimateNameMatches(db, selection);
        if (upper >= ESTIMATE_ONLY_FROM) plan = chooseNamePlan(upper, await estimatedEntityRows(db), q.limit);
      }
      let ids: number[] = [];
      if (plan === 'walk') {
        const walk = { ...selection, beforeId: cursor?.id };
        ids = (await walkNewestMatches(db, walk, q.limit + 1, WALK_ROW_BUDGET)).ids;
      }
      if (ids.length <= q.limit)
        ids = await entityIdsPage(db, { ...selection, plan: 'index', beforeId: cursor?.id }, q.limit + 1);
      const rows = await repo.publicEntitiesByIds(db, ids);
      const page = keysetPage(rows, q.limit, (r) => [r.id, plan === 'walk' ? 1 : 0]);
      return { items: page.items.map(toPublicEntity), nextCursor: page.nextCursor };
    },

    /** Open data: every entity in registration-record order; the cursor is the last id of the page. */
    async openPage(q: TOpenEntityQuery): Promise<{ items: TPublicEntity[]; nextCursor: string | null }> {
      const after = readIdCursor(q.cursor);
      const rows = await repo.openEntityPage(db, { afterId: after?.id, status: q.status, type: q.type }, q.limit + 1);
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toPublicEntity), nextCursor: page.nextCursor };
    },

    /** How many sitemap files of `perFile` ids each cover the register (id ranges, so gaps only shorten a file). */
    async sitemapFiles(perFile: number): Promise<number> {
      return Math.ceil((await maxEntityId(db)) / perFile);
    },

    /** The USCCs of file `index` (ids in (index × perFile, (index + 1) × perFile]), read in keyset batches. */
    async *sitemapEntries(index: number, perFile: number): AsyncGenerator<{ uscc: string; lastmod: string }> {
      const toId = (index + 1) * perFile;
      let afterId = index * perFile;
      for (;;) {
        const rows = await repo.sitemapEntries(db, { afterId, toId }, SITEMAP_BATCH);
        for (const r of rows) yield { uscc: r.uscc, lastmod: r.lastmod };
        if (rows.length < SITEMAP_BATCH) return;
        afterId = rows.at(-1)!.id;
      }
    },
  };
}

export type PublicEntities = ReturnType<typeof createPublicEntities>;
