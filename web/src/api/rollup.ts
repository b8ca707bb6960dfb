import { ZRollupComplaintMonths, ZRollupRegions } from '../../../src/contracts/rollup.ts';
import { type CallOptions, request } from './client.ts';

export type { TRollupCity, TRollupComplaintMonths, TRollupRegions } from '../../../src/contracts/rollup.ts';

/** 省级汇总: the subscribed cities' figures (region column city_code), read from the roll-up views. */
export const rollupApi = {
  regions: (opts?: CallOptions) => request('/rollup/regions', { schema: ZRollupRegions, signal: opts?.signal }),
  complaintMonths: (months: number, opts?: CallOptions) =>
    request('/rollup/regions/complaints-by-month', {
      query: { months },
      schema: ZRollupComplaintMonths,
      signal: opts?.signal,
    }),
};

/** Query keys start with the path's first segment (api/query-keys.ts). */
export const rollupKeys = {
  regions: () => ['rollup', 'regions'],
  complaintMonths: (months: number) => ['rollup', 'complaint-months', months],
};
