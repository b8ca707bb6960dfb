import type { AuditRow } from './repo.ts';

/** An audit row as the API shows it: the chain's link to the previous row stays inside. */
export const toAuditEntry = ({ prevHash: _, ...entry }: AuditRow) => entry;
