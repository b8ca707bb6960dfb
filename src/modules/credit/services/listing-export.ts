import type { TListing, TListingExportQuery } from '../../../contracts/credit.ts';
import type { Db } from '../../../db/client.ts';
import { listingStatusLabels } from '../../../domain/credit-workflow.ts';
import { readable } from '../../../platform/access.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import { listingKind } from '../access.ts';
import * as repo from '../repos/listings.ts';
import { toListing } from '../view.ts';

const lists: Record<string, string> = { abnormal: '经营异常名录', serious: '严重违法失信名单' };
const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The listing list's columns (entities only: no personal data to mask). */
const columns: ExportColumn<TListing>[] = [
  { header: '名录', width: 18, value: (r) => lists[r.list] ?? r.list },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '市场主体名称', width: 36, value: (r) => r.entityName },
  { header: '管辖所', width: 18, value: (r) => r.stationName },
  { header: '列入事由', width: 30, value: (r) => r.groundLabel },
  { header: '年报年度', width: 10, value: (r) => r.reportYear },
  {
    header: '状态',
    width: 10,
    value: (r) => listingStatusLabels[r.status as keyof typeof listingStatusLabels] ?? r.status,
  },
  { header: '列入日期', width: 12, kind: 'date', value: (r) => day(r.listedOn) },
  { header: '列入决定书文号', width: 26, value: (r) => r.decisionNo },
  { header: '移出日期', width: 12, kind: 'date', value: (r) => day(r.removedOn) },
  { header: '移出决定书文号', width: 26, value: (r) => r.removalDecisionNo },
];

/** 名录记录 as an XLSX download: the list's filters and scope, streamed by keyset, audited with the row count. */
export function createListingExport(db: Db) {
  return {
    async export(actor: Actor, q: TListingExportQuery) {
      requirePermission(actor, 'credit:read');
      const rows = keysetBatches(async (beforeId, limit) =>
        (await repo.listListings(db, readable(actor, listingKind), { ...q, beforeId }, limit)).map(toListing),
      );
      const body = xlsxBody('信用名录', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'credit.listing.export',
            targetType: 'listing',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
        .format(new Date())
        .replaceAll('-', '');
      return { filename: `信用名录_${stamp}.xlsx`, ascii: `credit-listings_${stamp}.xlsx`, body };
    },
  };
}
