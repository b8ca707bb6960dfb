import type { TDrugSaleImportResult } from '../../../contracts/drug-sales.ts';
import type { TEntityImportError } from '../../../contracts/entity-import.ts';
import type { Db } from '../../../db/client.ts';
import { requiredSaleImportColumns, type SaleImportKey, saleImportColumns } from '../../../domain/drug-sales.ts';
import { isValidPhone, maskIdCard, maskPhone, normaliseIdCard, validateIdCard } from '../../../domain/id-card.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPlaceable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { type AuditActor, appendAudit } from '../../../platform/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { sniffFormat } from '../../entities/import/file-type.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { readRows, type SheetRow } from '../../entities/import/read-rows.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { drugSaleKind } from '../access.ts';
import * as repo from '../repos/sales.ts';
import { activeWatch, assertOpenPharmacy, type Pharmacy, type SaleDeps, saleRow } from './sales.ts';

type Key = SaleImportKey;
const BATCH = 1000;

async function readSheet(file: Uint8Array, filename: string, limits: ImportLimits) {
  const byHeader = new Map<string, Key>(Object.entries(saleImportColumns).map(([k, l]) => [l, k as Key]));
  const rows: SheetRow[] = [];
  const format = sniffFormat(file.subarray(0, 8192), filename);
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
    const key = byHeader.get(cellText(c));
    if (key) cols.set(key, i);
  });
  const missing = requiredSaleImportColumns.filter((k) => !cols.has(k)).map((k) => saleImportColumns[k]);
  if (!header || missing.length)
    throw new AppError('VALIDATION', `缺少必填列：${missing.join('、') || '表头'}`, [
      { path: 'file', message: '缺少必填列' },
    ]);
  return data.map((r) => ({
    row: r.row,
    cells: Object.fromEntries([...cols].map(([k, i]) => [k, r.cells[i]])) as Record<Key, unknown>,
  }));
}

/**
 * A pharmacy's POS export (CSV or XLSX, columns of saleImportColumns): every row is checked (date, drug on the watch
 * list, ID number with its check digit, phone, temperature) and every bad row reported; only a clean file is written,
 * all of it in one transaction with its rollup and one audit row.
 */
export function createSaleImport(db: Db, deps: SaleDeps & { limits: ImportLimits }) {
  async function run(
    pharmacy: Pharmacy,
    file: Uint8Array,
    filename: string,
    by: { userId: number | null; audit: AuditActor },
  ): Promise<TDrugSaleImportResult> {
    const rows = await readSheet(file, filename, deps.limits);
    const today = shanghaiToday(deps.now?.() ?? new Date());
    const watch = await activeWatch(db);
    const errors: TEntityImportError[] = [];
    const out: repo.SaleInsert[] = [];
    const fail = (row: number, key: Key, value: string, reason: string) =>
      errors.push({ row, column: saleImportColumns[key], value: value || undefined, reason });
    for (const r of rows) {
      const before = errors.length;
      const text = (k: Key) => cellText(r.cells[k]);
      for (const k of requiredSaleImportColumns) if (!text(k)) fail(r.row, k, '', '必填');
      let soldOn = '';
      if (text('soldOn')) {
        const d = parseDate(r.cells.soldOn);
        if (!d.ok) fail(r.row, 'soldOn', text('soldOn'), d.reason);
        else if (d.value > today) fail(r.row, 'soldOn', d.value, '销售日期不能晚于今天');
        else soldOn = d.value;
      }
      if (text('drugName') && !watch.has(text('drugName')))
        fail(r.row, 'drugName', text('drugName'), '不在重点药品目录中');
      const id = normaliseIdCard(text('idNumber'));
      const idCheck = id ? validateIdCard(id) : undefined;
      if (idCheck && !idCheck.ok) fail(r.row, 'idNumber', maskIdCard(id), idCheck.reason);
      if (text('phone') && !isValidPhone(text('phone')))
        fail(r.row, 'phone', maskPhone(text('phone')), '电话格式不正确');
      const temperature = text('temperature') ? Number(text('temperature')) : undefined;
      if (temperature !== undefined && !(temperature >= 34 && temperature <= 43))
        fail(r.row, 'temperature', text('temperature'), '体温应在 34–43 ℃ 之间');
      const quantity = text('quantity') ? Number(text('quantity')) : 1;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999)
        fail(r.row, 'quantity', text('quantity'), '数量应为 1–999 的整数');
      if (text('buyerName').length > 30) fail(r.row, 'buyerName', '', '姓名超过 30 个字');
      if (errors.length > before) continue;
      out.push(
        await saleRow(
          db,
          deps,
          pharmacy,
          {
            drugName: text('drugName'),
            quantity,
            soldOn,
            buyerName: text('buyerName'),
            idNumber: id,
            phone: text('phone'),
            temperature,
          },
          { channel: 'import', userId: by.userId },
          watch,
        ),
      );
    }
    if (errors.length || out.length === 0) {
      if (!errors.length) errors.push({ row: 0, column: '', reason: '文件中没有数据行' });
      return { total: rows.length, imported: 0, errors };
    }
    // Across batches too the rollup rows are taken in key order (see insertSales); one pharmacy: day, then class.
    const key = (r: repo.SaleInsert) => `${r.soldOn}|${r.drugClass}`;
    if (out.length > BATCH) out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    await db.transaction(async (tx) => {
      for (let i = 0; i < out.length; i += BATCH) await repo.insertSales(tx, out.slice(i, i + BATCH));
      await appendAudit(tx, by.audit, {
        action: 'drug.sale.import',
        targetType: 'entity',
        targetId: pharmacy.entityId,
        detail: { rows: out.length, filename },
      });
    });
    return { total: rows.length, imported: out.length, errors: [] };
  }

  return {
    /** The pharmacy itself, with its access code (the phone page). */
    portal: (pharmacy: Pharmacy, file: Uint8Array, filename: string, ip: string | null) =>
      run(pharmacy, file, filename, {
        userId: null,
        audit: { userId: null, displayName: `药店（访问码）${pharmacy.entityName}`, unitId: pharmacy.stationId, ip },
      }),

    /** Staff importing a file a pharmacy handed in, for a pharmacy in their reach. */
    async staff(actor: Actor, entityId: number, file: Uint8Array, filename: string) {
      const e = await repo.pharmacyEntity(db, entityId);
      if (!e) throw notFound('药店（市场主体）');
      assertPlaceable(actor, drugSaleKind, e.stationId);
      await assertOpenPharmacy(db, e, '导入购药登记');
      const pharmacy = { entityId: e.id, entityName: e.name, stationId: e.stationId, townshipCode: e.townshipCode };
      return run(pharmacy, file, filename, { userId: actor.userId, audit: actor });
    },
  };
}
export type SaleImport = ReturnType<typeof createSaleImport>;
