import type { TCaseExportQuery, TCaseListItem } from '../../../contracts/cases.ts';
import type { Db } from '../../../db/client.ts';
import { readable } from '../../../platform/access.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import { caseKind } from '../access.ts';
import { listCases } from '../repos/case-list.ts';
import { toCaseListItem } from '../view.ts';
import { caseListFilter } from './case-filter.ts';

const procedures: Record<string, string> = { general: '普通程序', summary: '简易程序' };
const partyKinds: Record<string, string> = { organisation: '单位', person: '个人' };
const day = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The case list's columns, as the list shows them (it shows no identity numbers to mask). */
const columns: ExportColumn<TCaseListItem>[] = [
  { header: '案号', width: 28, value: (r) => r.caseNo },
  { header: '程序', width: 10, value: (r) => procedures[r.procedure] ?? r.procedure },
  { header: '案件状态', width: 12, value: (r) => r.statusLabel },
  { header: '案由', width: 36, value: (r) => r.title },
  { header: '当事人类型', width: 10, value: (r) => partyKinds[r.partyKind] ?? r.partyKind },
  { header: '当事人', width: 30, value: (r) => r.partyName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.partyUscc },
  { header: '承办单位', width: 18, value: (r) => r.stationName },
  { header: '承办人', width: 18, value: (r) => r.officers.map((o) => o.name).join('、') },
  { header: '立案日期', width: 12, kind: 'date', value: (r) => day(r.filedOn) },
  { header: '办案期限', width: 12, kind: 'date', value: (r) => day(r.clock?.dueOn) },
  { header: '是否超期', width: 10, value: (r) => (r.clock ? (r.clock.overdue ? '是' : '否') : null) },
  { header: '决定日期', width: 12, kind: 'date', value: (r) => day(r.decidedOn) },
  { header: '结案日期', width: 12, kind: 'date', value: (r) => day(r.closedOn) },
  { header: '重大案件', width: 10, value: (r) => (r.isMajor ? '是' : '否') },
  { header: '应缴罚没款（元）', width: 14, kind: 'money', value: (r) => (r.fineDueFen ? r.fineDueFen / 100 : null) },
];

/**
 * The case list as an XLSX download: the list's filters and the caller's scope (the list's own repo query),
 * streamed a keyset batch at a time; one audit row names the filters and how many rows were written.
 */
export function createCaseExport(db: Db, today: () => string) {
  return {
    async export(actor: Actor, q: TCaseExportQuery) {
      requirePermission(actor, 'case:read');
      const now = today();
      const filter = caseListFilter(actor, q, now);
      const rows = keysetBatches(async (beforeId, limit) =>
        (await listCases(db, readable(actor, caseKind), { ...filter, beforeId }, limit)).map((r) =>
          toCaseListItem(r, now),
        ),
      );
      const body = xlsxBody('行政处罚案件', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'case.export',
            targetType: 'case',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = now.replaceAll('-', '');
      return { filename: `行政处罚案件_${stamp}.xlsx`, ascii: `cases_${stamp}.xlsx`, body };
    },
  };
}
