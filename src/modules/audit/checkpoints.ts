import { createSecretKey, timingSafeEqual } from 'node:crypto';
import type { TAuditVerify } from '../../contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { auditHash, checkpointMac, GENESIS_HASH } from '../../domain/audit-chain.ts';
import * as repo from './repo.ts';

type CheckpointReport = TAuditVerify['checkpoints'];
type Problem = CheckpointReport['problems'][number];

export interface CheckpointLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface AuditCheckpointDeps {
  /** AUDIT_KEY (or the key file's content): never stored in the database. */
  key: string;
  /** AUDIT_CHECKPOINT_EVERY: rows since the last checkpoint that make the unforced job write one. */
  every: number;
  log?: CheckpointLog;
  now?: () => Date;
}

export type CheckpointWriteResult =
  | { written: true; id: number; auditId: number; rowCount: number; at: string }
  | { written: false; pendingRows: number };

// Small batches: on PGlite each query and its hashing hold the one thread that also serves HTTP.
const WALK_BATCH = 500;
const RECENT = 20;
/** The daily job plus slack: an older newest checkpoint means the job did not run, or newer ones were deleted. */
const STALE_HOURS = 26;
const MAX_PROBLEMS = 20;

const shown = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const rowName = (id: number) => `第 ${id} 号记录`;

/**
 * Keyed checkpoints of the audit chain's head. The hash chain alone cannot show a deleted tail or a rewrite that
 * recomputes every later hash; a checkpoint signed with a key the database does not hold can. Written from a job
 * (never under the chain's lock), so the append path does not pay for them.
 */
