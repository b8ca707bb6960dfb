import { z } from 'zod';
import { ZFoodPlacard, ZPlacardVerification } from '../../../src/contracts/food-placards.ts';
import { type CallOptions, request } from './client.ts';

/** 二维码公示牌: issue and list (food:read/write) and the public verification behind the QR code. */
export const foodPlacardsApi = {
  list: (businessId: number, opts?: CallOptions) =>
    request(`/food/businesses/${businessId}/placards`, { schema: z.array(ZFoodPlacard), signal: opts?.signal }),
  issue: (businessId: number, kind: 'dynamic' | 'annual') =>
    request(`/food/businesses/${businessId}/placards`, { method: 'POST', body: { kind }, schema: ZFoodPlacard }),
  pdfUrl: (placardId: number, size: 'A4' | 'A5') => `/api/v1/food/placards/${placardId}/pdf?size=${size}`,
  /** The scanned URL's own query (k, i, e, g, d, s) passed on as it is. */
  verify: (query: Record<string, string>, opts?: CallOptions) =>
    request('/public/placards/verify', { query, schema: ZPlacardVerification, signal: opts?.signal }),
};
