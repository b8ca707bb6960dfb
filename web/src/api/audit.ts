import {
  ZAuditEntry,
  type ZAuditQuery,
  ZAuditVerify,
  ZLoginLogEntry,
  type ZLoginLogQuery,
} from '../../../src/contracts/audit.ts';
import { ZPage } from '../../../src/contracts/common.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

const ZAuditPage = ZPage(ZAuditEntry);
const ZLoginLogPage = ZPage(ZLoginLogEntry);

/** `from`/`to`: ISO timestamps with offset; `to` is exclusive. */
export type AuditQuery = QueryInput<typeof ZAuditQuery>;
export type LoginLogQuery = QueryInput<typeof ZLoginLogQuery>;

export const auditApi = {
  list: (query: AuditQuery, opts?: CallOptions) =>
    request('/audit', { query: { ...query }, schema: ZAuditPage, signal: opts?.signal }),
  verify: () => request('/audit/verify', { schema: ZAuditVerify }),
  logins: (query: LoginLogQuery, opts?: CallOptions) =>
    request('/audit/logins', { query: { ...query }, schema: ZLoginLogPage, signal: opts?.signal }),
};
