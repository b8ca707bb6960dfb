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
  ZVisitSummary,
} from '../../../src/contracts/spot-checks.ts';
import { request } from './client.ts';
import { ApiError } from './errors.ts';

export type TTaskInput = z.input<typeof ZTaskCreate>;
export interface VisitQuery {
  taskId?: number;
  status?: string;
  mine?: boolean;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

export const spotChecksApi = {
  reference: () => request('/spot-checks/reference', { schema: ZSpotCheckReference }),
  items: () => request('/spot-checks/items', { schema: z.array(ZCheckItem) }),
  createItem: (body: z.input<typeof ZCheckItemCreate>) =>
    request('/spot-checks/items', { method: 'POST', body, schema: ZCheckItem }),
  inspectors: () => request('/spot-checks/inspectors', { schema: z.array(ZInspector) }),
  createInspector: (body: z.input<typeof ZInspectorCreate>) =>
    request('/spot-checks/inspectors', { method: 'POST', body, schema: ZInspector }),
  conflicts: () => request('/spot-checks/conflicts', { schema: z.array(ZConflict) }),
  declareConflict: (body: z.input<typeof ZConflictCreate>) =>
    request('/spot-checks/conflicts', { method: 'POST', body, schema: ZOk }),
  removeConflict: (inspectorId: number, entityId: number) =>
    request(`/spot-checks/conflicts/${inspectorId}/${entityId}`, { method: 'DELETE', schema: ZOk }),
  /** The registry search (name or USCC), as the entity pages use it. */
  searchEntities: (q: string) =>
    request('/entities', { query: { q, limit: 10 }, schema: z.object({ items: z.array(ZEntitySummary) }) }),
  updateInspector: (id: number, body: z.input<typeof ZInspectorUpdate>) =>
    request(`/spot-checks/inspectors/${id}`, { method: 'PUT', body, schema: ZInspector }),
  pools: () => request('/spot-checks/pools', { schema: z.array(ZPool) }),
  createPool: (body: z.input<typeof ZPoolCreate>) =>
    request('/spot-checks/pools', { method: 'POST', body, schema: ZPool }),
  previewPool: (id: number) => request(`/spot-checks/pools/${id}/preview`, { schema: ZPoolPreview }),
  plans: () => request('/spot-checks/plans', { schema: z.array(ZPlan) }),
  createPlan: (body: z.input<typeof ZPlanCreate>) =>
    request('/spot-checks/plans', { method: 'POST', body, schema: ZPlan }),
  tasks: (cursor?: string) => request('/spot-checks/tasks', { query: { cursor, limit: 50 }, schema: ZPage(ZTask) }),
  task: (id: number) => request(`/spot-checks/tasks/${id}`, { schema: ZTask }),
  createTask: (body: TTaskInput) => request('/spot-checks/tasks', { method: 'POST', body, schema: ZTask }),
  transitionTask: (id: number, action: 'freeze' | 'draw' | 'close' | 'cancel', version: number) =>
    request(`/spot-checks/tasks/${id}/transitions`, { method: 'POST', body: { action, version }, schema: ZTask }),
  proof: (drawId: number) => request(`/spot-checks/draws/${drawId}/proof`, { schema: ZDrawProof }),
  visits: (q: VisitQuery) =>
    request('/spot-checks/visits', {
      query: { ...q, mine: q.mine ? 'true' : undefined, overdue: q.overdue ? 'true' : undefined },
      schema: ZPage(ZVisitSummary),
    }),
  visit: (id: number) => request(`/spot-checks/visits/${id}`, { schema: ZVisitDetail }),
  recordResult: (id: number, body: z.input<typeof ZResultBody>) =>
    request(`/spot-checks/visits/${id}/results`, { method: 'PUT', body, schema: ZVisitDetail }),
  transitionVisit: (id: number, action: 'complete' | 'publish', version: number) =>
    request(`/spot-checks/visits/${id}/transitions`, {
      method: 'POST',
      body: { action, version },
      schema: ZVisitDetail,
    }),
  publicResults: (q?: string, cursor?: string, limit = 20) =>
    request('/public/spot-checks/results', { query: { q, cursor, limit }, schema: ZPage(ZPublicResult) }),
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
  return ZStoredFile.parse(await res.json());
}
