import { ZInbox, ZTeamWorkload } from '../../../src/contracts/inbox.ts';
import { ZSystemSummary } from '../../../src/contracts/system.ts';
import { type CallOptions, request } from './client.ts';

export type { TInbox, TInboxGroup, TInboxItem, TTeamWorkload } from '../../../src/contracts/inbox.ts';
export type { TSystemSummary } from '../../../src/contracts/system.ts';

export const inboxApi = {
  /** 我的待办: the four groups with their counts, `limit` items shown per group. */
  inbox: (limit: number, opts?: CallOptions) =>
    request('/inbox', { query: { limit }, schema: ZInbox, signal: opts?.signal }),
  team: (opts?: CallOptions) =>
    request('/inbox/team', { query: { limit: 30 }, schema: ZTeamWorkload, signal: opts?.signal }),
  systemSummary: (opts?: CallOptions) => request('/system/summary', { schema: ZSystemSummary, signal: opts?.signal }),
};
