import type { z } from 'zod';
import { ZPage } from '../../../src/contracts/common.ts';
import { ZFoodImportResult } from '../../../src/contracts/food.ts';
import {
  ZCccCertificate,
  ZCccExemption,
  type ZProductCategoryBody,
  ZProductPassRates,
  ZProductSample,
  ZProductSampleDetail,
  type ZProductSampleQuery,
  ZProductSettings,
} from '../../../src/contracts/product-quality.ts';
import { type CallOptions, type QueryInput, request, toQueryString } from './client.ts';

export type TProductSampleQuery = Omit<QueryInput<typeof ZProductSampleQuery>, 'limit'>;
export type ProductStep = 'result' | 'notify' | 'retest-request' | 'retest' | 'rectify' | 'close';
const base = '/product/quality';

/** 产品质量监督抽查 and 3C. */
export const productApi = {
  settings: (opts?: CallOptions) => request(`${base}/settings`, { schema: ZProductSettings, signal: opts?.signal }),
  setGrade: (grade: string, intervalMonths: number) =>
    request(`${base}/grades/${grade}`, { method: 'PUT', body: { intervalMonths }, schema: ZProductSettings }),
  saveCategory: (code: string, body: z.input<typeof ZProductCategoryBody>) =>
    request(`${base}/categories/${encodeURIComponent(code)}`, { method: 'PUT', body, schema: ZProductSettings }),
  samples: (query: TProductSampleQuery, opts?: CallOptions) =>
    request(`${base}/samples`, { query: { ...query, limit: 50 }, schema: ZPage(ZProductSample), signal: opts?.signal }),
  /** The samples list as XLSX, same filters (a plain link: the browser downloads the stream). */
  exportUrl: (query: Omit<TProductSampleQuery, 'cursor'>) => `/api/v1${base}/samples/export${toQueryString(query)}`,
  sample: (id: number, opts?: CallOptions) =>
    request(`${base}/samples/${id}`, { schema: ZProductSampleDetail, signal: opts?.signal }),
  createSample: (body: Record<string, unknown>) =>
    request(`${base}/samples`, { method: 'POST', body, schema: ZProductSampleDetail }),
  step: (id: number, step: ProductStep, body: Record<string, unknown>) =>
    request(`${base}/samples/${id}/${step}`, { method: 'POST', body, schema: ZProductSampleDetail }),
  passRates: (query: { by: string; year?: number }, opts?: CallOptions) =>
    request(`${base}/pass-rates`, { query, schema: ZProductPassRates, signal: opts?.signal }),
  importResults: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request(`${base}/imports/results`, { method: 'POST', body: form, schema: ZFoodImportResult });
  },
  certificates: (opts?: CallOptions) =>
    request(`${base}/ccc/certificates`, {
      query: { limit: 100 },
      schema: ZPage(ZCccCertificate),
      signal: opts?.signal,
    }),
  addCertificate: (body: Record<string, unknown>) =>
    request(`${base}/ccc/certificates`, { method: 'POST', body, schema: ZCccCertificate }),
  exemptions: (opts?: CallOptions) =>
    request(`${base}/ccc/exemptions`, { query: { limit: 100 }, schema: ZPage(ZCccExemption), signal: opts?.signal }),
  addExemption: (body: Record<string, unknown>) =>
    request(`${base}/ccc/exemptions`, { method: 'POST', body, schema: ZCccExemption }),
  afterCheck: (id: number, body: Record<string, unknown>) =>
    request(`${base}/ccc/exemptions/${id}/after-check`, { method: 'POST', body, schema: ZCccExemption }),
};
