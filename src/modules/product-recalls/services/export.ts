import type { TRecallExportQuery } from '../../../contracts/product-recalls.ts';
import type { Db } from '../../../db/client.ts';
import { type RecallStatus, recallStatusLabels } from '../../../domain/product-recall-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import { productRecallKind } from '../access.ts';
import { listRecalls, type RecallRow } from '../repos/recalls.ts';

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

const columns: ExportColumn<RecallRow>[] = [
  { header: '产品名称', width: 28, value: (r) => r.productName },
  { header: '生产者', width: 32, value: (r) => r.entityName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '管辖所', width: 16, value: (r) => r.stationName },
  { header: '召回批次', width: 24, value: (r) => r.batches },
  { header: '缺陷情况', width: 36, value: (r) => r.defect },
  { header: '召回数量', width: 10, value: (r) => r.quantity },
  { header: '已召回数量', width: 10, value: (r) => r.recovered },
  { header: '计划备案日期', width: 12, kind: 'date', value: (r) => day(r.planFiledOn) },
  { header: '状态', width: 14, value: (r) => recallStatusLabels[r.status as RecallStatus] ?? r.status },
  { header: '完成日期', width: 12, kind: 'date', value: (r) => day(r.completedOn) },
  { header: '公示日期', width: 12, kind: 'date', value: (r) => day(r.publishedOn) },
];

/** The recall list as an XLSX download: the list's filters and scope, by keyset, audited with the row count. */
export function createRecallExport(db: Db, deps: { now?: () => Date } = {}) {
  return {
    export(actor: Actor, q: TRecallExportQuery) {
      assertPermitted(actor, productRecallKind, 'export');
      // The list's repo query reads one row past the limit (to know there is a next page); a batch is `limit` rows.
      const rows = keysetBatches(async (beforeId, limit) =>
        (await listRecalls(db, actor, q, { afterId: beforeId, limit })).slice(0, limit),
      );
      const body = xlsxBody('缺陷产品召回', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'productRecall.export',
            targetType: 'productRecall',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = shanghaiToday(deps.now?.() ?? new Date()).replaceAll('-', '');
      return { filename: `缺陷产品召回_${stamp}.xlsx`, ascii: `product_recalls_${stamp}.xlsx`, body };
    },
  };
}
export type RecallExport = ReturnType<typeof createRecallExport>;
