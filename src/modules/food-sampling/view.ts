import type { TPlanView, TSample } from '../../contracts/food-sampling.ts';
import { sampleNo } from '../../domain/food-sampling.ts';
import type { PlanRow } from './repos/plans.ts';
import type { SampleRow } from './repos/samples.ts';

/** The clock that runs in the sample's current status: delivery, the lab's result, or 核查处置. */
function clockOf(r: SampleRow, today: string): TSample['clock'] {
  const due =
    r.status === 'sampled'
      ? { kind: 'delivery' as const, dueOn: r.deliveryDueOn }
      : r.status === 'delivered' && r.resultDueOn
        ? { kind: 'result' as const, dueOn: r.resultDueOn }
        : ['notified', 'retestRequested', 'retested'].includes(r.status) && r.disposalDueOn
          ? { kind: 'disposal' as const, dueOn: r.disposalDueOn }
          : null;
  return due && { ...due, overdue: due.dueOn < today };
}

export const toSample = (r: SampleRow, today: string): TSample => ({
  ...(({ createdBy: _c, ...rest }) => rest)(r),
  sampleNo: sampleNo(r.id),
  stage: r.stage as TSample['stage'],
  foodCategory: r.foodCategory as TSample['foodCategory'],
  status: r.status as TSample['status'],
  clock: clockOf(r, today),
});

export const toPlan = (r: PlanRow): TPlanView => ({
  ...(({ createdBy: _c, ...rest }) => rest)(r),
  foodCategory: r.foodCategory as TPlanView['foodCategory'],
  hazards: r.hazards as TPlanView['hazards'],
});
