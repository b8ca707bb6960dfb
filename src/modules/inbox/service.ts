import { inboxGroups, type TInbox, type TInboxGroup, type TTeamWorkload } from '../../contracts/inbox.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import type { Actor } from '../../platform/actor.ts';
import { noCounts, type PendingItem, type PendingItemsProvider, type PendingWindow } from './provider.ts';

/** Each group is counted up to this many per module; the page shows "1000+" beyond it. */
export const inboxCountCap = 1000;

/** The Sunday that ends the (Monday-first) week of `today`. */
export function weekEndOf(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const daysToSunday = (7 - d.getUTCDay()) % 7;
  return new Date(d.getTime() + daysToSunday * 86_400_000).toISOString().slice(0, 10);
}

/** Which group an item falls in; null when it has no due date in the window and is no approval. */
export function groupOf(item: PendingItem, w: Pick<PendingWindow, 'today' | 'weekEnd'>): TInboxGroup | null {
  if (item.isApproval) return 'approvals';
  if (item.dueOn === null) return null;
  if (item.dueOn < w.today) return 'overdue';
  if (item.dueOn === w.today) return 'dueToday';
  return item.dueOn <= w.weekEnd ? 'dueWeek' : null;
}

/** Oldest due first; no due date last; then by module and id so the order is stable. */
const byDue = (a: PendingItem, b: PendingItem) =>
  (a.dueOn ?? '9999') < (b.dueOn ?? '9999')
    ? -1
    : (a.dueOn ?? '9999') > (b.dueOn ?? '9999')
      ? 1
      : a.module.localeCompare(b.module) || a.id - b.id;

/**
 * The work inbox: one call per registered module (each one index-backed, limited and scoped in its own repo), merged
 * into the four groups. Modules added later join by registering a provider in src/server/container.ts.
 */
export function createInboxService(providers: readonly PendingItemsProvider[], opts: { now?: () => Date } = {}) {
  const modules = providers.map((p) => p.module);
  if (new Set(modules).size !== modules.length) throw new Error(`待办模块重复登记：${modules.join('、')}`);
  return {
    async inbox(actor: Actor, limit: number): Promise<TInbox> {
      const today = shanghaiToday(opts.now?.() ?? new Date());
      const window: PendingWindow = { today, weekEnd: weekEndOf(today), limit, countCap: inboxCountCap };
      const answering = providers.filter((p) => p.appliesTo(actor));
      const answers = await Promise.all(answering.map((p) => p.pending(actor, window)));
      const counts = noCounts();
      const groups: TInbox['groups'] = { overdue: [], dueToday: [], dueWeek: [], approvals: [] };
      for (const answer of answers) {
        for (const g of inboxGroups) counts[g] += answer.counts[g];
        for (const item of answer.items) {
          const g = groupOf(item, window);
          if (g) groups[g].push(item);
        }
      }
      for (const g of inboxGroups) groups[g] = groups[g].sort(byDue).slice(0, limit);
      return { ...window, counts, groups, modules: answering.map((p) => p.module) };
    },

    /** Open items per person in the caller's scope, from every module that counts them, busiest first. */
    async team(actor: Actor, limit: number): Promise<TTeamWorkload> {
      const counting = providers.filter((p) => p.workload && p.appliesTo(actor));
      const answers = await Promise.all(counting.map((p) => p.workload!(actor, limit)));
      const members = new Map<number, TTeamWorkload['members'][number]>();
      answers.forEach((rows, i) => {
        const module = counting[i]!.module;
        for (const r of rows) {
          const m = members.get(r.userId) ?? { userId: r.userId, name: r.name, byModule: {}, total: 0 };
          m.byModule[module] = (m.byModule[module] ?? 0) + r.open;
          m.total += r.open;
          members.set(r.userId, m);
        }
      });
      const sorted = [...members.values()].sort((a, b) => b.total - a.total || a.userId - b.userId);
      return { members: sorted.slice(0, limit), modules: counting.map((p) => p.module) };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
