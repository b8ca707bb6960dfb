import { ZComplaintKind, ZComplaintStatus } from '../../../../src/contracts/complaints.ts';
import type { ComplaintListQuery } from '../../api/complaints.ts';

export type QueueFilters = Pick<
  ComplaintListQuery,
  'kind' | 'status' | 'mine' | 'overdue' | 'q' | 'stationId' | 'receivedFrom' | 'receivedTo'
>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The queue's filters from the URL query string (?overdue=true&stationId=3&receivedFrom=…), so a link from the
 * screen, the home page or a copied address opens the same list; junk is dropped.
 */
export function queueFiltersFromParams(params: URLSearchParams): QueueFilters {
  const f: QueueFilters = {};
  const kind = params.get('kind');
  const kindOk = ZComplaintKind.safeParse(kind);
  if (kindOk.success) f.kind = kindOk.data;
  const status = ZComplaintStatus.safeParse(params.get('status'));
  if (status.success) f.status = status.data;
  if (params.get('mine') === 'true') f.mine = true;
  if (params.get('overdue') === 'true') f.overdue = true;
  const q = params.get('q')?.trim();
  if (q) f.q = q.slice(0, 60);
  const stationId = Number(params.get('stationId'));
  if (Number.isInteger(stationId) && stationId > 0) f.stationId = stationId;
  for (const key of ['receivedFrom', 'receivedTo'] as const) {
    const v = params.get(key);
    if (v && ISO_DATE.test(v)) f[key] = v;
  }
  return f;
}

export function queueFiltersToParams(f: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  return params;
}
