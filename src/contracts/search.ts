import { MAX_SEARCH_LENGTH } from '../domain/search-query.ts';
import { z } from './zod.ts';

/** The header search (GET /api/v1/search): a few hits per group, each a link into the group's page. */
export const searchGroups = ['entities', 'complaints', 'cases', 'users', 'foodLicences'] as const;
export const ZSearchGroupName = z.enum(searchGroups);
export type TSearchGroupName = z.infer<typeof ZSearchGroupName>;

export const ZSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(MAX_SEARCH_LENGTH, `检索词最多${MAX_SEARCH_LENGTH}个字`),
  /** Hits per group. */
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

export const ZSearchHit = z.object({
  id: z.number().int(),
  title: z.string(),
  /** Personal data in it is masked (ID numbers, phones, complainants' names). */
  subtitle: z.string().nullable(),
  /** The web path that opens it (/entities/12). */
  link: z.string(),
  /** What matched: name, uscc, legalRep, idNumber, trackingCode, caseNo, party, user. */
  matched: z.string(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchGroup = z.object({
  group: ZSearchGroupName,
  hits: z.array(ZSearchHit),
  /** More hits than shown: the group's list page has them. */
  more: z.boolean(),
});

/** The query is not echoed back: it may be a resident ID number. */
export const ZSearchResult = z.object({
  /** What the query was taken for: uscc, idNumber, trackingCode, caseNo, fragment (several may apply), or none. */
  shapes: z.array(z.string()),
  /** Only the groups the caller may search (a missing permission leaves the group out). */
  groups: z.array(ZSearchGroup),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
