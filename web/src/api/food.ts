import { ZPage } from '../../../src/contracts/common.ts';
import {
  type TFoodLicenceBody,
  ZEntityFood,
  ZFoodBusiness,
  ZFoodImportResult,
  ZFoodLicence,
  type ZFoodLicenceQuery,
  ZHealthCertificate,
  type ZHealthCertificateQuery,
} from '../../../src/contracts/food.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

export type TLicenceQuery = Omit<QueryInput<typeof ZFoodLicenceQuery>, 'limit'>;
export type TCertificateQuery = Omit<QueryInput<typeof ZHealthCertificateQuery>, 'limit'>;

export const foodApi = {
  licences: (query: TLicenceQuery, opts?: CallOptions) =>
    request('/food/licences', { query: { ...query, limit: 50 }, schema: ZPage(ZFoodLicence), signal: opts?.signal }),
  licence: (id: number, opts?: CallOptions) =>
    request(`/food/licences/${id}`, { schema: ZFoodLicence, signal: opts?.signal }),
  createLicence: (body: TFoodLicenceBody) => request('/food/licences', { method: 'POST', body, schema: ZFoodLicence }),
  setLicenceStatus: (id: number, status: 'active' | 'revoked' | 'cancelled') =>
    request(`/food/licences/${id}/status`, { method: 'POST', body: { status }, schema: ZFoodLicence }),
  certificates: (query: TCertificateQuery, opts?: CallOptions) =>
    request('/food/health-certificates', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZHealthCertificate),
      signal: opts?.signal,
    }),
  businesses: (query: { q?: string; cursor?: string }, opts?: CallOptions) =>
    request('/food/businesses', { query: { ...query, limit: 50 }, schema: ZPage(ZFoodBusiness), signal: opts?.signal }),
  business: (id: number, opts?: CallOptions) =>
    request(`/food/businesses/${id}`, { schema: ZFoodBusiness, signal: opts?.signal }),
  entity: (entityId: number, opts?: CallOptions) =>
    request(`/food/entities/${entityId}`, { schema: ZEntityFood, signal: opts?.signal }),
  /** XLSX import: all rows or none; the row errors come back. */
  import: (what: 'licences' | 'certificates', file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request(`/food/imports/${what}`, { method: 'POST', body: form, schema: ZFoodImportResult });
  },
};
