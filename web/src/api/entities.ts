import type { z } from 'zod';
import {
  type ZEntityCreate,
  ZEntityDetail,
  type ZEntityLifecycle,
  type ZEntityListQuery,
  ZEntityPage,
  type ZEntityUpdate,
} from '../../../src/contracts/entities.ts';
import {
  type TEntityImportMode,
  ZEntityImportAccepted,
  ZEntityImportStatus,
} from '../../../src/contracts/entity-import.ts';
import { z as zod } from '../../../src/contracts/zod.ts';
import { type CallOptions, notifyWrite, type Query, type QueryInput, request, toQueryString } from './client.ts';
import { ApiError } from './errors.ts';

export type TEntityCreateBody = z.input<typeof ZEntityCreate>;
export type TEntityUpdateBody = z.input<typeof ZEntityUpdate>;
export type TEntityLifecycleBody = z.input<typeof ZEntityLifecycle>;

/** The list filters (the list query without paging); the export takes the same ones. */
export type EntityFilters = Omit<QueryInput<typeof ZEntityListQuery>, 'limit' | 'cursor'>;

const ZReveal = zod.object({ legalRepIdNumber: zod.string().nullable() });
const BASE = '/api/v1';

/** Links the browser downloads itself (session cookie; GET needs no CSRF token). */
export const entityLinks = {
  export: (filters: EntityFilters, format: 'xlsx' | 'csv') =>
    `${BASE}/entities/export${toQueryString({ ...(filters as Query), format })}`,
  template: (format: 'xlsx' | 'csv') => `${BASE}/entities/import/template.xlsx${format === 'csv' ? '?format=csv' : ''}`,
  importErrors: (jobId: number) => `${BASE}/entities/imports/${jobId}/errors.xlsx`,
};

/** Multipart upload; request() sends JSON only, so this posts the form itself with the session's CSRF token. */
async function upload(file: File, mode: TEntityImportMode, csrfToken: string) {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${BASE}/entities/imports`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw ApiError.network();
  }
  if (!res.ok) throw await ApiError.fromResponse(res);
  notifyWrite('/entities/imports');
  const parsed = ZEntityImportAccepted.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw ApiError.contract('/entities/imports');
  return parsed.data;
}

export const entitiesApi = {
  list: (filters: EntityFilters, cursor?: string, limit = 20, opts?: CallOptions) =>
    request('/entities', { query: { ...filters, cursor, limit }, schema: ZEntityPage, signal: opts?.signal }),
  get: (id: number, opts?: CallOptions) => request(`/entities/${id}`, { schema: ZEntityDetail, signal: opts?.signal }),
  revealLegalRepId: (id: number) => request(`/entities/${id}/legal-rep-id`, { schema: ZReveal }),
  create: (body: TEntityCreateBody) => request('/entities', { method: 'POST', body, schema: ZEntityDetail }),
  update: (id: number, body: TEntityUpdateBody) =>
    request(`/entities/${id}`, { method: 'PATCH', body, schema: ZEntityDetail }),
  lifecycle: (id: number, body: TEntityLifecycleBody) =>
    request(`/entities/${id}/lifecycle`, { method: 'POST', body, schema: ZEntityDetail }),
  submitImport: upload,
  importStatus: (jobId: number, opts?: CallOptions) =>
    request(`/entities/imports/${jobId}`, { schema: ZEntityImportStatus, signal: opts?.signal }),
};
