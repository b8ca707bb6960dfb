import type { ZEquipmentSettingsBody, ZIntervalPatch } from '../../../contracts/equipment.ts';
import type { z } from '../../../contracts/zod.ts';
import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import * as repo from '../repos/settings.ts';
import { sweepInspectionStates } from '../repos/sweep.ts';

export const EQUIPMENT_SWEEP_JOB = 'equipment.sweep';

/** Intervals (data, with sources and the verify flag), the module's settings, and the nightly state sweep. */
export function createEquipmentSettings(db: Db, deps: { now?: () => Date } = {}) {
  return {
    async intervals(actor: Actor) {
      requirePermission(actor, 'equipment:read');
      return repo.intervals(db);
    },
    async updateInterval(actor: Actor, id: number, b: z.infer<typeof ZIntervalPatch>) {
      requirePermission(actor, 'equipment:settings');
      await db.transaction(async (tx) => {
        if (!(await repo.updateInterval(tx, id, b, actor.userId)))
          throw staleVersion('检验周期已被他人修改或不存在，请刷新');
        await appendAudit(tx, actor, {
          action: 'equipment.interval.update',
          targetType: 'equipment_interval',
          targetId: id,
          detail: { intervalMonths: b.intervalMonths, verify: b.verify },
        });
      });
      return (await repo.intervals(db)).find((r) => r.id === id)!;
    },
    async settings(actor: Actor) {
      requirePermission(actor, 'equipment:read');
      return repo.getSettings(db);
    },
    async updateSettings(actor: Actor, b: z.infer<typeof ZEquipmentSettingsBody>) {
      requirePermission(actor, 'equipment:settings');
      await db.transaction(async (tx) => {
        const { version, ...values } = b;
        if (!(await repo.updateSettings(tx, values, version, actor.userId))) throw staleVersion();
        await appendAudit(tx, actor, {
          action: 'equipment.settings.update',
          targetType: 'equipment_settings',
          detail: values,
        });
      });
      return repo.getSettings(db);
    },
    /** The nightly sweep (also run by hand from the settings page); one audit row with the counts. */
    async sweep(actor: Actor | null) {
      if (actor) requirePermission(actor, 'equipment:settings');
      const today = shanghaiToday(deps.now?.() ?? new Date());
      return db.transaction(async (tx) => {
        const s = await repo.getSettings(tx);
        const counts = await sweepInspectionStates(tx, today, s.dueNoticeMonths);
        await appendAudit(tx, actor, {
          action: 'equipment.sweep',
          targetType: 'equipment',
          detail: { today, ...counts },
        });
        return counts;
      });
    },
  };
}
export type EquipmentSettingsService = ReturnType<typeof createEquipmentSettings>;
