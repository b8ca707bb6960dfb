import type { TProductSample, TProductSampleFilter } from '../../../contracts/product-quality.ts';
import type { Db } from '../../../db/client.ts';
import { productSampleStatusLabels } from '../../../domain/product-sampling-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import { productSampleKind } from '../access.ts';
import type { ProductSampleService } from './samples.ts';

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
const conclusionLabels = { pass: '合格', fail: '不合格' } as const;
const roleLabels = { producer: '生产者', seller: '销售者' } as const;

const columns: ExportColumn<TProductSample>[] = [
  { header: '抽查单编号', width: 14, value: (r) => r.sampleNo },
  { header: '被抽查单位', width: 32, value: (r) => r.entityName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '身份', width: 8, value: (r) => roleLabels[r.partyRole] },
  { header: '管辖所', width: 16, value: (r) => r.stationName },
  { header: '产品类别', width: 18, value: (r) => r.categoryName },
  { header: '产品名称', width: 24, value: (r) => r.productName },
  { header: '型号规格', width: 16, value: (r) => r.model },
  { header: '批号', width: 14, value: (r) => r.batchNo },
  { header: '抽样日期', width: 12, kind: 'date', value: (r) => day(r.sampledOn) },
  { header: '检验机构', width: 24, value: (r) => r.labName },
  { header: '状态', width: 14, value: (r) => productSampleStatusLabels[r.status] },
  { header: '检验日期', width: 12, kind: 'date', value: (r) => day(r.testedOn) },
  { header: '报告编号', width: 18, value: (r) => r.reportNo },
  {
    header: '检验结论',
    width: 10,
    value: (r) => {
      const c = r.retestConclusion ?? r.conclusion;
      return c ? conclusionLabels[c] : '';
    },
  },
  { header: '不合格通知书', width: 22, value: (r) => r.noticeNo },
  { header: '异议/复检期限', width: 12, kind: 'date', value: (r) => day(r.objectionDueOn) },
  { header: '整改期限', width: 12, kind: 'date', value: (r) => day(r.rectifyDueOn) },
  { header: '案件线索', width: 16, value: (r) => r.caseLeadRef },
];

/** The samples list as an XLSX download: the list's filters and scope, by keyset, audited with the row count. */
export function createProductSampleExport(db: Db, samples: Pick<ProductSampleService, 'exportPage'>) {
  return {
    async export(actor: Actor, q: TProductSampleFilter) {
      assertPermitted(actor, productSampleKind, 'export');
      const rows = keysetBatches((beforeId, limit) => samples.exportPage(actor, q, beforeId, limit));
      const body = xlsxBody('监督抽查样品', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'productSample.export',
            targetType: 'productSample',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = shanghaiToday().replaceAll('-', '');
      return { filename: `监督抽查样品_${stamp}.xlsx`, ascii: `product-samples_${stamp}.xlsx`, body };
    },
  };
}
export type ProductSampleExport = ReturnType<typeof createProductSampleExport>;
