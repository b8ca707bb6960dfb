import type { TProductPlan, TProductSample } from '../../contracts/product-quality.ts';
import { productSampleNo } from '../../domain/product-sampling-workflow.ts';
import type { PlanRow } from './repos/plans.ts';
import type { SampleRow } from './repos/samples.ts';

export const toProductSample = ({ createdBy: _c, ...r }: SampleRow): TProductSample => ({
  ...r,
  sampleNo: productSampleNo(r.id),
  status: r.status as TProductSample['status'],
});

export const toProductPlan = ({ createdBy: _c, ...r }: PlanRow): TProductPlan => r;
