import type { z } from 'zod';
import type { ZProductCategoryBody } from '../../../contracts/product-quality.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import * as repo from '../repos/settings.ts';

/** The catalogues and rule values (routes require product:settings for writes); every change is audited. */
export function createProductSettingsService(db: Db) {
  const change = async (
    actor: Actor,
    action: string,
    target: string,
    detail: Record<string, unknown>,
    run: (tx: Db) => Promise<void>,
  ) => {
    await db.transaction(async (tx) => {
      await run(tx as Db);
      await appendAudit(tx, actor, {
        action: `productSettings.${action}`,
        targetType: 'productSettings',
        targetId: target,
        detail,
      });
    });
    return repo.loadSettings(db);
  };
  return {
    load: () => repo.loadSettings(db),
    saveCategory: (actor: Actor, code: string, b: z.infer<typeof ZProductCategoryBody>) =>
      change(actor, 'category', code, b, (tx) => repo.upsertCategory(tx, code, b)),
    setGrade: (actor: Actor, grade: string, intervalMonths: number) =>
      change(actor, 'grade', grade, { intervalMonths }, (tx) => repo.setGradeInterval(tx, grade, intervalMonths)),
    setRule: (actor: Actor, key: string, value: number) =>
      change(actor, 'rule', key, { value }, (tx) => repo.setRule(tx, key, value)),
  };
}
export type ProductSettingsService = ReturnType<typeof createProductSettingsService>;
