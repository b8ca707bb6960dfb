import type { z } from 'zod';
import type { ZAnnualReportBody } from '../../../contracts/credit.ts';
import type { Db } from '../../../db/client.ts';
import { mustReport } from '../../../domain/credit-rules.ts';
import { canRead } from '../../../platform/access.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { entityReach } from '../../entities/access.ts';
import * as repo from '../repos/reports.ts';
import { queueRecompute } from '../repos/risk.ts';
import type { CreditDeps } from './deps.ts';

/**
 * 年报 filings, entered or imported in bulk: all rows valid or nothing is written. A filing is recorded for an
 * entity the caller may read (the entity's readability, as on its credit page).
 */
export function createReportService(db: Db, deps: Pick<CreditDeps, 'today' | 'afterQueue'>) {
  return {
    async record(actor: Actor, body: z.infer<typeof ZAnnualReportBody>, source: 'entered' | 'import' = 'entered') {
      requirePermission(actor, 'credit:write');
      const today = deps.today();
      const found = await repo.entitiesFor(
        db,
        body.items.flatMap((i) => (i.entityId ? [i.entityId] : [])),
        body.items.flatMap((i) => (i.uscc ? [i.uscc] : [])),
      );
      const byId = new Map(found.map((e) => [e.id, e]));
      const byUscc = new Map(found.map((e) => [e.uscc, e]));
      const errors: FieldError[] = [];
      const rows = body.items.flatMap((item, i) => {
        const at = (f: string, message: string): [] => {
          errors.push({ path: `items.${i}.${f}`, message });
          return [];
        };
        const e = item.entityId ? byId.get(item.entityId) : byUscc.get(item.uscc!);
        if (!e || !canRead(actor, entityReach(e)))
          return at(item.entityId ? 'entityId' : 'uscc', '登记库中（本单位范围内）未找到该市场主体');
        if (!mustReport(e.establishedOn, item.reportYear))
          return at('reportYear', `该主体成立于${e.establishedOn}，无需报送${item.reportYear}年度报告`);
        if (item.filedOn <= `${item.reportYear}-12-31`)
          return at('filedOn', `${item.reportYear}年度报告应在次年1月1日起报送`);
        if (item.filedOn > today) return at('filedOn', '报送日期不能晚于今天');
        return [{ entityId: e.id, reportYear: item.reportYear, filedOn: item.filedOn }];
      });
      if (errors.length)
        throw new AppError(
          'VALIDATION',
          `第 ${errors[0]!.path.split('.')[1]} 行：${errors[0]!.message}（共 ${errors.length} 处错误）`,
          errors,
        );
      const written = await db.transaction(async (tx) => {
        const ids = await repo.insertReports(tx, rows, source, actor.userId);
        await queueRecompute(tx, ids, 'annualReportFiled');
        await appendAudit(tx, actor, {
          action: 'credit.annualReport.record',
          detail: { rows: rows.length, written: ids.length, source },
        });
        return ids.length;
      });
      await deps.afterQueue();
      return { recorded: written, unchanged: rows.length - written };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
