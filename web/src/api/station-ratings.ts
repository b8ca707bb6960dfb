import {
  type TChecklistUpdate,
  type TRatingTransitionBody,
  type TScoresUpdate,
  ZChecklist,
  ZRatingDetail,
  ZRatingFile,
  ZRatingList,
} from '../../../src/contracts/station-ratings.ts';
import { type CallOptions, request } from './client.ts';

export type {
  TChecklist,
  TRatingDetail,
  TRatingList,
  TRatingRow,
  TRatingStatus,
} from '../../../src/contracts/station-ratings.ts';

const base = '/station-ratings';

export const stationRatingsApi = {
  list: (year: number, opts?: CallOptions) =>
    request(base, { query: { year }, schema: ZRatingList, signal: opts?.signal }),
  detail: (id: number, opts?: CallOptions) => request(`${base}/${id}`, { schema: ZRatingDetail, signal: opts?.signal }),
  create: (stationId: number, year: number) =>
    request(base, { method: 'POST', body: { stationId, year }, schema: ZRatingDetail }),
  saveScores: (id: number, body: TScoresUpdate) =>
    request(`${base}/${id}/scores`, { method: 'PUT', body, schema: ZRatingDetail }),
  transition: (id: number, body: TRatingTransitionBody) =>
    request(`${base}/${id}/transitions`, { method: 'POST', body, schema: ZRatingDetail }),
  upload: (id: number, itemCode: string, file: File) => {
    const form = new FormData();
    form.append('itemCode', itemCode);
    form.append('file', file);
    return request(`${base}/${id}/files`, { method: 'POST', body: form, schema: ZRatingFile });
  },
  checklist: (opts?: CallOptions) => request(`${base}/checklist`, { schema: ZChecklist, signal: opts?.signal }),
  saveChecklist: (body: TChecklistUpdate) => request(`${base}/checklist`, { method: 'PUT', body, schema: ZChecklist }),
};

export const ratingFileUrl = (id: number, fileId: number) => `/api/v1${base}/${id}/files/${fileId}`;
