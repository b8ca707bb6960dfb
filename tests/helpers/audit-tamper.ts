import assert from 'node:assert/strict';
import type { Db } from '../../src/db/client.ts';
import { canonicalJson } from '../../src/domain/audit-chain.ts';
import { enqueue } from '../../src/modules/jobs/repo.ts';
import type { ApiClient, TestApp } from './test-app.ts';

/** Runs the checkpoint job as the scheduler would (`force`: the daily one, written even if few rows are new). */
export async function checkpoint(app: TestApp, force = true): Promise<CheckpointJob> {
  const id = await enqueue(app.testDb.db, { kind: 'audit.checkpoint', payload: { force }, maxAttempts: 1 });
  await app.services.jobRunner.drain();
  const [job] = await app.testDb.db.query<CheckpointJob>('SELECT status, result, error FROM jobs WHERE id = $1', [id]);
  return job!;
}

export interface CheckpointJob {
  status: string;
  result: { written: boolean; pendingRows?: number; auditId?: number } | null;
  error: string | null;
}

/** Audited writes: one calendar override (and one audit row) per day given. */
export async function writeRows(client: ApiClient, days: string[]): Promise<void> {
  for (const day of days) {
    const res = await client.put(`/api/v1/calendar/overrides/${day}`, { kind: 'holiday', name: '测试' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
}

export async function newestIds(db: Db, n: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id DESC LIMIT $1', [n]);
  return rows.map((r) => r.id);
}

/**
 * What someone with database access but without AUDIT_KEY can do: change one row and recompute every later
 * hash with the formula of the SQL function audit_append, so the chain itself verifies again.
 */
export async function rewriteAndRehash(db: Db, victimId: number, detail: unknown): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<Record<string, unknown> & { id: number; prev_hash: string }>(
      `SELECT id, at, actor_id AS "actorId", actor_name AS "actorName", unit_id AS "unitId", action,
              target_type AS "targetType", target_id AS "targetId", detail, ip, prev_hash
         FROM audit_log WHERE id >= $1 ORDER BY id`,
      [victimId],
    );
    let prev = rows[0]!.prev_hash;
    for (const { prev_hash: _, ...row } of rows) {
      const fields = {
        ...row,
        at: new Date(row.at as string).toISOString(),
        ...(row.id === victimId ? { detail } : {}),
      };
      const [{ hash }] = (await tx.query<{ hash: string }>(
        `UPDATE audit_log SET detail = $2, prev_hash = $3,
                hash = encode(sha256(convert_to($3 || E'\\n' || $4, 'UTF8')), 'hex')
          WHERE id = $1 RETURNING hash`,
        [row.id, JSON.stringify(fields.detail), prev, canonicalJson(fields)],
      )) as [{ hash: string }];
      prev = hash;
    }
  });
}
