import type { z } from 'zod';
import type { TAuditVerify, ZAuditQuery, ZLoginLogQuery } from '../../contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, keysetPage, type Where } from '../../db/sql.ts';
import { auditHash, GENESIS_HASH } from '../../domain/audit-chain.ts';
import { readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { auditEntryResource, loginEntryResource } from './access.ts';
import type { AuditCheckpoints } from './checkpoints.ts';
import * as repo from './repo.ts';
import { toAuditEntry } from './view.ts';

const VERIFY_BATCH = 5_000;

type Broken = NonNullable<TAuditVerify['firstBroken']>;

export function createAuditService(db: Db, checkpoints: Pick<AuditCheckpoints, 'checker'>) {
  return {
    /**
     * Walks the whole chain in id order, recomputing each hash, and compares every keyed checkpoint with the row
     * it names. Reports the first row that does not fit and each checkpoint that no longer matches.
     */
    async verify(): Promise<TAuditVerify> {
      const check = await checkpoints.checker();
      let head: { id: number; hash: string } | null = null;
      let rows = 0;
      let checked = 0;
      let firstBroken: Broken | null = null;
      for (;;) {
        const batch = await repo.auditBatchAfter(db, head?.id ?? 0, VERIFY_BATCH);
        for (const row of batch) {
          const { prevHash: storedPrev, hash: storedHash, ...fields } = row;
          const prevHash = head?.hash ?? GENESIS_HASH;
          const expectedHash = auditHash(prevHash, fields);
          if (!firstBroken && storedPrev !== prevHash)
            firstBroken = {
              id: row.id,
              reason: '前一条记录的哈希不匹配（记录被删除或插入）',
              expectedHash,
              storedHash,
            };
          else if (!firstBroken && storedHash !== expectedHash)
            firstBroken = { id: row.id, reason: '记录内容与哈希不符（记录被篡改）', expectedHash, storedHash };
          if (!firstBroken) checked++;
          // Past a break the walk goes on from the stored hashes: the checkpoints further on are still compared.
          head = { id: row.id, hash: storedHash };
          rows++;
          check.row(row.id, storedHash, rows);
        }
        if (batch.length < VERIFY_BATCH) break;
      }
      const { warnings, ...report } = check.finish(head && { ...head, rows });
      return {
        ok: !firstBroken && report.ok,
        checked,
        head: head && { ...head, rows },
        firstBroken,
        checkpoints: report,
        warnings,
      };
    },

    async list(actor: Actor, q: z.infer<typeof ZAuditQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const readable = (w: Where) => readableWhere(actor, auditEntryResource, w);
      const rows = await repo.listAudit(db, readable, { ...q, beforeId, limit: q.limit + 1 });
      return keysetPage(rows.map(toAuditEntry), q.limit, (r) => [r.id]);
    },

    async loginLog(actor: Actor, q: z.infer<typeof ZLoginLogQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const readable = (w: Where) => readableWhere(actor, loginEntryResource, w);
      const rows = await repo.listLogins(db, readable, { ...q, beforeId, limit: q.limit + 1 });
      return keysetPage(rows, q.limit, (r) => [r.id]);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
