import type { Queryable } from '../../db/client.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import { type AuditFields, canonicalJsonAroundId } from '../../domain/audit-chain.ts';

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

/**
 * Appends one row inside the caller's transaction. audit_append (a database function) takes the chain's
 * advisory lock, reads the last hash, draws the id and inserts, in one round trip: the lock is held until the
 * caller commits, so every extra round trip under it would cap the writers per second of the whole system.
 * The hash is the one auditHash computes; only the id is filled in under the lock.
 */
export async function appendAudit(tx: Queryable, actor: AuditActor | null, input: AuditInput): Promise<void> {
  const row: Omit<AuditFields, 'id'> = {
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

export interface AuditRow extends AuditFields {
  prevHash: string;
  hash: string;
}

const auditColumns = `id, at, actor_id AS "actorId", actor_name AS "actorName", unit_id AS "unitId", action,
  target_type AS "targetType", target_id AS "targetId", detail, ip, prev_hash AS "prevHash", hash`;

/** Rows after `afterId` in chain order, up to `upToId` when given. */
export async function auditBatchAfter(
  db: Queryable,
  afterId: number,
  limit: number,
  upToId = Number.MAX_SAFE_INTEGER,
): Promise<AuditRow[]> {
  return db.query<AuditRow>(`SELECT ${auditColumns} FROM audit_log WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`, [
    afterId,
    upToId,
    limit,
  ]);
}

export async function chainHead(db: Queryable): Promise<{ id: number; hash: string } | undefined> {
  const [row] = await db.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  return row;
}

export async function auditHashOf(db: Queryable, id: number): Promise<string | undefined> {
  const [row] = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = $1', [id]);
  return row?.hash;
}

export interface CheckpointRow {
  id: number;
  at: string;
  auditId: number;
  auditHash: string;
  rowCount: number;
  reason: 'rows' | 'daily';
  mac: string;
}

const checkpointColumns = `id, at, audit_id AS "auditId", audit_hash AS "auditHash", row_count AS "rowCount", reason, mac`;

/** All checkpoints in chain order (a few thousand a year: one per AUDIT_CHECKPOINT_EVERY rows and one a day). */
export async function listCheckpoints(db: Queryable): Promise<CheckpointRow[]> {
  return db.query<CheckpointRow>(`SELECT ${checkpointColumns} FROM audit_checkpoints ORDER BY audit_id, id`);
}

export async function newestCheckpoints(db: Queryable, limit: number): Promise<CheckpointRow[]> {
  return db.query<CheckpointRow>(
    `SELECT ${checkpointColumns} FROM audit_checkpoints ORDER BY audit_id DESC, id DESC LIMIT $1`,
    [limit],
  );
}

/** Checkpoint writers in several processes take their own lock, never the chain's: appends are not held up. */
export async function lockCheckpoints(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7301116)');
}

export async function insertCheckpoint(tx: Queryable, cp: Omit<CheckpointRow, 'id'>): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO audit_checkpoints (at, audit_id, audit_hash, row_count, reason, mac)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [cp.at, cp.auditId, cp.auditHash, cp.rowCount, cp.reason, cp.mac],
  );
  return row!.id;
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

/** Several rows in one statement (each call of audit_append sees the rows the calls before it added). */
export async function appendAuditRows(
  tx: Queryable,
  entries: readonly { actor: AuditActor | null; input: AuditInput }[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ actor, input }) => {
    const row: Omit<AuditFields, 'id'> = {
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
