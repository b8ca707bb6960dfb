import { z } from 'zod';
import {
  ZDirective,
  ZDirectivePage,
  ZHazardGrade,
  ZInspectionResult,
  ZPlate,
  ZPlateVerification,
} from '../../../src/contracts/equipment-hazards.ts';
import { type CallOptions, request } from './client.ts';

export type DirectiveStep = 'rectify' | 'return' | 'accept';

/** 特种设备隐患 → 安全监察指令书 → 整改 → 验收, and the signed lift plates (电梯使用标志). */
export const equipmentHazardsApi = {
  grades: (opts?: CallOptions) =>
    request('/equipment/hazard-grades', { schema: z.array(ZHazardGrade), signal: opts?.signal }),
  recordInspection: (body: unknown) =>
    request('/equipment/hazard-inspections', { method: 'POST', body, schema: ZInspectionResult }),
  directives: (query: { status?: string; equipmentId?: number }, opts?: CallOptions) =>
    request('/equipment/directives', {
      query: { ...query, limit: 200 },
      schema: ZDirectivePage,
      signal: opts?.signal,
    }),
  directive: (id: number, opts?: CallOptions) =>
    request(`/equipment/directives/${id}`, { schema: ZDirective, signal: opts?.signal }),
  issue: (body: { hazardIds: number[]; deadline?: string }) =>
    request('/equipment/directives', { method: 'POST', body, schema: ZDirective }),
  step: (id: number, step: DirectiveStep, body: unknown) =>
    request(`/equipment/directives/${id}/${step}`, { method: 'POST', body, schema: ZDirective }),
  documentUrl: (id: number, format: 'pdf' | 'docx') => `/api/v1/equipment/directives/${id}/document?format=${format}`,
  plates: (equipmentId: number, opts?: CallOptions) =>
    request('/equipment/plates', { query: { equipmentId }, schema: z.array(ZPlate), signal: opts?.signal }),
  issuePlate: (equipmentId: number) =>
    request('/equipment/plates', { method: 'POST', body: { equipmentId }, schema: ZPlate }),
  /** The scanned URL's own query (k, i, c, r, v, d, s) passed on as it is. */
  verifyPlate: (query: Record<string, string>, opts?: CallOptions) =>
    request('/public/plates/verify', { query, schema: ZPlateVerification, signal: opts?.signal }),
};
