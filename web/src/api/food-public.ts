import { ZPage } from '../../../src/contracts/common.ts';
import { ZGradeNotes } from '../../../src/contracts/food-appeals.ts';
import {
  ZHonourList,
  ZHonourListDetail,
  ZHonourMonthStatus,
  ZPublicFoodDetail,
  ZPublicFoodPage,
  ZPublicHonourPage,
} from '../../../src/contracts/food-public.ts';
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
  /** Appeal outcomes and published replies beside the grades. */
  gradeNotes: (id: number, opts?: CallOptions) =>
    request(`/public/food/businesses/${id}/grade-notes`, { schema: ZGradeNotes, signal: opts?.signal }),
  honourLists: (opts?: CallOptions) =>
    request('/public/food/honour-lists', { query: { limit: 3 }, schema: ZPublicHonourPage, signal: opts?.signal }),
};

/** 红黑榜 for staff: drafted by food:write, reviewed, approved and published by the chief (food:approve). */
export const foodHonourApi = {
  lists: (cursor?: string, opts?: CallOptions) =>
    request('/food/honour-lists', { query: { cursor, limit: 50 }, schema: ZPage(ZHonourList), signal: opts?.signal }),
  /** Every station in reach for one month (default last month): none / draft / approved / published. */
  monthStatus: (month?: string, opts?: CallOptions) =>
    request('/food/honour-lists/month-status', { query: { month }, schema: ZHonourMonthStatus, signal: opts?.signal }),
  list: (id: number, opts?: CallOptions) =>
    request(`/food/honour-lists/${id}`, { schema: ZHonourListDetail, signal: opts?.signal }),
  draft: (stationId: number, month: string) =>
    request('/food/honour-lists', { method: 'POST', body: { stationId, month }, schema: ZHonourListDetail }),
  step: (id: number, action: 'approve' | 'publish', version: number) =>
    request(`/food/honour-lists/${id}/${action}`, { method: 'POST', body: { version }, schema: ZHonourListDetail }),
  remove: (id: number, entryId: number, version: number, reason: string) =>
    request(`/food/honour-lists/${id}/entries/${entryId}/remove`, {
      method: 'POST',
      body: { version, reason },
      schema: ZHonourListDetail,
    }),
};
