import type { TComplaintExportQuery } from '../../../contracts/complaints.ts';
import type { Db } from '../../../db/client.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import * as repo from '../repos/complaints.ts';
import { toSummary } from '../view.ts';
import { complaintFilter } from './filter.ts';

type Summary = ReturnType<typeof toSummary>;

const kinds: Record<string, string> = { complaint: '投诉', report: '举报', inquiry: '咨询' };
const channels: Record<string, string> = {
  phone: '电话',
  letter: '来信',
  visit: '来访',
  web: '网站',
  portal: '网站',
  open311: '全国12315平台',
};
const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The queue's columns; the complainant's name and phone masked exactly as the list shows them (toSummary). */
const columns: ExportColumn<Summary>[] = [
  { header: '登记编号', width: 20, value: (r) => r.trackingCode },
  { header: '类型', width: 8, value: (r) => kinds[r.kind] ?? r.kind },
  { header: '渠道', width: 12, value: (r) => channels[r.channel] ?? r.channel },
  { header: '状态', width: 12, value: (r) => r.statusLabel },
  { header: '登记日期', width: 12, kind: 'date', value: (r) => day(r.receivedOn) },
  { header: '承办单位', width: 18, value: (r) => r.stationName },
  { header: '投诉举报人（脱敏）', width: 14, value: (r) => r.personName },
  { header: '联系电话（脱敏）', width: 16, value: (r) => r.personPhone },
  { header: '被投诉举报经营者', width: 36, value: (r) => r.businessName },
  { header: '商品服务类别代码', width: 14, value: (r) => r.categoryCode },
  { header: '最近期限', width: 12, kind: 'date', value: (r) => day(r.nextDueOn) },
  { header: '是否超期', width: 10, value: (r) => (r.overdue ? '是' : '否') },
  { header: '督办级别', width: 10, value: (r) => r.escalationLevel },
];

const shanghaiDay = (today: string) => today.replaceAll('-', '');

/**
 * The queue as an XLSX download: the list's filters and the caller's scope (the list's own repo query), streamed
 * a keyset batch at a time; one audit row names the filters and how many rows were written.
 */
export function createComplaintExport(db: Db, today: () => string) {
  return {
    async export(actor: Actor, q: TComplaintExportQuery) {
      requirePermission(actor, 'complaint:read');
      const now = today();
      const filter = complaintFilter(actor, q, now);
      const rows = keysetBatches(async (beforeId, limit) =>
        (await repo.listComplaints(db, actor, { ...filter, beforeId }, limit)).map((r) => toSummary(r, now)),
      );
      const body = xlsxBody('投诉举报', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'complaint.export',
            targetType: 'complaint',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      return { filename: `投诉举报_${shanghaiDay(now)}.xlsx`, ascii: `complaints_${shanghaiDay(now)}.xlsx`, body };
    },
  };
}
