import { ZPage } from '../../../src/contracts/common.ts';
import {
  type TEquipmentBody,
  type TInspectionBody,
  type TMaintenanceBody,
  ZEquipment,
  ZEquipmentCategory,
  ZEquipmentDetail,
  ZEquipmentImportResult,
  ZEquipmentMap,
  type ZEquipmentQuery,
  ZEquipmentSettings,
  ZInterval,
  ZSweepResult,
} from '../../../src/contracts/equipment.ts';
import { z } from '../../../src/contracts/zod.ts';
import { type CallOptions, type QueryInput, request, toQueryString } from './client.ts';

export type TEquipmentListQuery = Omit<QueryInput<typeof ZEquipmentQuery>, 'limit'>;

export const equipmentApi = {
  categories: (opts?: CallOptions) =>
    request('/equipment/categories', { schema: z.array(ZEquipmentCategory), signal: opts?.signal }),
  list: (query: TEquipmentListQuery, opts?: CallOptions) =>
    request('/equipment', { query: { ...query, limit: 50 }, schema: ZPage(ZEquipment), signal: opts?.signal }),
  exportUrl: (query: Omit<TEquipmentListQuery, 'cursor'>) => `/api/v1/equipment/export${toQueryString(query)}`,
  detail: (id: number, opts?: CallOptions) =>
    request(`/equipment/${id}`, { schema: ZEquipmentDetail, signal: opts?.signal }),
  create: (body: TEquipmentBody) => request('/equipment', { method: 'POST', body, schema: ZEquipment }),
  setStatus: (id: number, body: { action: string; reason?: string; registrationNo?: string }) =>
    request(`/equipment/${id}/status`, { method: 'POST', body, schema: ZEquipment }),
  addInspection: (id: number, body: TInspectionBody) =>
    request(`/equipment/${id}/inspections`, { method: 'POST', body, schema: ZEquipment }),
  addMaintenance: (id: number, body: TMaintenanceBody) =>
    request(`/equipment/${id}/maintenance`, { method: 'POST', body, schema: ZEquipment }),
  map: (query: Omit<TEquipmentListQuery, 'cursor'>, opts?: CallOptions) =>
    request('/equipment/map', { query, schema: ZEquipmentMap, signal: opts?.signal }),
  /** XLSX/CSV import: all rows or none; the row errors come back. */
  import: (what: 'inspections' | 'maintenance', file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request(`/equipment/imports/${what}`, { method: 'POST', body: form, schema: ZEquipmentImportResult });
  },
  intervals: (opts?: CallOptions) =>
    request('/equipment/settings/intervals', { schema: z.array(ZInterval), signal: opts?.signal }),
  updateInterval: (id: number, body: { intervalMonths: number; source: string; verify: boolean; version: number }) =>
    request(`/equipment/settings/intervals/${id}`, { method: 'PATCH', body, schema: ZInterval }),
  settings: (opts?: CallOptions) =>
    request('/equipment/settings', { schema: ZEquipmentSettings, signal: opts?.signal }),
  updateSettings: (body: z.infer<typeof ZEquipmentSettings>) =>
    request('/equipment/settings', { method: 'PUT', body, schema: ZEquipmentSettings }),
  sweep: () => request('/equipment/settings/sweep', { method: 'POST', body: {}, schema: ZSweepResult }),
};
