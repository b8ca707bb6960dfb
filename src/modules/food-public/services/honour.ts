import type { z } from 'zod';
import type {
  THonourList,
  THonourListDetail,
  THonourMonthStatus,
  ZHonourDraftBody,
  ZHonourListQuery,
} from '../../../contracts/food-public.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  classify,
  defaultHonourRules,
  type HonourAction,
  type HonourRules,
  type HonourStatus,
  honourStatusLabels,
  honourTransitions,
  honourWindow,
} from '../../../domain/food-honour.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPlaceable, assertReadable, assertWritable, readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { conflict, forbidden, notFound, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import { honourListKind, honourListReach, honourStationReach } from '../access.ts';
import * as repo from '../repos/honour.ts';

/**
 * The hook through which sampling results (抽检不合格, another part of issue 13, its own table) reach the 黑榜:
 * 不合格 batches per business of the station in the window. Until the sampling module registers one, none.
 */
export type SamplingFailures = (
  db: Queryable,
  p: { stationId: number; from: string; to: string },
) => Promise<Map<number, number>>;
export const noSamplingFailures: SamplingFailures = async () => new Map();

export interface HonourDeps {
  rules?: HonourRules;
  samplingFailures?: SamplingFailures;
  now?: () => Date;
}

const audit = (action: HonourAction, id: number, detail: Record<string, unknown>) => ({
  action: `food.honour.${action}`,
  targetType: 'food-honour-list',
  targetId: id,
  detail,
});

function toList(r: repo.HonourListRow): THonourList {
  const { draftedBy: _d, ...rest } = r;
  return { ...rest, statusLabel: honourStatusLabels[r.status] };
}

/** The chief's acts (remove, approve, publish, withdraw) need food:approve besides a writable list. */
function assertApprover(actor: Actor) {
  if (!actor.permissions.has('food:approve')) throw forbidden('缺少权限：food:approve（红黑榜须由所长审核发布）');
}

/** The last full month before today (Asia/Shanghai), YYYY-MM: the month a list is usually drafted for. */
export function lastMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

