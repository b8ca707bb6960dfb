import type { Queryable } from '../db/client.ts';
import { type AuditFields, canonicalJsonAroundId } from '../domain/audit-chain.ts';

export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
}

/** Who did it; a login attempt for an unknown name has no user, so fields may be null. An Actor fits. */
export interface AuditActor {
  userId: number | null;
  displayName: string | null;
  unitId: number | null;
  ip: string | null;
}

/** The row as hashed: everything but the id, which audit_append draws under the chain's lock. */
function auditRow(actor: AuditActor | null, input: AuditInput): Omit<AuditFields, 'id'> {
  return {
    at: new Date().toISOString(),
    actorId: actor?.userId ?? null,
    actorName: actor?.displayName ?? null,
    unitId: actor?.unitId ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId === undefined ? null : String(input.targetId),
    detail: input.detail ?? {},
    ip: actor?.ip ?? null,
  };
}

/**
 * Appends one row inside the caller's transaction. audit_append (a database function) takes the chain's
 * advisory lock, reads the last hash, draws the id and inserts, in one round trip: the lock is held until the
 * caller commits, so every extra round trip under it would cap the writers per second of the whole system.
 * The hash is the one auditHash computes; only the id is filled in under the lock.
 */
export async function appendAudit(tx: Queryable, actor: AuditActor | null, input: AuditInput): Promise<void> {
  const row = auditRow(actor, input);
  const [beforeId, afterId] = canonicalJsonAroundId(row);
  await tx.query('SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', [
    row.at,
    row.actorId,
    row.actorName,
    row.unitId,
    row.action,
    row.targetType,
    row.targetId,
    JSON.stringify(row.detail),
    row.ip,
    beforeId,
    afterId,
  ]);
}

/** Several rows in one statement (each call of audit_append sees the rows the calls before it added). */
export async function appendAuditRows(
  tx: Queryable,
  entries: readonly { actor: AuditActor | null; input: AuditInput }[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ actor, input }) => {
    const row = auditRow(actor, input);
    return { row, around: canonicalJsonAroundId(row) };
  });
  await tx.query(
    `SELECT audit_append(t.at, t.actor_id, t.actor_name, t.unit_id, t.action, t.target_type, t.target_id, t.detail,
            t.ip, t.before_id, t.after_id)
       FROM unnest($1::timestamptz[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                   $8::jsonb[], $9::text[], $10::text[], $11::text[]) WITH ORDINALITY
         AS t (at, actor_id, actor_name, unit_id, action, target_type, target_id, detail, ip, before_id, after_id, ord)
      ORDER BY t.ord`,
    [
      rows.map((r) => r.row.at),
      rows.map((r) => r.row.actorId),
      rows.map((r) => r.row.actorName),
      rows.map((r) => r.row.unitId),
      rows.map((r) => r.row.action),
      rows.map((r) => r.row.targetType),
      rows.map((r) => r.row.targetId),
      rows.map((r) => JSON.stringify(r.row.detail)),
      rows.map((r) => r.row.ip),
      rows.map((r) => r.around[0]),
      rows.map((r) => r.around[1]),
    ],
  );
}
