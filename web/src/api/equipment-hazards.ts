import { z } from 'zod';
import {
  ZDirective,
  ZDirectivePage,
  ZHazard,
  ZHazardGrade,
  ZInspectionResult,
  ZPlate,
  ZPlateVerification,
} from '../../../src/contracts/equipment-hazards.ts';
import { ZSupervision, ZSupervisionPage } from '../../../src/contracts/equipment-supervisions.ts';
import { type CallOptions, request, toQueryString } from './client.ts';

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
  /** 整改证据: a photo or PDF, multipart field `file`. */
  uploadEvidence: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request(`/equipment/directives/${id}/files`, { method: 'POST', body: form, schema: ZDirective.shape.files });
  },
  evidenceUrl: (id: number, fileId: number) => `/api/v1/equipment/directives/${id}/files/${fileId}`,
  /** The hazard list as XLSX, with the 指令书 list's filters (a link the browser downloads with its cookie). */
  exportUrl: (query: { status?: string; equipmentId?: number }) =>
    `/api/v1/equipment/hazards/export${toQueryString(query)}`,
  hazardsOf: (equipmentId: number, opts?: CallOptions) =>
    request('/equipment/hazards', { query: { equipmentId }, schema: z.array(ZHazard), signal: opts?.signal }),
  supervisions: (query: { status?: string; entityId?: number }, opts?: CallOptions) =>
    request('/equipment/supervisions', {
      query: { ...query, limit: 200 },
      schema: ZSupervisionPage,
      signal: opts?.signal,
    }),
  supervision: (id: number, opts?: CallOptions) =>
    request(`/equipment/supervisions/${id}`, { schema: ZSupervision, signal: opts?.signal }),
  schedule: (body: { entityId: number; plannedOn?: string }) =>
    request('/equipment/supervisions', { method: 'POST', body, schema: ZSupervision }),
  startSupervision: (id: number, version: number, inspectorIds: number[]) =>
    request(`/equipment/supervisions/${id}/start`, {
      method: 'POST',
      body: { version, inspectorIds },
      schema: ZSupervision,
    }),
  recordOnVisit: (id: number, body: unknown) =>
    request(`/equipment/supervisions/${id}/hazards`, { method: 'POST', body, schema: ZInspectionResult }),
  completeSupervision: (id: number, version: number, findings?: string) =>
    request(`/equipment/supervisions/${id}/complete`, {
      method: 'POST',
      body: { version, findings },
      schema: ZSupervision,
    }),
  plates: (equipmentId: number, opts?: CallOptions) =>
    request('/equipment/plates', { query: { equipmentId }, schema: z.array(ZPlate), signal: opts?.signal }),
  issuePlate: (equipmentId: number) =>
    request('/equipment/plates', { method: 'POST', body: { equipmentId }, schema: ZPlate }),
  /** The scanned URL's own query (k, i, c, r, v, d, s) passed on as it is. */
  verifyPlate: (query: Record<string, string>, opts?: CallOptions) =>
    request('/public/plates/verify', { query, schema: ZPlateVerification, signal: opts?.signal }),
};
