import { ZPage } from '../../../src/contracts/common.ts';
import { ZFoodImportResult } from '../../../src/contracts/food.ts';
import {
  ZPassRates,
  ZSample,
  ZSampleDetail,
  type ZSampleQuery,
  ZSamplingPlan,
  type ZSamplingPlanQuery,
} from '../../../src/contracts/food-sampling.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

export type TSampleQuery = Omit<QueryInput<typeof ZSampleQuery>, 'limit'>;
export type TPlanQuery = Omit<QueryInput<typeof ZSamplingPlanQuery>, 'limit'>;
export type SampleStep = 'deliver' | 'result' | 'notify' | 'retest-request' | 'retest' | 'handle' | 'publish';

/** 食品抽检: plans, samples and their steps, the result import and the 合格率. */
export const samplingApi = {
  plans: (query: TPlanQuery, opts?: CallOptions) =>
    request('/food/sampling/plans', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZSamplingPlan),
      signal: opts?.signal,
    }),
  createPlan: (body: Record<string, unknown>) =>
    request('/food/sampling/plans', { method: 'POST', body, schema: ZSamplingPlan }),
  samples: (query: TSampleQuery, opts?: CallOptions) =>
    request('/food/sampling/samples', { query: { ...query, limit: 50 }, schema: ZPage(ZSample), signal: opts?.signal }),
  sample: (id: number, opts?: CallOptions) =>
    request(`/food/sampling/samples/${id}`, { schema: ZSampleDetail, signal: opts?.signal }),
  createSample: (body: Record<string, unknown>) =>
    request('/food/sampling/samples', { method: 'POST', body, schema: ZSampleDetail }),
  step: (id: number, step: SampleStep, body: Record<string, unknown>) =>
    request(`/food/sampling/samples/${id}/${step}`, { method: 'POST', body, schema: ZSampleDetail }),
  passRates: (query: { from: string; to: string; stationId?: number }, opts?: CallOptions) =>
    request('/food/sampling/pass-rates', { query, schema: ZPassRates, signal: opts?.signal }),
  importResults: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request('/food/sampling/imports/results', { method: 'POST', body: form, schema: ZFoodImportResult });
  },
};
