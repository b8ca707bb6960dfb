import type { z } from 'zod';
import type { TFoodModelBody, TFoodTierRow, ZFoodTierQuery } from '../../../contracts/food-tiers.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  defaultFoodRiskModel,
  type FoodRiskModel,
  foodRiskFacts,
  validateFoodModel,
} from '../../../domain/food-risk-model.ts';
import { assertPermitted, assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { foodBusinessKind, foodBusinessReach } from '../../food/access.ts';
import type { JobContext } from '../../jobs/runner.ts';
import { assertDistrictWide } from '../access.ts';
import * as repo from '../repos/tiers.ts';

/** Businesses per statement of a full recompute (PGlite runs on the main thread: smaller statements). */
const CHUNK = { pglite: 20_000, postgresql: 100_000 } as const;
export const TIERS_RECOMPUTE_JOB = 'food.tiers-recompute';

const toModel = (row: repo.ModelRow): FoodRiskModel => ({ ...row.body, version: row.version, name: row.name });

/** Every business, one set-based statement per id range; two ranges at a time on a PostgreSQL server. */
export async function recomputeAllTiers(
  db: Db,
  model: FoodRiskModel,
  today: string,
  opts: { progress?: JobContext['progress']; chunk?: number } = {},
) {
  const started = performance.now();
  const chunk = opts.chunk ?? CHUNK[db.kind];
  const parallel = db.kind === 'pglite' ? 1 : 2;
  const range = await repo.businessIdRange(db);
  const total = { computed: 0, updated: 0, tierChanged: 0 };
  if (range) {
    const starts = Array.from({ length: Math.ceil((range.hi - range.lo + 1) / chunk) }, (_, i) => range.lo + i * chunk);
    let next = 0;
    const worker = async () => {
      while (next < starts.length) {
        const from = starts[next++]!;
        const r = await repo.recompute(db, model, { from, to: from + chunk }, today);
        total.computed += r.computed;
        total.updated += r.updated;
        total.tierChanged += r.tierChanged;
        await opts.progress?.(total.computed, range.hi - range.lo + 1, `已分级 ${total.computed} 户`);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }
  return { ...total, modelVersion: model.version, seconds: (performance.now() - started) / 1000 };
}

export interface TierDeps {
  today: () => string;
}

export function createFoodTierService(db: Db, deps: TierDeps) {
  async function activeModel(): Promise<FoodRiskModel> {
    const row = await repo.activeModelRow(db);
    return row ? toModel(row) : defaultFoodRiskModel;
  }

  function view(row: repo.TierRow, model: FoodRiskModel, labels: Map<string, string>): TFoodTierRow {
    return {
      businessId: Number(row.businessId),
      entityId: Number(row.entityId),
      entityName: row.entityName,
      stationId: Number(row.stationId),
      stationName: row.stationName,
      inspectorName: row.inspectorName,
      tier: row.tier,
      score: row.score,
      factors: Object.entries(row.factors ?? {}).map(([code, points]) => ({
        code,
        label: labels.get(code) ?? model.indicators.find((i) => i.code === code)?.label ?? code,
        points,
      })),
      modelVersion: row.modelVersion,
      computedAt: row.computedAt,
    };
  }

  async function labelsOf(): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for (const m of [defaultFoodRiskModel, ...(await repo.listModels(db)).map(toModel)].reverse())
      for (const i of m.indicators) labels.set(i.code, i.label);
    return labels;
  }

  return {
    activeModel,

    recomputeAll: async (progress?: JobContext['progress']) =>
      recomputeAllTiers(db, await activeModel(), deps.today(), { progress }),

    /** Tiers the businesses of `ids` (the plan does this for a station's untiered businesses). */
    async recomputeIds(ids: number[]) {
      if (ids.length) await repo.recompute(db, await activeModel(), { ids }, deps.today());
    },

    async recompute(actor: Actor) {
      assertDistrictWide(actor, '重新分级');
      const result = await recomputeAllTiers(db, await activeModel(), deps.today());
      await appendAudit(db, actor, {
        action: 'food.tiers.recompute',
        targetType: 'foodRiskModel',
        targetId: result.modelVersion,
        detail: result,
      });
      return result;
    },

    async list(actor: Actor, q: z.infer<typeof ZFoodTierQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const after = decodeCursor(q.cursor)?.[0];
      const w = repo.tierWhere(actor, { ...q, afterId: typeof after === 'number' ? after : undefined });
      const [rows, model, labels] = await Promise.all([repo.listTiers(db, w, q.limit), activeModel(), labelsOf()]);
      const page = keysetPage(rows, q.limit, (r) => [Number(r.businessId)]);
      return { items: page.items.map((r) => view(r, model, labels)), nextCursor: page.nextCursor };
    },

    async counts(actor: Actor, q: { stationId?: number }) {
      assertPermitted(actor, foodBusinessKind, 'count');
      const rows = await repo.tierCounts(db, repo.tierWhere(actor, q));
      const out = { A: 0, B: 0, C: 0, D: 0, none: 0 };
      for (const r of rows) out[r.tier ?? 'none'] += r.n;
      return out;
    },

    async detail(actor: Actor, businessId: number) {
      const row = assertReadable(actor, foodBusinessKind, await repo.tierOf(db, businessId), (r) =>
        foodBusinessReach({ stationId: r.stationId, createdBy: r.createdBy, inspectorId: r.inspectorId }),
      );
      const [model, labels, history] = await Promise.all([activeModel(), labelsOf(), repo.tierHistory(db, businessId)]);
      return { ...view(row, model, labels), history };
    },

    async models(actor: Actor) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const rows = await repo.listModels(db);
      const models = rows.map((r) => ({
        ...toModel(r),
        active: r.active,
        note: r.note,
        createdAt: r.createdAt as string | null,
      }));
      if (!rows.some((r) => r.active))
        models.push({ ...defaultFoodRiskModel, active: true, note: '内置默认模型', createdAt: null });
      return {
        models,
        facts: Object.entries(foodRiskFacts).map(([fact, f]) => ({ fact, kind: f.kind, label: f.label })),
      };
    },

    /** Saves a new version (inactive). The built-in default is stored as version 1 first. */
    async createModel(actor: Actor, body: TFoodModelBody) {
      assertDistrictWide(actor, '分级模型');
      const { name, note, ...rest } = body;
      const problems = validateFoodModel({ name, ...rest });
      if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), problems);
      return db.transaction(async (tx) => {
        if ((await repo.listModels(tx)).length === 0) {
          const { version, name: n, ...def } = defaultFoodRiskModel;
          await repo.insertModel(tx, { version, name: n, body: def, note: '内置默认模型', createdBy: null });
          await repo.activateModel(tx, version);
        }
        const version = await repo.insertModel(tx, { name, body: rest, note: note ?? null, createdBy: actor.userId });
        await appendAudit(tx, actor, {
          action: 'food.tiers.model.create',
          targetType: 'foodRiskModel',
          targetId: version,
        });
        return { version };
      });
    },

    /** Makes a version active and recomputes every business under it. */
    async activate(actor: Actor, version: number) {
      assertDistrictWide(actor, '分级模型');
      const row = await repo.findModel(db, version);
      if (!row) throw notFound('分级模型版本');
      await db.transaction(async (tx) => {
        await repo.activateModel(tx, version);
        await appendAudit(tx, actor, {
          action: 'food.tiers.model.activate',
          targetType: 'foodRiskModel',
          targetId: version,
        });
      });
      return recomputeAllTiers(db, toModel(row), deps.today());
    },
  };
}

export type FoodTierService = ReturnType<typeof createFoodTierService>;
