import type { z } from 'zod';
import { type caseStatsDimensions, ZCaseStatsResult } from '../../../src/contracts/case-stats.ts';
import { type CallOptions, request } from './client.ts';

export type TCaseStatsBy = (typeof caseStatsDimensions)[number];
export type TCaseStats = z.output<typeof ZCaseStatsResult>;

export const caseStatsApi = {
  get: (year: number, groupBy: TCaseStatsBy, opts?: CallOptions) =>
    request('/case-stats', { query: { year, groupBy }, schema: ZCaseStatsResult, signal: opts?.signal }),
};

/** Query keys start with the path's first segment (api/query-keys.ts): writes under /case-stats mark them stale. */
export const caseStatsKeys = {
  get: (year: number, groupBy: TCaseStatsBy) => ['case-stats', year, groupBy],
};
