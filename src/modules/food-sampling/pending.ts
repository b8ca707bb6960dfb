import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { foodSampleKind } from './access.ts';
import { countPendingSamples, pendingSamples, type SamplingStep } from './repos/pending.ts';

const steps: SamplingStep[] = ['samplingDelivery', 'samplingResult', 'samplingDisposal'];
const titles: Record<SamplingStep, string> = {
  samplingDelivery: '送检',
  samplingResult: '检验结果',
  samplingDisposal: '核查处置',
};

/**
 * 抽检 clocks in the work inbox of food:write holders in reach: delivery to the lab (5 working days after
 * sampling), the lab's result (20 working days after receipt) and the 核查处置 of a 不合格 sample (90 days).
 */
export function foodSamplingPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'food-sampling',
    appliesTo: (actor) => hasPendingIn(actor, foodSampleKind),
    async pending(actor, w) {
      const counted = { today: w.today, weekEnd: w.weekEnd, cap: w.countCap };
      const [lists, counts] = await Promise.all([
        Promise.all(steps.map((step) => pendingSamples(db, actor, step, w))),
        Promise.all(steps.map((step) => countPendingSamples(db, actor, step, counted))),
      ]);
      const sum = (k: 'overdue' | 'dueToday' | 'dueWeek') => counts.reduce((n, c) => n + c[k], 0);
      return {
        items: steps.flatMap((step, i) =>
          lists[i]!.map((r) => ({
            module: 'food-sampling',
            kind: step,
            id: r.id,
            title: `${titles[step]} · ${r.entityName} · ${r.foodName}`,
            dueOn: r.dueOn,
            isApproval: false,
            link: `/food/sampling/samples/${r.id}`,
            unitName: r.stationName,
          })),
        ),
        counts: { overdue: sum('overdue'), dueToday: sum('dueToday'), dueWeek: sum('dueWeek'), approvals: 0 },
      };
    },
  };
}
