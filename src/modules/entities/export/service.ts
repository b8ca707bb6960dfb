import { PassThrough, Readable } from 'node:stream';
import { entityStatuses, entityTypes } from '../../../contracts/entities.ts';
import type { TEntityExportQuery } from '../../../contracts/entity-import.ts';
import type { Db } from '../../../db/client.ts';
import { maskPhone } from '../../../domain/id-card.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type SheetColumn, writeXlsx } from '../../../platform/xlsx-stream.ts';
import { fenToYuan } from '../import/values.ts';
import { entitySelection } from '../list.ts';
import { csvPieces } from './csv.ts';
import { type ExportRow, exportBatch } from './repo.ts';

/** Rows per keyset query: large enough to amortise the round trip, small enough to keep memory flat. */
export const EXPORT_BATCH = 2000;

interface ExportColumn extends SheetColumn {
  /** For CSV and XLSX alike; XLSX gets real dates and numbers where `xlsx` is given. */
  value(r: ExportRow): string | null;
  xlsx?(r: ExportRow): unknown;
}

const exportColumns: ExportColumn[] = [
  { header: '主体类型', width: 14, value: (r) => entityTypes[r.type] },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '名称', width: 40, value: (r) => r.name },
  { header: '住所', width: 40, value: (r) => r.address },
  {
    header: '成立日期',
    width: 12,
    kind: 'date',
    value: (r) => r.establishedOn,
    xlsx: (r) => new Date(`${r.establishedOn}T00:00:00Z`),
  },
  { header: '法定代表人（经营者）', width: 14, value: (r) => r.legalRepName },
  { header: '身份证号码（脱敏）', width: 22, value: (r) => r.legalRepIdMasked },
  { header: '联系电话（脱敏）', width: 16, value: (r) => (r.phone ? maskPhone(r.phone) : null) },
  { header: '行政区划代码', width: 14, value: (r) => r.regionCode },
  { header: '管辖所编码', width: 10, value: (r) => r.stationCode },
  { header: '管辖所', width: 18, value: (r) => r.stationName },
  { header: '行业代码', width: 10, value: (r) => r.industryCode },
  {
    header: '注册资本（元）',
    width: 16,
    kind: 'money',
    value: (r) => (r.registeredCapitalFen === null ? null : fenToYuan(r.registeredCapitalFen)),
    xlsx: (r) => (r.registeredCapitalFen === null ? null : r.registeredCapitalFen / 100),
  },
  { header: '经营范围', width: 40, value: (r) => r.businessScope },
  { header: '登记状态', width: 12, value: (r) => entityStatuses[r.status] },
];

/** Every matching row, a keyset batch at a time, with exactly the list's filters and the caller's scope. */
async function* batches(db: Db, actor: Actor, q: TEntityExportQuery, format: 'csv' | 'xlsx') {
  let beforeId: number | undefined;
  for (;;) {
    const rows = await exportBatch(db, entitySelection(actor, q, { beforeId }), EXPORT_BATCH);
    if (rows.length === 0) return;
    yield rows.map((r) => exportColumns.map((c) => (format === 'xlsx' && c.xlsx ? c.xlsx(r) : c.value(r))));
    if (rows.length < EXPORT_BATCH) return;
    beforeId = rows.at(-1)!.id;
  }
}

const shanghaiDay = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replaceAll('-', '');

export function createEntityExportService(db: Db) {
  return {
    /** A streaming download; the audit row records who exported what, before the first byte. */
    async export(actor: Actor, q: TEntityExportQuery) {
      requirePermission(actor, 'entity:read');
      const { format, ...filters } = q;
      await db.transaction((tx) =>
        appendAudit(tx, actor, { action: 'entity.export', targetType: 'entity', detail: { format, filters } }),
      );
      const filename = `市场主体_${shanghaiDay()}.${format}`;
      const headers = exportColumns.map((c) => c.header);
      if (format === 'csv') {
        return {
          filename,
          contentType: 'text/csv; charset=utf-8',
          body: Readable.from(csvPieces(headers, batches(db, actor, q, 'csv'))),
        };
      }
      const out = new PassThrough();
      // Errors reach the client as a cut-off download; without a listener they would crash the process.
      out.on('error', () => {});
      writeXlsx(out, '市场主体', exportColumns, batches(db, actor, q, 'xlsx')).catch((err) => out.destroy(err));
      return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: out };
    },
  };
}

export type EntityExportService = ReturnType<typeof createEntityExportService>;
