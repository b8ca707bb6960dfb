import { ZPublicFoodDetail, ZPublicFoodPage, ZPublicHonourPage } from '../../../src/contracts/food-public.ts';
import { type CallOptions, request } from './client.ts';

/** The portal's food page (no login): search, one business, published 红黑榜. */
export const foodPublicApi = {
  search: (q: string, cursor?: string, opts?: CallOptions) =>
    request('/public/food/businesses', {
      query: { q, cursor, limit: 20 },
      schema: ZPublicFoodPage,
      signal: opts?.signal,
    }),
  business: (id: number, opts?: CallOptions) =>
    request(`/public/food/businesses/${id}`, { schema: ZPublicFoodDetail, signal: opts?.signal }),
  honourLists: (opts?: CallOptions) =>
    request('/public/food/honour-lists', { query: { limit: 3 }, schema: ZPublicHonourPage, signal: opts?.signal }),
};
