import { z } from 'zod';
import { ZOk, ZPage } from '../../../src/contracts/common.ts';
import { ZEntitySummary } from '../../../src/contracts/entities.ts';
import { ZStoredFile } from '../../../src/contracts/files.ts';
import {
  ZCheckItem,
  type ZCheckItemCreate,
  ZConflict,
  type ZConflictCreate,
  ZDrawProof,
  ZInspector,
  type ZInspectorCreate,
  type ZInspectorUpdate,
  ZPlan,
  type ZPlanCreate,
  ZPool,
  type ZPoolCreate,
  ZPoolPreview,
  ZPublicResult,
  type ZResultBody,
  ZSpotCheckReference,
  ZTask,
  type ZTaskCreate,
  ZVisitDetail,
  type ZVisitListQuery,
  ZVisitSummary,
} from '../../../src/contracts/spot-checks.ts';
import { type CallOptions, notifyWrite, type Query, type QueryInput, request, toQueryString } from './client.ts';
import { ApiError } from './errors.ts';

export type TTaskInput = z.input<typeof ZTaskCreate>;
/** The visit list's filters; the flags as booleans (only `true` is sent). */
export type VisitQuery = Omit<QueryInput<typeof ZVisitListQuery>, 'mine' | 'overdue'> & {
  mine?: boolean;
  overdue?: boolean;
};

/** The visits as Excel with the same filters (a link the browser downloads itself, with the session cookie). */
export const visitExportUrl = ({ limit: _, cursor: __, ...q }: VisitQuery) =>
  `/api/v1/spot-checks/visits/export${toQueryString({ ...(q as Query), mine: q.mine ? 'true' : undefined, overdue: q.overdue ? 'true' : undefined })}`;

export const spotChecksApi = {
  reference: (opts?: CallOptions) =>
    request('/spot-checks/reference', { schema: ZSpotCheckReference, signal: opts?.signal }),
  items: (opts?: CallOptions) => request('/spot-checks/items', { schema: z.array(ZCheckItem), signal: opts?.signal }),
  createItem: (body: z.input<typeof ZCheckItemCreate>) =>
    request('/spot-checks/items', { method: 'POST', body, schema: ZCheckItem }),
  inspectors: (opts?: CallOptions) =>
    request('/spot-checks/inspectors', { schema: z.array(ZInspector), signal: opts?.signal }),
  createInspector: (body: z.input<typeof ZInspectorCreate>) =>
    request('/spot-checks/inspectors', { method: 'POST', body, schema: ZInspector }),
  conflicts: (opts?: CallOptions) =>
    request('/spot-checks/conflicts', { schema: z.array(ZConflict), signal: opts?.signal }),
  declareConflict: (body: z.input<typeof ZConflictCreate>) =>
    request('/spot-checks/conflicts', { method: 'POST', body, schema: ZOk }),
  removeConflict: (inspectorId: number, entityId: number) =>
    request(`/spot-checks/conflicts/${inspectorId}/${entityId}`, { method: 'DELETE', schema: ZOk }),
  /** The registry search (name or USCC), as the entity pages use it. */
  searchEntities: (q: string, opts?: CallOptions) =>
    request('/entities', {
      query: { q, limit: 10 },
      schema: z.object({ items: z.array(ZEntitySummary) }),
      signal: opts?.signal,
    }),
  updateInspector: (id: number, body: z.input<typeof ZInspectorUpdate>) =>
    request(`/spot-checks/inspectors/${id}`, { method: 'PUT', body, schema: ZInspector }),
  pools: (opts?: CallOptions) => request('/spot-checks/pools', { schema: z.array(ZPool), signal: opts?.signal }),
  createPool: (body: z.input<typeof ZPoolCreate>) =>
    request('/spot-checks/pools', { method: 'POST', body, schema: ZPool }),
  previewPool: (id: number, opts?: CallOptions) =>
    request(`/spot-checks/pools/${id}/preview`, { schema: ZPoolPreview, signal: opts?.signal }),
  plans: (opts?: CallOptions) => request('/spot-checks/plans', { schema: z.array(ZPlan), signal: opts?.signal }),
  createPlan: (body: z.input<typeof ZPlanCreate>) =>
    request('/spot-checks/plans', { method: 'POST', body, schema: ZPlan }),
  tasks: (cursor?: string, opts?: CallOptions) =>
    request('/spot-checks/tasks', { query: { cursor, limit: 50 }, schema: ZPage(ZTask), signal: opts?.signal }),
  task: (id: number, opts?: CallOptions) =>
    request(`/spot-checks/tasks/${id}`, { schema: ZTask, signal: opts?.signal }),
  createTask: (body: TTaskInput) => request('/spot-checks/tasks', { method: 'POST', body, schema: ZTask }),
  transitionTask: (id: number, action: 'freeze' | 'draw' | 'close' | 'cancel', version: number) =>
    request(`/spot-checks/tasks/${id}/transitions`, { method: 'POST', body: { action, version }, schema: ZTask }),
  proof: (drawId: number, opts?: CallOptions) =>
    request(`/spot-checks/draws/${drawId}/proof`, { schema: ZDrawProof, signal: opts?.signal }),
  visits: (q: VisitQuery, opts?: CallOptions) =>
    request('/spot-checks/visits', {
      query: { ...q, mine: q.mine ? 'true' : undefined, overdue: q.overdue ? 'true' : undefined },
      schema: ZPage(ZVisitSummary),
      signal: opts?.signal,
    }),
  visit: (id: number, opts?: CallOptions) =>
    request(`/spot-checks/visits/${id}`, { schema: ZVisitDetail, signal: opts?.signal }),
  recordResult: (id: number, body: z.input<typeof ZResultBody>) =>
    request(`/spot-checks/visits/${id}/results`, { method: 'PUT', body, schema: ZVisitDetail }),
  transitionVisit: (id: number, action: 'complete' | 'publish', version: number) =>
    request(`/spot-checks/visits/${id}/transitions`, {
      method: 'POST',
      body: { action, version },
      schema: ZVisitDetail,
    }),
  publicResults: (q?: string, cursor?: string, limit = 20, opts?: CallOptions) =>
    request('/public/spot-checks/results', {
      query: { q, cursor, limit },
      schema: ZPage(ZPublicResult),
      signal: opts?.signal,
    }),
  ok: ZOk,
};

/** Multipart upload of one evidence file (the JSON client does not do multipart). */
export async function uploadEvidence(visitId: number, file: File, csrfToken: string) {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/v1/spot-checks/visits/${visitId}/files`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken },
  });
  if (!res.ok) throw await ApiError.fromResponse(res);
  notifyWrite(`/spot-checks/visits/${visitId}/files`);
  return ZStoredFile.parse(await res.json());
}
