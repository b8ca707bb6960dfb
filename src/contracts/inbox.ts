import { ZIsoDate } from './common.ts';
import { z } from './zod.ts';

/**
 * 我的待办 (work inbox): every module's pending steps with a due date, and the approvals waiting for the caller,
 * in the caller's data scope. Each module answers through its PendingItemsProvider (src/modules/<m>/pending.ts).
 */
export const inboxGroups = ['overdue', 'dueToday', 'dueWeek', 'approvals'] as const;
export const ZInboxGroup = z.enum(inboxGroups);
export type TInboxGroup = z.infer<typeof ZInboxGroup>;

export const ZInboxItem = z.object({
  /** The module that answered: 'complaints', 'spot-checks', 'credit', 'cases', … */
  module: z.string(),
  /** What the step is, within the module (a message key suffix on the web: inbox.kind.<module>.<kind>). */
  kind: z.string(),
  id: z.number().int(),
  /** The subject as staff know it: a tracking code and business, a case title, a plan and entity. */
  title: z.string(),
  dueOn: ZIsoDate.nullable(),
  isApproval: z.boolean(),
  /** The web page that handles it, e.g. /complaints/12. */
  link: z.string(),
  unitName: z.string().optional(),
  /** 督办: escalated to the unit's chiefs (a 12315 item past its clock). */
  escalated: z.boolean().optional(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInboxCounts = z.object({
  overdue: z.number().int(),
  dueToday: z.number().int(),
  dueWeek: z.number().int(),
  approvals: z.number().int(),
});
export type TInboxCounts = z.infer<typeof ZInboxCounts>;

export const ZInboxQuery = z.object({
  /** Items shown per group (the counts are of all of them). */
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const ZInbox = z.object({
  /** The day the groups are reckoned from (Asia/Shanghai) and the Sunday ending this week. */
  today: ZIsoDate,
  weekEnd: ZIsoDate,
  /** A count that reaches countCap means "at least countCap" (each module stops counting there). */
  countCap: z.number().int(),
  counts: ZInboxCounts,
  groups: z.object({
    overdue: z.array(ZInboxItem),
    dueToday: z.array(ZInboxItem),
    dueWeek: z.array(ZInboxItem),
    approvals: z.array(ZInboxItem),
  }),
  /** The modules that answered for this caller (those whose read permission the caller holds). */
  modules: z.array(z.string()),
});
export type TInbox = z.infer<typeof ZInbox>;

/** 团队工作量: open items per team member in the caller's scope (a station chief's team), by module. */
export const ZTeamMember = z.object({
  userId: z.number().int(),
  name: z.string(),
  /** Open items per module that counts them: { complaints: 3, cases: 1 }. */
  byModule: z.record(z.string(), z.number().int()),
  total: z.number().int(),
});
export const ZTeamWorkload = z.object({ members: z.array(ZTeamMember), modules: z.array(z.string()) });
export type TTeamWorkload = z.infer<typeof ZTeamWorkload>;
