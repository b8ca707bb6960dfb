import { createHash, createHmac, type KeyObject } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  unitId: number | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  ip: string | null;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, row: AuditFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...row, at: new Date(row.at).toISOString() }))
    .digest('hex');
}

/**
 * The canonical JSON of a row split where its id goes (`before + id + after`), so the database can fill in
 * the id it draws under the chain lock and hash the same text auditHash does.
 */
export function canonicalJsonAroundId(row: Omit<AuditFields, 'id'>): [string, string] {
  const text = canonicalJson({ ...row, id: 0, at: new Date(row.at).toISOString() });
  // Top-level keys are sorted and the ones after "id" hold strings or numbers, where an unescaped `"id":` cannot occur.
  const at = text.lastIndexOf(',"id":0,');
  return [text.slice(0, at + 6), text.slice(at + 7)];
}

/** What a checkpoint signs: the chain's head row, how many rows the chain had up to it, and when. */
export interface CheckpointFields {
  auditId: number;
  auditHash: string;
  rowCount: number;
  at: string;
}

/** HMAC-SHA256 of a checkpoint with AUDIT_KEY, a key that is not in the database. */
export function checkpointMac(key: KeyObject, cp: CheckpointFields): string {
  const text = ['shijian.audit-checkpoint.v1', cp.auditId, cp.auditHash, cp.rowCount, new Date(cp.at).toISOString()];
  return createHmac('sha256', key).update(text.join('\n')).digest('hex');
}
