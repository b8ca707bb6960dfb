import type { TFoodGradingRulesBody, TFoodGradingRulesVersion } from '../../contracts/food-rules.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { type FoodGradingConfig, foodGradingDefaults } from '../../domain/food-grading.ts';
import { assertDistrictWide } from '../../platform/access.ts';
import { type Actor, requirePermission } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { foodBusinessKind } from '../food/access.ts';
import * as repo from './repo.ts';

export interface ActiveGradingRules {
  /** null only before the migration seeded version 1 (never in a migrated database). */
  version: number | null;
  config: FoodGradingConfig;
}

const iso = (t: string) => new Date(t).toISOString();

/**
 * 量化分级规则, versioned: a new version is saved inactive, activation switches every later submission to it (past
 * inspections keep the version they were graded under, food_inspections.grading_rules_version). Editing needs
 * food:settings and the data scope `all` — the rules apply to the whole district (the tier model takes the same).
 */
export function createFoodRulesService(db: Db) {
  function assertEditor(actor: Actor) {
    requirePermission(actor, 'food:settings');
    assertDistrictWide(actor, foodBusinessKind, '量化分级规则');
  }

  /** Read per use, not cached: one indexed row, and another server process sees an activation at once. */
  async function active(q: Queryable = db): Promise<ActiveGradingRules> {
    return (await repo.activeRules(q)) ?? { version: null, config: foodGradingDefaults };
  }

  return {
    active,

    async list(actor: Actor): Promise<{ versions: TFoodGradingRulesVersion[] }> {
      requirePermission(actor, 'food:read');
      const rows = await repo.listRules(db);
      return {
        versions: rows.map((r) => ({
          ...r,
          createdAt: iso(r.createdAt),
          activatedAt: r.activatedAt ? iso(r.activatedAt) : null,
        })),
      };
    },

    async create(actor: Actor, body: TFoodGradingRulesBody): Promise<{ version: number }> {
      assertEditor(actor);
      return db.transaction(async (tx) => {
        await repo.lockRules(tx);
        const version = await repo.insertRules(tx, {
          name: body.name,
          note: body.note ?? null,
          config: body.config,
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'food.grading-rules.create',
          targetType: 'foodGradingRules',
          targetId: version,
          detail: { name: body.name, config: body.config },
        });
        return { version };
      });
    },

    async activate(actor: Actor, version: number): Promise<{ version: number; activatedAt: string }> {
      assertEditor(actor);
      return db.transaction(async (tx) => {
        await repo.lockRules(tx);
        const previous = (await repo.activeRules(tx))?.version ?? null;
        if (!(await repo.findRules(tx, version))) throw notFound('量化分级规则版本');
        const activatedAt = await repo.activateRules(tx, version, actor.userId);
        await appendAudit(tx, actor, {
          action: 'food.grading-rules.activate',
          targetType: 'foodGradingRules',
          targetId: version,
          detail: { previous },
        });
        return { version, activatedAt: iso(activatedAt) };
      });
    },
  };
}

export type FoodRulesService = ReturnType<typeof createFoodRulesService>;
