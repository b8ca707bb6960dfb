import { ZPublicEntityPage, ZPublicEntityProfile } from '../../../src/contracts/entity-profile.ts';
import { type CallOptions, request } from './client.ts';

/** 企业信息公示 on the portal: no login. */
export const entityProfileApi = {
  search: (q: string, cursor?: string, opts?: CallOptions) =>
    request('/public/entities', { query: { q, cursor, limit: 20 }, schema: ZPublicEntityPage, signal: opts?.signal }),
  profile: (uscc: string, opts?: CallOptions) =>
    request(`/public/entities/${encodeURIComponent(uscc)}`, { schema: ZPublicEntityProfile, signal: opts?.signal }),
};

/** The open-data address of the same facts, shown on the profile for anyone who wants them as JSON. */
export const openDataUrl = (uscc: string) => `/api/open/v1/entities/${encodeURIComponent(uscc)}`;
