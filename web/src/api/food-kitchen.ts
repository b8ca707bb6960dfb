import { ZPage } from '../../../src/contracts/common.ts';
import {
  ZKitchenAlert,
  type ZKitchenAlertQuery,
  ZKitchenEnrollment,
  type ZKitchenEnrollmentQuery,
  ZKitchenStats,
  ZKitchenVendor,
} from '../../../src/contracts/food-kitchen.ts';
import type { KitchenAlertAction } from '../../../src/domain/kitchen-alerts.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

export type TKitchenAlertListQuery = Omit<QueryInput<typeof ZKitchenAlertQuery>, 'limit'>;
export type TKitchenEnrollmentListQuery = Omit<QueryInput<typeof ZKitchenEnrollmentQuery>, 'limit'>;

/** 明厨亮灶: alerts, enrollments, vendors, stats. */
export const kitchenApi = {
  alerts: (query: TKitchenAlertListQuery, opts?: CallOptions) =>
    request('/food/kitchen/alerts', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZKitchenAlert),
      signal: opts?.signal,
    }),
  transition: (id: number, body: { action: KitchenAlertAction; note: string; version: number }) =>
    request(`/food/kitchen/alerts/${id}/transition`, { method: 'POST', body, schema: ZKitchenAlert }),
  snapshotUrl: (id: number) => `/api/v1/food/kitchen/alerts/${id}/snapshot`,
  enrollments: (query: TKitchenEnrollmentListQuery, opts?: CallOptions) =>
    request('/food/kitchen/enrollments', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZKitchenEnrollment),
      signal: opts?.signal,
    }),
  enroll: (body: {
    businessId: number;
    vendorId: number;
    enrolledOn: string;
    cameras: { cameraId: string; area: string }[];
  }) => request('/food/kitchen/enrollments', { method: 'POST', body, schema: ZKitchenEnrollment }),
  endEnrollment: (id: number, version: number, endedOn: string) =>
    request(`/food/kitchen/enrollments/${id}`, {
      method: 'PATCH',
      body: { version, endedOn },
      schema: ZKitchenEnrollment,
    }),
  vendors: (opts?: CallOptions) =>
    request('/food/kitchen/vendors', { schema: ZKitchenVendor.array(), signal: opts?.signal }),
  stats: (opts?: CallOptions) => request('/food/kitchen/stats', { schema: ZKitchenStats, signal: opts?.signal }),
};
