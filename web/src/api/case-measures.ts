import type { z } from 'zod';
import {
  ZMeasure,
  type ZMeasureBody,
  type ZMeasureExtendBody,
  ZMeasureList,
  type ZMeasureReleaseBody,
} from '../../../src/contracts/case-execution.ts';
import { type CallOptions, request } from './client.ts';

/** 行政强制措施 of a case: 先行登记保存 and 查封、扣押, their extension and their release or outcome. */
export type TMeasure = z.output<typeof ZMeasure>;
export type TMeasureList = z.output<typeof ZMeasureList>;
export type MeasureInput = z.input<typeof ZMeasureBody>;
export type MeasureExtendInput = z.input<typeof ZMeasureExtendBody>;
export type MeasureReleaseInput = z.input<typeof ZMeasureReleaseBody>;

export const caseMeasuresApi = {
  list: (caseId: number, opts?: CallOptions) =>
    request(`/cases/${caseId}/measures`, { schema: ZMeasureList, signal: opts?.signal }),
  take: (caseId: number, body: MeasureInput) =>
    request(`/cases/${caseId}/measures`, { method: 'POST', body, schema: ZMeasure }),
  extend: (id: number, body: MeasureExtendInput) =>
    request(`/case-measures/${id}/extend`, { method: 'POST', body, schema: ZMeasure }),
  release: (id: number, body: MeasureReleaseInput) =>
    request(`/case-measures/${id}/release`, { method: 'POST', body, schema: ZMeasure }),
};
