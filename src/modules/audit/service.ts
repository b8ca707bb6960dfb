import type { z } from 'zod';
import type { TAuditVerify, ZAuditQuery, ZLoginLogEntry, ZLoginLogQuery } from '../../contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, escapeLike, keysetPage, Where } from '../../db/sql.ts';
import { auditHash, GENESIS_HASH } from '../../domain/audit-chain.ts';
import { type Actor, scopeUnitPath } from '../../server/actor.ts';
import * as repo from './repo.ts';

const VERIFY_BATCH = 5_000;

export function createAuditService(db: Db) {
  return {
    /** Walks the chain in id order, recomputing each hash; reports the first row that does not fit. */
    async verify(): Promise<TAuditVerify> {
      let prevHash = GENESIS_HASH;
      let afterId = 0;
      let checked = 0;
      for (;;) {
        const rows = await repo.auditBatchAfter(db, afterId, VERIFY_BATCH);
        for (const row of rows) {
          const { prevHash: storedPrev, hash: storedHash, ...fields } = row;
          const expectedHash = auditHash(prevHash, fields);
          if (storedPrev !== prevHash) {
            return {
              ok: false,
              checked,
              firstBroken: {
                id: row.id,
                reason: '前一条记录的哈希不匹配（记录被删除或插入）',
                expectedHash,
                storedHash,
              },
            };
          }
          if (storedHash !== expectedHash) {
            return {
              ok: false,
              checked,
              firstBroken: { id: row.id, reason: '记录内容与哈希不符（记录被篡改）', expectedHash, storedHash },
            };
          }
          prevHash = storedHash;
          checked++;
        }
        if (rows.length < VERIFY_BATCH) return { ok: true, checked, firstBroken: null };
        afterId = rows.at(-1)!.id;
      }
    },

    async list(actor: Actor, q: z.infer<typeof ZAuditQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const rows = await repo.listAudit(db, { ...q, beforeId, unitPath: scopeUnitPath(actor), limit: q.limit + 1 });
      return keysetPage(
        rows.map(({ prevHash: _, ...r }) => r),
        q.limit,
        (r) => [r.id],
      );
    },

    async loginLog(actor: Actor, q: z.infer<typeof ZLoginLogQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const unitPath = scopeUnitPath(actor);
      const w = new Where()
        .addIf(q.username && `${escapeLike(q.username)}%`, 'username LIKE ?')
        .addIf(q.result, 'result = ?')
        .addIf(beforeId, 'id < ?')
        .addIf(unitPath && `${unitPath}%`, 'unit_id IN (SELECT id FROM org_units WHERE path LIKE ?)');
      const limit = w.param(q.limit + 1);
      const rows = await db.query<z.infer<typeof ZLoginLogEntry>>(
        `SELECT id, at, username, user_id AS "userId", ip, user_agent AS "userAgent", result
           FROM login_log ${w} ORDER BY id DESC LIMIT ${limit}`,
        w.params,
      );
      return keysetPage(rows, q.limit, (r) => [r.id]);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
