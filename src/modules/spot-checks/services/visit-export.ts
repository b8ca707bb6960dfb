import type { TVisitExportQuery, TVisitSummary } from '../../../contracts/spot-checks.ts';
import type { Db } from '../../../db/client.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import * as repo from '../repos/visits.ts';
import { visitSummary } from '../view.ts';

/** The visit list's query string as repo filters; the export applies exactly these. */
export const visitListFilter = (q: TVisitExportQuery, today: string): repo.VisitFilter => ({
  taskId: q.taskId,
  planId: q.planId,
  status: q.status,
  mine: q.mine === 'true',
  overdueOn: q.overdue === 'true' ? today : undefined,
  entityId: q.entityId,
});

const day = (d: string | null) => (d ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : null);

/** The visit list's columns (entities and staff only: no personal data to mask). */
const columns: ExportColumn<TVisitSummary>[] = [
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '市场主体名称', width: 36, value: (r) => r.entityName },
  { header: '管辖所', width: 18, value: (r) => r.stationName },
  { header: '检查状态', width: 12, value: (r) => r.statusLabel },
  { header: '检查日期', width: 12, kind: 'date', value: (r) => day(r.inspectedOn) },
  { header: '公示期限', width: 12, kind: 'date', value: (r) => day(r.publishDueOn) },
  { header: '是否超期', width: 10, value: (r) => (r.overdue ? '是' : '否') },
  {
    header: '检查人员',
    width: 30,
    value: (r) => r.inspectors.map((i) => `${i.name}（${i.departmentName}）`).join('、'),
  },
];

/** 检查 as an XLSX download: the list's filters and scope, streamed by keyset, audited with the row count. */
export function createVisitExport(db: Db, today: () => string) {
  return {
    async export(actor: Actor, q: TVisitExportQuery) {
      requirePermission(actor, 'spotcheck:read');
      const now = today();
      const filter = visitListFilter(q, now);
      const rows = keysetBatches(async (beforeId, limit) =>
        (await repo.listVisits(db, actor, { ...filter, beforeId }, limit)).map((r) => visitSummary(r, now)),
      );
      const body = xlsxBody('双随机抽查检查', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'spotcheck.visit.export',
            targetType: 'spotCheckVisit',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = now.replaceAll('-', '');
      return { filename: `抽查检查_${stamp}.xlsx`, ascii: `spot-check-visits_${stamp}.xlsx`, body };
    },
  };
}
