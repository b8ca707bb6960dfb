import type {
  TOpenEntityQuery,
  TPublicEntityProfile,
  TPublicEntitySearchQuery,
} from '../../contracts/entity-profile.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { normaliseUscc, validateUscc } from '../../domain/uscc.ts';
import { AppError } from '../../platform/errors.ts';
import type { DisclosureService } from '../cases/services/disclosures.ts';
import type { CreditService } from '../credit/service.ts';
import type { PublicEntities } from '../entities/public.ts';
import type { VisitService } from '../spot-checks/services/visits.ts';

/** Spot-check results and penalty decisions on one profile; older ones are on the portal's own pages. */
export const PROFILE_SECTION_LIMIT = 20;

export interface EntityProfileDeps {
  entities: PublicEntities;
  credit: Pick<CreditService, 'publicOf'>;
  spotChecks: Pick<VisitService, 'publishedOfEntity'>;
  penalties: Pick<DisclosureService, 'publicOfParty'>;
  now?: () => Date;
}

/**
 * A USCC from a URL: normalised (full-width, spaces, case). A code that cannot be one (length, characters) is the
 * caller's mistake, 400; a well-formed code with a failing check character may still be registered (an override
 * the registry accepted), so it is looked up and, when unknown, the 404 names the check that failed.
 */
function usccFromPath(raw: string): { code: string; checkFault?: string } {
  const code = normaliseUscc(raw);
  const v = validateUscc(code);
  if (v.ok) return { code };
  if (v.code === 'length' || v.code === 'charset')
    throw new AppError('BAD_REQUEST', `路径参数 uscc：${v.reason}`, [{ path: 'uscc', message: v.reason }]);
  return { code, checkFault: v.reason };
}

/**
 * The public entity profile (公示): the entity's registration facts and what each module publishes about it, each
 * through that module's own public function (credit listings under the listing kind's public rule, published
 * spot-check results only, penalty decisions while they are shown).
 */
export function createEntityProfileService(deps: EntityProfileDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  return {
    search: (q: TPublicEntitySearchQuery) => deps.entities.search(q),

    async profile(rawUscc: string): Promise<TPublicEntityProfile> {
      const { code, checkFault } = usccFromPath(rawUscc);
      const facts = await deps.entities.byUscc(code);
      if (!facts) {
        const hint = checkFault ? `（该代码校验未通过：${checkFault}，请核对）` : '';
        throw new AppError('NOT_FOUND', `未找到统一社会信用代码为 ${code} 的市场主体${hint}`);
      }
      const asOf = today();
      const { id, ...registration } = facts;
      const credit = await deps.credit.publicOf({ id, establishedOn: facts.establishedOn, status: facts.status }, asOf);
      const spotChecks = await deps.spotChecks.publishedOfEntity(id, PROFILE_SECTION_LIMIT);
      const penalties = await deps.penalties.publicOfParty(facts.uscc, PROFILE_SECTION_LIMIT);
      return {
        ...registration,
        annualReports: credit.annualReports,
        creditListings: credit.listings,
        spotChecks: spotChecks.items,
        spotChecksMore: spotChecks.more,
        penalties: penalties.items,
        penaltiesMore: penalties.more,
        asOf,
      };
    },

    /** Open data: one page of every entity's registration facts, with the next page's link. */
    async openPage(q: TOpenEntityQuery, path: string) {
      const page = await deps.entities.openPage(q);
      const next = page.nextCursor
        ? `${path}?${new URLSearchParams({
            limit: String(q.limit),
            ...(q.status && { status: q.status }),
            ...(q.type && { type: q.type }),
            cursor: page.nextCursor,
          })}`
        : null;
      return { ...page, next };
    },

    sitemapFiles: (perFile: number) => deps.entities.sitemapFiles(perFile),
    sitemapEntries: (index: number, perFile: number) => deps.entities.sitemapEntries(index, perFile),
  };
}

export type EntityProfileService = ReturnType<typeof createEntityProfileService>;