export function createHonourService(db: Db, deps: HonourDeps = {}) {
  const rules = deps.rules ?? defaultHonourRules;
  const sampling = deps.samplingFailures ?? noSamplingFailures;
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function loadWritable(actor: Actor, id: number, lock: Queryable = db) {
    const row = await repo.listById(lock, id, lock !== db);
    return assertWritable(actor, honourListKind, row, honourListReach);
  }

  async function detail(id: number, q: Queryable = db): Promise<THonourListDetail> {
    const row = (await repo.listById(q, id))!;
    const entries = await repo.entriesOf(q, [id]);
    return { ...toList(row), entries: entries.map(({ listId: _l, ...e }) => e) };
  }

  /** Drafts the lines of one station's list from the rules; inside the drafting transaction. */
  async function draftEntries(tx: Queryable, stationId: number, month: string) {
    const window = honourWindow(`${month}-01`, rules.windowMonths);
    const facts = await repo.honourFacts(tx, { stationId, ...window, rules });
    const sampled = await sampling(tx, { stationId, ...window });
    const ids = new Set([...facts.map((f) => f.businessId), ...sampled.keys()]);
    const byId = new Map(facts.map((f) => [f.businessId, f]));
    const entries = [];
    for (const businessId of ids) {
      const f = byId.get(businessId) ?? { businessId, grade: null, fails: 0, seriousFails: 0, workshop: false };
      const verdict = classify({ ...f, samplingFailures: sampled.get(businessId) ?? 0 }, rules);
      if (!verdict) continue;
      const segment = rules.workshopsApart && f.workshop ? 'workshop' : 'business';
      entries.push({ businessId, board: verdict.board, segment, grade: f.grade, reasons: verdict.reasons });
    }
    return entries;
  }

  async function step(
    actor: Actor,
    id: number,
    action: Exclude<HonourAction, 'draft' | 'removeEntry'>,
    body: { version: number; reason?: string },
  ): Promise<THonourListDetail> {
    assertApprover(actor);
    return db.transaction(async (tx) => {
      const row = await loadWritable(actor, id, tx);
      const t = allowTransition(honourTransitions, action, row.status, honourStatusLabels, { reason: body.reason });
      await recordTransition(tx, actor, {
        change: () =>
          repo.setStatus(tx, {
            id,
            version: body.version,
            status: t.to as HonourStatus,
            actorId: actor.userId,
            reason: body.reason,
          }),
        event: async () => {},
        audit: audit(action, id, {
          stationId: row.stationId,
          month: row.month,
          from: row.status,
          to: t.to,
          reason: body.reason,
        }),
      });
      return detail(id, tx);
    });
  }

  return {
    rules,

    async list(actor: Actor, q: z.infer<typeof ZHonourListQuery>) {
      const w = readable(actor, honourListKind);
      w.addIf(q.stationId, 'hl.station_id = ?');
      w.addIf(q.status, 'hl.status = ?');
      const [before] = decodeCursor(q.cursor) ?? [];
      if (q.cursor && !Number.isSafeInteger(before)) throw validation('cursor', '分页游标无效，请从第一页重新查询');
      const rows = await repo.listLists(db, w, before as number | undefined, q.limit + 1);
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toList), nextCursor: page.nextCursor };
    },

    /** 各所本月状态: every station in reach with its live list of the month (default last month), if any. */
    async monthStatus(actor: Actor, q: { month?: string }): Promise<THonourMonthStatus> {
      const latestMonth = lastMonth(today());
      const month = q.month ?? latestMonth;
      if (month > latestMonth) throw validation('month', '只能查看已结束的月份');
      const rows = await repo.stationsOfMonth(db, { month, stationIds: honourStationReach(actor) });
      return {
        month,
        latestMonth,
        stations: rows.map((r) => ({
          ...r,
          status: r.status ?? 'none',
          statusLabel: r.status ? honourStatusLabels[r.status] : '未生成',
        })),
      };
    },

    async get(actor: Actor, id: number): Promise<THonourListDetail> {
      assertReadable(actor, honourListKind, await repo.listById(db, id), honourListReach);
      return detail(id);
    },

    /** 生成草稿: one list per station and month, for a month that has ended. */
    async draft(actor: Actor, body: z.infer<typeof ZHonourDraftBody>): Promise<THonourListDetail> {
      assertPlaceable(actor, honourListKind, body.stationId);
      if (!(await repo.stationName(db, body.stationId))) throw validation('stationId', '监管所不存在');
      if (`${body.month}-01` > lastMonthStart(today())) throw validation('month', '只能为已结束的月份生成红黑榜');
      return db.transaction(async (tx) => {
        if (await repo.liveListOf(tx, body.stationId, body.month))
          throw conflict('该监管所该月的红黑榜已存在（撤回后方可重新生成）', [{ path: 'month', message: '已存在' }]);
        allowTransition(honourTransitions, 'draft', null, honourStatusLabels);
        const id = await repo.insertList(tx, { ...body, rules, draftedBy: actor.userId });
        const entries = await draftEntries(tx, body.stationId, body.month);
        await repo.insertEntries(tx, id, entries);
        const counted = (board: string) => entries.filter((e) => e.board === board).length;
        await appendAudit(
          tx,
          actor,
          audit('draft', id, {
            stationId: body.stationId,
            month: body.month,
            red: counted('red'),
            black: counted('black'),
          }),
        );
        return detail(id, tx);
      });
    },

    /** 移出名单 with a reason (the chief's review), while the list is a draft. */
    async removeEntry(
      actor: Actor,
      p: { id: number; entryId: number },
      body: { version: number; reason: string },
    ): Promise<THonourListDetail> {
      assertApprover(actor);
      return db.transaction(async (tx) => {
        const row = await loadWritable(actor, p.id, tx);
        allowTransition(honourTransitions, 'removeEntry', row.status, honourStatusLabels, { reason: body.reason });
        await recordTransition(tx, actor, {
          change: () => repo.bumpVersion(tx, p.id, body.version),
          event: async () => {
            const ok = await repo.removeEntry(tx, {
              listId: p.id,
              entryId: p.entryId,
              reason: body.reason,
              actorId: actor.userId,
            });
            if (!ok) throw notFound('名单条目');
          },
          audit: audit('removeEntry', p.id, { entryId: p.entryId, reason: body.reason }),
        });
        return detail(p.id, tx);
      });
    },

    approve: (actor: Actor, id: number, body: { version: number }) => step(actor, id, 'approve', body),
    publish: (actor: Actor, id: number, body: { version: number }) => step(actor, id, 'publish', body),
    withdraw: (actor: Actor, id: number, body: { version: number; reason: string }) =>
      step(actor, id, 'withdraw', body),

    /** For the demo: a list drafted, approved and published by the system in one go (no HTTP actor). */
    draftEntries,
  };
}

const lastMonthStart = (today: string) => `${lastMonth(today)}-01`;

export type HonourService = ReturnType<typeof createHonourService>;
