import { ZAuditEntry, ZAuditVerify, ZLoginLogEntry } from '../../../src/contracts/audit.ts';
import { ZPage } from '../../../src/contracts/common.ts';
import { request } from './client.ts';

const ZAuditPage = ZPage(ZAuditEntry);
const ZLoginLogPage = ZPage(ZLoginLogEntry);

export interface AuditQuery {
  actorId?: number;
  unitId?: number;
  action?: string;
  /** ISO timestamps with offset; `to` is exclusive. */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface LoginLogQuery {
  username?: string;
  result?: string;
  limit?: number;
  cursor?: string;
}

export const auditApi = {
  list: (query: AuditQuery) => request('/audit', { query: { ...query }, schema: ZAuditPage }),
  verify: () => request('/audit/verify', { schema: ZAuditVerify }),
  logins: (query: LoginLogQuery) => request('/audit/logins', { query: { ...query }, schema: ZLoginLogPage }),
};
