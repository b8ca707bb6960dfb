import type { TInboxCounts, TInboxItem } from '../../contracts/inbox.ts';
import type { Actor } from '../../platform/actor.ts';

/** One pending step as a module reports it (the inbox contract's item). */
export type PendingItem = TInboxItem;
export type PendingCounts = TInboxCounts;

/**
 * The window the inbox asks about. Groups: overdue (dueOn < today), due today, due this week
 * (today < dueOn ≤ weekEnd) and approvals (isApproval, whatever the due date).
 */
export interface PendingWindow {
  today: string;
  weekEnd: string;
  /** At most this many items of each group. */
  limit: number;
  /** Each group is counted up to this many (a bounded count keeps the query cheap at city scale). */
  countCap: number;
}

/**
 * "My pending items": the contract each module implements in src/modules/<m>/pending.ts and registers in
 * src/server/container.ts. A provider reads through its own module's repos, scoped by readableWhere there;
 * every query is index-backed and limited (the inbox answers on every home page).
 */
export interface PendingItemsProvider {
  module: string;
  /** Whether the caller can have any of this module's items (usually its read permission); skipped otherwise. */
  appliesTo(actor: Actor): boolean;
  /** Up to `limit` items of each group, oldest due first, and each group's count (up to countCap). */
  pending(actor: Actor, window: PendingWindow): Promise<{ items: PendingItem[]; counts: PendingCounts }>;
  /**
   * Optional: the open items per person (handler, officer) in the caller's scope, for a chief's team workload;
   * at most `limit` people, index-backed like `pending`.
   */
  workload?(actor: Actor, limit: number): Promise<WorkloadRow[]>;
}

export interface WorkloadRow {
  userId: number;
  name: string;
  open: number;
}

export const noCounts = (): PendingCounts => ({ overdue: 0, dueToday: 0, dueWeek: 0, approvals: 0 });
