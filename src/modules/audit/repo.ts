import type { z } from 'zod';
import type { ZLoginLogEntry } from '../../contracts/audit.ts';
import type { Queryable } from '../../db/client.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import type { AuditFields } from '../../domain/audit-chain.ts';

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
  limit: number;
}

/** The caller's readable rows (access.ts readableWhere, bound to the caller by the service). */
export type Readable = (w: Where) => Where;

export async function listAudit(db: Queryable, readable: Readable, f: AuditFilter): Promise<AuditRow[]> {
  const w = readable(new Where())
    .addIf(f.actorId, 'a.actor_id = ?')
    .addIf(f.unitId, 'a.unit_id = ?')
    .addIf(f.action && `${escapeLike(f.action)}%`, 'a.action LIKE ?')
    .addIf(f.from, 'a.at >= ?')
    .addIf(f.to, 'a.at < ?')
    .addIf(f.beforeId, 'a.id < ?');
  const limit = w.param(f.limit);
  return db.query<AuditRow>(`SELECT ${auditColumns} FROM audit_log a ${w} ORDER BY a.id DESC LIMIT ${limit}`, w.params);
}

type LoginLogRow = z.infer<typeof ZLoginLogEntry>;

export interface LoginFilter {
  username?: string;
  result?: string;
  beforeId?: number;
  limit: number;
}

export async function listLogins(db: Queryable, readable: Readable, f: LoginFilter): Promise<LoginLogRow[]> {
  const w = readable(new Where())
    .addIf(f.username && `${escapeLike(f.username)}%`, 'l.username LIKE ?')
    .addIf(f.result, 'l.result = ?')
    .addIf(f.beforeId, 'l.id < ?');
  const limit = w.param(f.limit);
  return db.query<LoginLogRow>(
    `SELECT l.id, l.at, l.username, l.user_id AS "userId", l.ip, l.user_agent AS "userAgent", l.result
       FROM login_log l ${w} ORDER BY l.id DESC LIMIT ${limit}`,
    w.params,
  );
}

/** The chain's head id and its newest checkpoint (for the administrator's home card; no walk of the chain). */
export async function chainHeadAndCheckpoint(db: Queryable) {
  const [row] = await db.query<{ headId: number; checkpointAt: string | null; checkpointRows: number | null }>(
    `SELECT coalesce((SELECT max(id) FROM audit_log), 0)::bigint AS "headId",
            cp.at AS "checkpointAt", cp.row_count AS "checkpointRows"
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT at, row_count FROM audit_checkpoints ORDER BY audit_id DESC, id DESC LIMIT 1) cp ON true`,
  );
  return row!;
}
