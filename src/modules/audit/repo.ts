import type { Queryable } from '../../db/client.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import { type AuditFields, auditHash, GENESIS_HASH } from '../../domain/audit-chain.ts';

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

const AUDIT_CHAIN_LOCK = 7_301_115; // arbitrary constant key for pg_advisory_xact_lock

/**
 * Appends one row inside the caller's transaction. The advisory lock serialises writers across
 * processes so that each row's prev_hash is the previous committed row's hash.
 */
export async function appendAudit(tx: Queryable, actor: AuditActor | null, input: AuditInput): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const prevHash = last?.hash ?? GENESIS_HASH;
  const [{ id }] = (await tx.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id`,
  )) as [{ id: number }];
  const row: AuditFields = {
    id,
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
  await tx.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, unit_id, action, target_type, target_id, detail, ip, prev_hash, hash)
     OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      row.id,
      row.at,
      row.actorId,
      row.actorName,
      row.unitId,
      row.action,
      row.targetType,
      row.targetId,
      JSON.stringify(row.detail),
      row.ip,
      prevHash,
      auditHash(prevHash, row),
    ],
  );
}

export interface AuditRow extends AuditFields {
  prevHash: string;
  hash: string;
}

const auditColumns = `id, at, actor_id AS "actorId", actor_name AS "actorName", unit_id AS "unitId", action,
  target_type AS "targetType", target_id AS "targetId", detail, ip, prev_hash AS "prevHash", hash`;

export async function auditBatchAfter(db: Queryable, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.query<AuditRow>(`SELECT ${auditColumns} FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [
    afterId,
    limit,
  ]);
}

export interface AuditFilter {
  actorId?: number;
  unitId?: number;
  action?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  /** Restricts to units under this path (data scope), null = all. */
  unitPath: string | null;
  limit: number;
}

export async function listAudit(db: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  const w = new Where()
    .addIf(f.actorId, 'actor_id = ?')
    .addIf(f.unitId, 'unit_id = ?')
    .addIf(f.action && `${escapeLike(f.action)}%`, 'action LIKE ?')
    .addIf(f.from, 'at >= ?')
    .addIf(f.to, 'at < ?')
    .addIf(f.beforeId, 'id < ?')
    .addIf(f.unitPath && `${f.unitPath}%`, 'unit_id IN (SELECT id FROM org_units WHERE path LIKE ?)');
  const limit = w.param(f.limit);
  return db.query<AuditRow>(`SELECT ${auditColumns} FROM audit_log ${w} ORDER BY id DESC LIMIT ${limit}`, w.params);
}
