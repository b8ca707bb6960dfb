import type { TAlertImportResult } from '../../../contracts/product-recalls.ts';
import type { Db } from '../../../db/client.ts';
import { exactNameTsquery } from '../../../domain/bigrams.ts';
import {
  ALERT_MATCH_REVIEW_DAYS,
  type AlertImportColumn,
  alertImportColumns,
} from '../../../domain/product-recall-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { normaliseUscc, validateUscc } from '../../../domain/uscc.ts';
import { assertPermitted } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { sniffFormat } from '../../entities/import/file-type.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { readRows } from '../../entities/import/read-rows.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { productAlertMatchKind } from '../access.ts';
import * as repo from '../repos/alerts.ts';

type Key = AlertImportColumn;
const required: Key[] = ['sourceRef', 'source', 'publishedOn', 'productName', 'risk'];
const maxLength: Partial<Record<Key, number>> = { risk: 2000, productName: 200 };

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function readSheet(file: Uint8Array, filename: string, limits: ImportLimits) {
  const format = sniffFormat(file.subarray(0, 512), filename);
  const byHeader = new Map<string, Key>(Object.entries(alertImportColumns).map(([k, l]) => [l, k as Key]));
  const rows: { row: number; cells: unknown[] }[] = [];
  for await (const r of readRows(
    {
      filename,
      format,
      open: async function* () {
        yield file;
      },
    },
    limits,
  ))
    rows.push(r);
  const [header, ...data] = rows;
  const cols = new Map<Key, number>();
  header?.cells.forEach((c, i) => {
    const key = byHeader.get(cellText(c).replace(/^\uFEFF/, ''));
    if (key) cols.set(key, i);
  });
  const missing = required.filter((k) => !cols.has(k)).map((k) => alertImportColumns[k]);
  if (!header || missing.length)
    throw new AppError('VALIDATION', `风险通报文件缺少必填列：${missing.join('、') || '表头'}`, [
      { path: 'file', message: `缺少必填列：${missing.join('、') || '表头'}` },
    ]);
  return data.map((r) => ({
    row: r.row,
    text: (k: Key) => (cols.has(k) ? cellText(r.cells[cols.get(k)!]) : ''),
    cell: (k: Key) => (cols.has(k) ? r.cells[cols.get(k)!] : undefined),
  }));
}

/**
 * Import of public risk alerts (EU Safety Gate, SAMR 召回通告 …) in the documented columns (docs/PRODUCT-RECALLS.md):
 * every row is checked and every bad row reported (422, nothing imported); a clean file is stored in one
 * transaction and matched against the registry set-based (repos/alerts.ts matchBatch), each match waiting in the
 * review queue for staff to confirm (→ 案件线索) or dismiss.
 */
export function createAlertImport(db: Db, deps: { limits: ImportLimits; now?: () => Date }) {
  return async function importAlerts(actor: Actor, file: Uint8Array, filename: string): Promise<TAlertImportResult> {
    assertPermitted(actor, productAlertMatchKind, 'write');
    const started = performance.now();
    const today = shanghaiToday(deps.now?.() ?? new Date());
    const rows = await readSheet(file, filename, deps.limits);
    const errors: FieldError[] = [];
    const fail = (row: number, k: Key, reason: string) =>
      errors.push({ path: `rows[${row}].${k}`, message: `第 ${row} 行「${alertImportColumns[k]}」：${reason}` });
    const alerts: repo.NewAlert[] = [];
    for (const r of rows) {
      const before = errors.length;
      for (const k of required) if (!r.text(k)) fail(r.row, k, '必填');
      for (const [k, max] of Object.entries(maxLength) as [Key, number][])
        if (r.text(k).length > max) fail(r.row, k, `不能超过 ${max} 个字`);
      let publishedOn = '';
      if (r.text('publishedOn')) {
        const d = parseDate(r.cell('publishedOn'));
        if (!d.ok) fail(r.row, 'publishedOn', d.reason);
        else if (d.value > today) fail(r.row, 'publishedOn', '通报日期不能晚于今天');
        else publishedOn = d.value;
      }
      const uscc = (k: 'producerUscc' | 'sellerUscc') => {
        const raw = r.text(k);
        if (!raw) return null;
        const code = normaliseUscc(raw);
        const v = validateUscc(code);
        if (!v.ok) fail(r.row, k, v.reason);
        return code;
      };
      const producerUscc = uscc('producerUscc');
      const sellerUscc = uscc('sellerUscc');
      if (!r.text('producerName') && !producerUscc && !r.text('sellerName') && !sellerUscc)
        fail(r.row, 'producerName', '生产者和销售者至少填写一个名称或统一社会信用代码');
      if (errors.length > before) continue;
      const name = (k: 'producerName' | 'sellerName') => r.text(k) || null;
      alerts.push({
        rowNo: r.row,
        sourceRef: r.text('sourceRef'),
        source: r.text('source'),
        publishedOn,
        productName: r.text('productName'),
        risk: r.text('risk'),
        producerName: name('producerName'),
        producerUscc,
        sellerName: name('sellerName'),
        sellerUscc,
        producerQuery: name('producerName') && exactNameTsquery(name('producerName')!, 6),
        sellerQuery: name('sellerName') && exactNameTsquery(name('sellerName')!, 6),
      });
    }
    if (rows.length === 0) errors.push({ path: 'file', message: '文件中没有数据行' });
    if (errors.length)
      throw new AppError('VALIDATION', `风险通报文件有 ${errors.length} 处错误，未导入任何数据`, errors);
    const batchId = await db.transaction(async (tx) => {
      const id = await repo.insertBatch(tx, { filename, alertCount: alerts.length, importedBy: actor.userId });
      await repo.insertAlerts(tx, id, alerts);
      const matches = await repo.matchBatch(tx, id, addDays(today, ALERT_MATCH_REVIEW_DAYS));
      await appendAudit(tx, actor, {
        action: 'productAlert.import',
        targetType: 'productAlertBatch',
        targetId: id,
        detail: { filename, alerts: alerts.length, matches },
      });
      return id;
    });
    const batch = (await repo.getBatch(db, batchId))!;
    return { ...batch, millis: Math.round(performance.now() - started) };
  };
}
export type AlertImport = ReturnType<typeof createAlertImport>;
