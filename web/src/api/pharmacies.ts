import type { z } from 'zod';
import { ZOk, ZPage } from '../../../src/contracts/common.ts';
import {
  ZAttendanceImportResult,
  ZAttendanceOverview,
  ZGspInspection,
  type ZGspResultBody,
  ZPharmacist,
  ZPharmacistToken,
  ZPharmacy,
  type ZPharmacyBody,
  type ZPharmacyPatch,
  type ZPharmacyQuery,
  ZPharmacySummary,
  ZPortalPharmacist,
} from '../../../src/contracts/pharmacies.ts';
import { type CallOptions, type Query, type QueryInput, request, toQueryString } from './client.ts';

export type TPharmacyListQuery = Omit<QueryInput<typeof ZPharmacyQuery>, 'limit'>;

export const pharmacyExportUrl = ({ cursor: _, ...q }: TPharmacyListQuery) =>
  `/api/v1/pharmacies/export${toQueryString(q as Query)}`;

export const pharmacyApi = {
  list: (query: TPharmacyListQuery, opts?: CallOptions) =>
    request('/pharmacies', { query: { ...query, limit: 50 }, schema: ZPage(ZPharmacySummary), signal: opts?.signal }),
  get: (id: number, opts?: CallOptions) => request(`/pharmacies/${id}`, { schema: ZPharmacy, signal: opts?.signal }),
  create: (body: z.input<typeof ZPharmacyBody>) => request('/pharmacies', { method: 'POST', body, schema: ZPharmacy }),
  update: (id: number, body: z.input<typeof ZPharmacyPatch>) =>
    request(`/pharmacies/${id}`, { method: 'PATCH', body, schema: ZPharmacy }),
  overview: (query: { from?: string; to?: string }, opts?: CallOptions) =>
    request('/pharmacies/attendance', { query, schema: ZAttendanceOverview, signal: opts?.signal }),
  addPharmacist: (id: number, body: { name: string; registrationNo: string }) =>
    request(`/pharmacies/${id}/pharmacists`, { method: 'POST', body, schema: ZPharmacist }),
  issueToken: (pharmacistId: number) =>
    request(`/pharmacists/${pharmacistId}/token`, { method: 'POST', body: {}, schema: ZPharmacistToken }),
  review: (id: number, day: string) =>
    request(`/pharmacies/${id}/absences/review`, { method: 'POST', body: { day }, schema: ZOk }),
  startGsp: (id: number, inspectorIds: number[]) =>
    request(`/pharmacies/${id}/gsp`, { method: 'POST', body: { inspectorIds }, schema: ZGspInspection }),
  recordGsp: (gspId: number, body: z.input<typeof ZGspResultBody>) =>
    request(`/pharmacy-gsp/${gspId}/result`, { method: 'POST', body, schema: ZGspInspection }),
  importAttendance: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request('/pharmacies/attendance/import', { method: 'POST', body: form, schema: ZAttendanceImportResult });
  },
};

/** The pharmacist's phone page (no login: the token from their link). */
export const pharmacistPortalApi = {
  view: (token: string) =>
    request('/public/pharmacist', { method: 'POST', body: { token }, schema: ZPortalPharmacist }),
  check: (
    what: 'check-in' | 'check-out',
    body: { token: string; latitude: number; longitude: number; accuracy?: number },
  ) => request(`/public/pharmacist/${what}`, { method: 'POST', body, schema: ZPortalPharmacist }),
};
