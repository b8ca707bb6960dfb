import { ZPage } from '../../../src/contracts/common.ts';
import {
  type TDrugSaleBody,
  ZDrugDaily,
  ZDrugSale,
  ZDrugSaleAlert,
  ZDrugSaleImportResult,
  ZDrugSalePersonal,
  ZPortalPharmacy,
} from '../../../src/contracts/drug-sales.ts';
import { type CallOptions, request } from './client.ts';

/** 重点药品购药登记: staff lists (masked), the audited personal answer, counts, alerts; the pharmacy's phone page. */
export const drugSalesApi = {
  list: (query: { from?: string; to?: string; drugClass?: string; cursor?: string }, opts?: CallOptions) =>
    request('/drugs/sales', { query: { ...query, limit: 50 }, schema: ZPage(ZDrugSale), signal: opts?.signal }),
  personal: (id: number) => request(`/drugs/sales/${id}/personal`, { schema: ZDrugSalePersonal }),
  daily: (from: string, to: string, opts?: CallOptions) =>
    request('/drugs/sales/daily', { query: { from, to }, schema: ZDrugDaily, signal: opts?.signal }),
  alerts: (opts?: CallOptions) =>
    request('/drugs/sale-alerts', { query: { limit: 50 }, schema: ZPage(ZDrugSaleAlert), signal: opts?.signal }),
  handle: (id: number, body: { note: string; version: number }) =>
    request(`/drugs/sale-alerts/${id}/handle`, { method: 'POST', body, schema: ZDrugSaleAlert }),
};

export const drugPortalApi = {
  open: (accessCode: string) =>
    request('/public/drug-sales/access', { method: 'POST', body: { accessCode }, schema: ZPortalPharmacy }),
  register: (body: TDrugSaleBody & { accessCode: string }) =>
    request('/public/drug-sales', { method: 'POST', body, schema: ZDrugSale }),
  importSchema: ZDrugSaleImportResult,
};
