import type { z } from 'zod';
import type {
  TDrugDaily,
  TDrugSaleSettings,
  ZDrugSaleAlertQuery,
  ZDrugSaleSettingsBody,
  ZDrugWatchListBody,
} from '../../../contracts/drug-sales.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { addDays, saleAlertStatuses, saleAlertWorkflow, saleSpikes } from '../../../domain/drug-sales.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, unitsInReach } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import { notify } from '../../notifications/published.ts';
import { drugSaleKind } from '../access.ts';
import * as daily from '../repos/daily.ts';
import * as repo from '../repos/sales.ts';
import * as settingsRepo from '../repos/settings.ts';
import { toAlert } from '../view.ts';

const PURGE_BATCH = 10_000;

/** Settings and the watch list (drug:settings), daily counts, the spike run, alerts, retention purge. */
export function createDrugSaleMonitoring(db: Db, deps: { now?: () => Date } = {}) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  return {
    watchList: () => settingsRepo.watchList(db),

    async replaceWatchList(actor: Actor, body: z.infer<typeof ZDrugWatchListBody>) {
      const names = new Set<string>();
      body.items.forEach((i, n) => {
        if (names.has(i.name)) throw validation(`items.${n}.name`, `药品“${i.name}”重复`);
        names.add(i.name);
      });
      await db.transaction(async (tx) => {
        await settingsRepo.replaceWatchList(tx, body.items);
        await appendAudit(tx, actor, {
          action: 'drug.watchList.update',
          detail: { items: body.items.length, classes: [...new Set(body.items.map((i) => i.drugClass))] },
        });
      });
      return settingsRepo.watchList(db);
    },

    settings: (): Promise<TDrugSaleSettings> => settingsRepo.settings(db),

    async updateSettings(actor: Actor, body: z.infer<typeof ZDrugSaleSettingsBody>) {
      if (body.liaisonUserId !== null && !(await settingsRepo.activeUserExists(db, body.liaisonUserId)))
        throw validation('liaisonUserId', '卫健联络人不是有效的在用账号');
      await db.transaction(async (tx) => {
        if (!(await settingsRepo.updateSettings(tx, { ...body, by: actor.userId }))) throw staleVersion();
        await appendAudit(tx, actor, { action: 'drug.saleSettings.update', detail: { ...body } });
      });
      return settingsRepo.settings(db);
    },

    /** Counts per day and class and per township over [from, to], from the rollup, within the caller's units. */
    async daily(actor: Actor, from: string, to: string): Promise<TDrugDaily> {
      assertPermitted(actor, drugSaleKind, 'list');
      if (from > to) throw validation('from', '开始日期不能晚于结束日期');
      if (addDays(from, 366) < to) throw validation('to', '统计区间不能超过一年');
      const units = unitsInReach(actor);
      const [days, townships] = await Promise.all([
        daily.dailyByClass(db, units, from, to),
        daily.byTownship(db, units, from, to),
      ]);
      return { days, townships };
    },

    /**
     * The spike run (hourly): `day` (today by default) per class and township against the baseline days before it,
     * district-wide from the rollup; each new alert notifies the health liaison, once per day, class and township.
     */
    async detect(day = today()) {
      const s = await settingsRepo.settings(db);
      const rows = await daily.detectionRows(db, addDays(day, -s.baselineDays), day);
      const spikes = saleSpikes(rows, day, { k: s.spikeK, minCount: s.spikeMinCount, baselineDays: s.baselineDays });
      let alerted = 0;
      for (const sp of spikes) {
        const townshipName = await daily.townshipName(db, sp.townshipCode);
        await db.transaction(async (tx) => {
          const id = await daily.insertAlert(tx, { ...sp, townshipName });
          if (id === undefined) return;
          alerted++;
          await appendAudit(tx, null, {
            action: 'drug.sale.spike',
            targetType: 'drugSaleAlert',
            targetId: id,
            detail: { day, drugClass: sp.drugClass, townshipCode: sp.townshipCode, observed: sp.observed },
          });
          if (s.liaisonUserId !== null)
            await notify(tx, {
              userIds: [s.liaisonUserId],
              kind: 'alert',
              title: `${townshipName}${sp.drugClass}药品销售异常：${day} 登记 ${sp.observed} 人次（前${s.baselineDays}日日均 ${sp.expected}）`,
              link: `/drugs/sales?alert=${id}`,
              subjectType: 'drugSaleAlert',
              subjectId: id,
              dedupeKey: `drug-spike:${id}`,
            });
        });
      }
      return { spikes: spikes.length, alerted };
    },

    async alerts(actor: Actor, q: z.infer<typeof ZDrugSaleAlertQuery>) {
      assertPermitted(actor, drugSaleKind, 'list');
      const after = decodeCursor(q.cursor);
      const rows = await daily.listAlerts(db, {
        status: q.status,
        afterId: after ? Number(after[0]) : undefined,
        limit: q.limit,
      });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toAlert), nextCursor: page.nextCursor };
    },

    /** The liaison or drug:write staff record what was done; one transition with its audit row. */
    async handleAlert(actor: Actor, id: number, body: { note: string; version: number }) {
      const s = await settingsRepo.settings(db);
      if (actor.userId !== s.liaisonUserId) assertPermitted(actor, drugSaleKind, 'write');
      const row = await daily.getAlert(db, id);
      if (!row) throw notFound('药品销售异常预警');
      const t = allowTransition(saleAlertWorkflow, 'handle', row.status, saleAlertStatuses, { note: body.note });
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () => daily.handleAlert(tx, { id, version: body.version, note: body.note, by: actor.userId }),
          event: async () => {},
          audit: {
            action: 'drug.saleAlert.handle',
            targetType: 'drugSaleAlert',
            targetId: id,
            detail: { from: row.status, to: t.to, note: body.note },
          },
        }),
      );
      return toAlert((await daily.getAlert(db, id))!);
    },

    /** Deletes registrations older than the retention period in batches (the rollup keeps the counts). */
    async purge() {
      const s = await settingsRepo.settings(db);
      const before = addDays(today(), -s.retentionDays);
      let deleted = 0;
      for (;;) {
        const n = await db.transaction((tx) => repo.purgeBatch(tx, before, PURGE_BATCH));
        deleted += n;
        if (n < PURGE_BATCH) break;
      }
      if (deleted)
        await db.transaction((tx) =>
          appendAudit(tx, null, {
            action: 'drug.sale.purge',
            detail: { before, deleted, retentionDays: s.retentionDays },
          }),
        );
      return { deleted, before };
    },

    /** Nightly repair: recount the rollup of the last few days from the registrations still kept. */
    rebuildRollup: (from = addDays(today(), -3)) => db.transaction((tx) => daily.rebuildDaily(tx, from)),
  };
}
export type DrugSaleMonitoring = ReturnType<typeof createDrugSaleMonitoring>;