export function createAuditCheckpoints(db: Db, deps: AuditCheckpointDeps) {
  const key = createSecretKey(Buffer.from(deps.key, 'utf8'));
  const now = deps.now ?? (() => new Date());
  /** The newest genuine checkpoint this process wrote or saw: its disappearance is tampering too. */
  let known: { id: number; auditId: number } | null = null;

  const genuine = (cp: repo.CheckpointRow) => {
    const expected = Buffer.from(checkpointMac(key, cp), 'hex');
    const stored = Buffer.from(cp.mac, 'hex');
    return stored.length === expected.length && timingSafeEqual(stored, expected);
  };
  const remember = (cp: { id: number; auditId: number }) => {
    if (!known || cp.auditId > known.auditId || (cp.auditId === known.auditId && cp.id > known.id)) known = cp;
  };

  async function newestGenuine(): Promise<repo.CheckpointRow | undefined> {
    const recent = await repo.newestCheckpoints(db, RECENT);
    const found = recent.find(genuine);
    if (found || recent.length < RECENT) return found;
    return (await repo.listCheckpoints(db)).filter(genuine).at(-1); // many forged ones on top: look at all
  }

  /** Re-walks the rows from the base checkpoint to the head, so a checkpoint never certifies a broken chain. */
  async function walkFrom(base: repo.CheckpointRow | undefined, headId: number) {
    const where = base ? `检查点 #${base.id}` : '链首';
    if (base && (await repo.auditHashOf(db, base.auditId)) !== base.auditHash)
      throw new Error(`${rowName(base.auditId)}已被删除或改写（检查点 #${base.id}），不写新检查点`);
    let last = { id: base?.auditId ?? 0, hash: base?.auditHash ?? GENESIS_HASH };
    let rowCount = base?.rowCount ?? 0;
    for (;;) {
      const rows = await repo.auditBatchAfter(db, last.id, WALK_BATCH, headId);
      for (const { prevHash, hash, ...fields } of rows) {
        if (prevHash !== last.hash || auditHash(last.hash, fields) !== hash)
          throw new Error(`审计链从${where}到${rowName(fields.id)}无法接上，不写新检查点`);
        last = { id: fields.id, hash };
        rowCount++;
      }
      if (rows.length < WALK_BATCH) return { ...last, rowCount };
    }
  }

  async function write(opts: { force: boolean }): Promise<CheckpointWriteResult> {
    const base = await newestGenuine();
    const head = await repo.chainHead(db);
    const fail = (message: string, detail: object): never => {
      deps.log?.error({ auditCheckpoint: detail }, message);
      throw new Error(message);
    };
    if (known && (!base || base.auditId < known.auditId))
      fail(`检查点 #${known.id}（覆盖到${rowName(known.auditId)}）已不在数据库中，不写新检查点`, { known });
    if (base && (!head || head.id < base.auditId)) {
      const tail = head ? `链尾只到${rowName(head.id)}` : '审计日志已空';
      fail(`审计链末端被删除：检查点 #${base.id} 覆盖到${rowName(base.auditId)}，${tail}`, { base, head });
    }
    if (!head) return { written: false, pendingRows: 0 };
    const pendingRows = head.id - (base?.auditId ?? 0);
    if (!opts.force && base && pendingRows < deps.every) return { written: false, pendingRows };

    const tip = await walkFrom(base, head.id).catch((err: Error) => fail(err.message, { base, head }));
    const at = now().toISOString();
    const fields = { at, auditId: tip.id, auditHash: tip.hash, rowCount: tip.rowCount };
    const cp = {
      ...fields,
      reason: opts.force ? ('daily' as const) : ('rows' as const),
      mac: checkpointMac(key, fields),
    };
    const id = await db.transaction(async (tx) => {
      await repo.lockCheckpoints(tx);
      // Another process may have written one meanwhile; a second at the same head adds nothing unless forced.
      const ahead = (await repo.newestCheckpoints(tx, RECENT)).some((c) => c.auditId >= cp.auditId && genuine(c));
      return ahead && !opts.force ? undefined : repo.insertCheckpoint(tx, cp);
    });
    if (id === undefined) return { written: false, pendingRows: 0 };
    remember({ id, auditId: cp.auditId });
    // A copy outside the database: a log shipper keeps what the database alone could lose (docs/AUDIT.md).
    deps.log?.info({ auditCheckpoint: { id, ...cp } }, 'audit checkpoint');
    return { written: true, id, auditId: cp.auditId, rowCount: cp.rowCount, at };
  }

  /**
   * The verify side: fed every row of the chain walk in order (`rows` = rows so far), it compares each genuine
   * checkpoint with the row it names; `finish` reports what is left (checkpoints past the head: a deleted tail).
   */
  async function checker() {
    const knownBefore = known; // taken before the list is read, so a checkpoint written meanwhile is no alarm
    const checkpoints = await repo.listCheckpoints(db);
    const problems: (Problem & { order: number })[] = [];
    const valid: repo.CheckpointRow[] = [];
    for (const cp of checkpoints) {
      if (genuine(cp)) valid.push(cp);
      else
        problems.push({
          checkpointId: cp.id,
          auditId: cp.auditId,
          order: cp.auditId,
          reason: `检查点 #${cp.id}（${shown(cp.at)}）签名无效：检查点被伪造或改动，或 AUDIT_KEY 已不是写入时的密钥`,
        });
    }
    const report = (cp: repo.CheckpointRow, reason: string) =>
      problems.push({
        checkpointId: cp.id,
        auditId: cp.auditId,
        order: cp.auditId,
        reason: `检查点 #${cp.id}${reason}`,
      });
    let next = 0;
    let lastMatched: number | null = null;

    return {
      row(id: number, hash: string, rows: number) {
        for (; next < valid.length && valid[next]!.auditId <= id; next++) {
          const cp = valid[next]!;
          if (cp.auditId < id) report(cp, ` 所记的${rowName(cp.auditId)}已不存在（记录被删除）`);
          else if (cp.auditHash !== hash) {
            const since = lastMatched === null ? '从链首' : `${rowName(lastMatched)}之后`;
            report(
              cp,
              ` 所记的${rowName(id)}哈希已改变：${since}到${rowName(id)}（含）之间有记录被改写，并重算了其后的哈希`,
            );
          } else if (cp.rowCount !== rows)
            report(cp, ` 写入时到${rowName(id)}共 ${cp.rowCount} 条记录，现在是 ${rows} 条（记录被删除或插入）`);
          else lastMatched = id;
        }
      },

      finish(head: { id: number; rows: number } | null): CheckpointReport & { warnings: string[] } {
        for (const cp of valid.slice(next))
          report(
            cp,
            `（${shown(cp.at)}）已覆盖到${rowName(cp.auditId)}（共 ${cp.rowCount} 条），` +
              `现在链尾只到${head ? rowName(head.id) : '空'}：审计链末端被删除`,
          );
        if (knownBefore && !valid.some((cp) => cp.id === knownBefore.id))
          problems.push({
            checkpointId: knownBefore.id,
            auditId: knownBefore.auditId,
            order: knownBefore.auditId,
            reason: `检查点 #${knownBefore.id}（覆盖到${rowName(knownBefore.auditId)}）已不在数据库中：检查点连同其后的记录被删除`,
          });
        const newest = valid.reduce<repo.CheckpointRow | undefined>(
          (a, b) => (!a || b.auditId > a.auditId || (b.auditId === a.auditId && b.id > a.id) ? b : a),
          undefined,
        );
        if (newest) remember(newest);
        const warnings: string[] = [];
        if (!newest)
          warnings.push('尚无有效的检查点：只校验了哈希链本身，删除末尾记录或整体重算哈希要到有检查点之后才能发现');
        else if (now().getTime() - new Date(newest.at).getTime() > STALE_HOURS * 3_600_000)
          warnings.push(
            `最新的检查点 #${newest.id} 写于 ${shown(newest.at)}，已超过 ${STALE_HOURS} 小时：` +
              '每日检查点任务没有运行，或更新的检查点连同记录被删除',
          );
        problems.sort((a, b) => a.order - b.order || a.checkpointId - b.checkpointId);
        return {
          ok: problems.length === 0,
          checked: checkpoints.length,
          newest: newest ? { id: newest.id, auditId: newest.auditId, rowCount: newest.rowCount, at: newest.at } : null,
          uncovered: head ? Math.max(0, head.rows - (newest?.rowCount ?? 0)) : 0,
          problems: problems.slice(0, MAX_PROBLEMS).map(({ order: _, ...p }) => p),
          problemCount: problems.length,
          warnings,
        };
      },
    };
  }

  return { write, checker };
}

export type AuditCheckpoints = ReturnType<typeof createAuditCheckpoints>;
