import { ZSearchResult } from '../../../src/contracts/search.ts';
import { type CallOptions, request } from './client.ts';

export const searchApi = {
  search: (q: string, opts?: CallOptions) =>
    request('/search', { query: { q }, schema: ZSearchResult, signal: opts?.signal }),
};

/** Its own key family: no write marks a search stale (an answer is kept a short while, see global-search.tsx). */
export const searchKey = (q: string) => ['search', q] as const;
