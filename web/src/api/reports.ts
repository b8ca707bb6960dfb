import { type TWorkReportQuery, ZWorkReport } from '../../../src/contracts/reports.ts';
import { type CallOptions, request, toQueryString } from './client.ts';

export const reportsApi = {
  work: (query: TWorkReportQuery, opts?: CallOptions) =>
    request('/reports/work', { query, schema: ZWorkReport, signal: opts?.signal }),
};

/** The PDF / DOCX of the same report (a plain link: the browser saves it with the server's file name). */
export const workReportFileUrl = (format: 'pdf' | 'docx', query: TWorkReportQuery) =>
  `/api/v1/reports/work/${format}${toQueryString(query)}`;

/** Query keys start with the path's first segment (api/query-keys.ts). */
export const reportKeys = {
  work: (q: TWorkReportQuery) => ['reports', 'work', q.from, q.to, q.unitId ?? null],
};
