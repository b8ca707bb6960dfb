import {
  inspectionImportColumns,
  maintenanceImportColumns,
  type TEquipmentImportResult,
  type TInspectionBody,
} from '../../../contracts/equipment.ts';
import type { Db } from '../../../db/client.ts';
import { isLift } from '../../../domain/equipment-rules.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, canRead } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { sniffFormat } from '../../entities/import/file-type.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { readRows, type SheetRow } from '../../entities/import/read-rows.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { readXlsxRows } from '../../entities/import/xlsx-reader.ts';
import { equipmentKind, equipmentReach } from '../access.ts';
import * as repo from '../repos/equipment.ts';
import * as records from '../repos/records.ts';
import { inspectionProblems, lockForInspections, recordInspection } from './equipment.ts';

type Err = TEquipmentImportResult['errors'][number];

/** The rows of an XLSX or CSV file, keyed by the header names in `columns`; 4xx when a required column is missing. */
async function readSheet<K extends string>(
  file: Uint8Array,
  filename: string,
  limits: ImportLimits,
  columns: Record<K, string>,
  required: K[],
) {
  const format = sniffFormat(file.subarray(0, 8192), filename);
  const byHeader = new Map<string, K>(Object.entries(columns).map(([k, l]) => [l as string, k as K]));
  const rows: SheetRow[] = [];
  try {
    const source =
      format === 'xlsx'
        ? readXlsxRows(file, limits, (cells) => cells.filter((c) => byHeader.has(cellText(c))).length)
        : readRows(
            {
              filename,
              format,
              open: async function* () {
                yield file;
              },
            },
            limits,
          );
    for await (const r of source) rows.push(r);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', '无法读取文件：文件已损坏或不是有效的 Excel 工作簿 / CSV', [
      { path: 'file', message: '无法读取文件' },
    ]);
  }
  const [header, ...data] = rows;
  const cols = new Map<K, number>();
  header?.cells.forEach((c, i) => {
    const key = byHeader.get(cellText(c));
    if (key) cols.set(key, i);
  });
  const missing = required.filter((k) => !cols.has(k)).map((k) => columns[k]);
  if (!header || missing.length)
    throw new AppError('VALIDATION', `缺少必填列：${missing.join('、') || '表头'}`, [
      { path: 'file', message: '缺少必填列' },
    ]);
  return data
    .filter((r) => r.cells.some((c) => cellText(c) !== ''))
    .map((r) => ({
      row: r.row,
      cells: Object.fromEntries([...cols].map(([k, i]) => [k, r.cells[i]])) as Record<K, unknown>,
    }));
}

const conclusions = new Map<string, TInspectionBody['conclusion']>([
  ['合格', 'pass'],
  ['允许使用', 'pass'],
  ['符合要求', 'pass'],
  ['基本符合要求', 'conditional'],
  ['有条件合格', 'conditional'],
  ['不合格', 'fail'],
  ['不允许使用', 'fail'],
]);
const kinds = new Map<string, TInspectionBody['inspectionKind']>([
  ['', 'periodic'],
  ['定期检验', 'periodic'],
  ['外部检验', 'external'],
  ['内部检验', 'internal'],
]);

/**
 * 检验机构 results and 维保单位 records from XLSX or CSV: every row is checked (equipment code known and in the caller's
 * reach, dates not in the future, conclusion, grade, report number not yet entered) and either every row is written
 * (one transaction, each with its audit row and any status change) or none is, with every bad row reported.
 */
export function createEquipmentImports(db: Db, deps: { limits: ImportLimits; now?: () => Date }) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function equipmentFor(actor: Actor, codes: string[]) {
    const found = await repo.equipmentByCodes(db, [...new Set(codes.filter(Boolean))]);
    return new Map(found.filter((e) => canRead(actor, equipmentReach(e))).map((e) => [e.equipmentCode, e]));
  }

  return {
    async inspections(actor: Actor, file: Uint8Array, filename: string): Promise<TEquipmentImportResult> {
      assertPermitted(actor, equipmentKind, 'write');
      const t = today();
      type K = keyof typeof inspectionImportColumns;
      const rows = await readSheet<K>(file, filename, deps.limits, inspectionImportColumns, [
        'equipmentCode',
        'inspectedOn',
        'conclusion',
        'reportNo',
      ]);
      const errors: Err[] = [];
      const fail = (row: number, key: K, value: unknown, reason: string) =>
        errors.push({ row, column: inspectionImportColumns[key], value: cellText(value) || undefined, reason });
      const text = (cells: Record<K, unknown>, k: K) => cellText(cells[k]);
      const byCode = await equipmentFor(
        actor,
        rows.map((r) => text(r.cells, 'equipmentCode').toUpperCase()),
      );
      const good: { row: number; eq: repo.EquipmentRow; body: TInspectionBody }[] = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        const before = errors.length;
        const code = text(r.cells, 'equipmentCode').toUpperCase();
        const eq = byCode.get(code);
        if (!code) fail(r.row, 'equipmentCode', '', '必填');
        else if (!eq) fail(r.row, 'equipmentCode', code, '设备代码不存在或不在本人数据范围内');
        const date = (k: K): string | null => {
          if (!text(r.cells, k)) return null;
          const d = parseDate(r.cells[k]);
          if (!d.ok) {
            fail(r.row, k, r.cells[k], d.reason);
            return null;
          }
          return d.value;
        };
        const inspectedOn = date('inspectedOn');
        if (!text(r.cells, 'inspectedOn')) fail(r.row, 'inspectedOn', '', '必填');
        const nextDue = date('nextDue');
        const conclusion = conclusions.get(text(r.cells, 'conclusion'));
        if (!conclusion)
          fail(r.row, 'conclusion', text(r.cells, 'conclusion'), '检验结论应为“合格”“基本符合要求”或“不合格”');
        const kind = kinds.get(text(r.cells, 'inspectionKind'));
        if (!kind)
          fail(r.row, 'inspectionKind', text(r.cells, 'inspectionKind'), '检验类别应为定期检验、外部检验或内部检验');
        const gradeText = text(r.cells, 'safetyGrade');
        const grade = gradeText ? Number(gradeText.replace(/级$/, '')) : null;
        if (gradeText && !(Number.isInteger(grade) && grade! >= 1 && grade! <= 5))
          fail(r.row, 'safetyGrade', gradeText, '安全状况等级应为 1～5');
        const reportNo = text(r.cells, 'reportNo');
        if (!reportNo) fail(r.row, 'reportNo', '', '必填');
        if (inspectedOn && conclusion)
          for (const p of inspectionProblems({ inspectedOn, nextDue, conclusion }, t))
            fail(r.row, p.path as K, p.path === 'inspectedOn' ? inspectedOn : nextDue, p.message);
        if (eq && reportNo) {
          const key = `${eq.id}|${reportNo}`;
          if (seen.has(key)) fail(r.row, 'reportNo', reportNo, `与第 ${seen.get(key)} 行重复`);
          seen.set(key, r.row);
        }
        if (errors.length > before || !eq || !inspectedOn || !conclusion || !kind) continue;
        good.push({
          row: r.row,
          eq,
          body: {
            inspectionKind: kind,
            inspectedOn,
            conclusion,
            safetyGrade: grade,
            nextDue,
            reportNo,
            instituteName: text(r.cells, 'instituteName') || null,
          },
        });
      }
      const taken = await records.reportNosTaken(
        db,
        good.map((g) => ({ equipmentId: g.eq.id, reportNo: g.body.reportNo })),
      );
      for (const g of good)
        if (taken.has(`${g.eq.id}|${g.body.reportNo}`)) fail(g.row, 'reportNo', g.body.reportNo, '该检验报告已录入');
      if (errors.length || !good.length) {
        if (!errors.length) errors.push({ row: 0, column: '', reason: '文件中没有数据行' });
        return { total: rows.length, imported: 0, errors: errors.sort((a, b) => a.row - b.row) };
      }
      // Oldest first, so a piece of equipment inspected twice in one file ends on its latest result.
      good.sort((a, b) => a.body.inspectedOn.localeCompare(b.body.inspectedOn) || a.row - b.row);
      await db.transaction(async (tx) => {
        await lockForInspections(
          tx,
          good.map((g) => ({ equipmentId: g.eq.id, reportNo: g.body.reportNo })),
        );
        for (const g of good)
          await recordInspection(tx, actor, (await repo.getEquipment(tx, g.eq.id, true))!, g.body, t);
        await appendAudit(tx, actor, {
          action: 'equipment.inspection.import',
          targetType: 'equipment',
          detail: { filename, rows: good.length },
        });
      });
      return { total: rows.length, imported: good.length, errors: [] };
    },

    async maintenance(actor: Actor, file: Uint8Array, filename: string): Promise<TEquipmentImportResult> {
      assertPermitted(actor, equipmentKind, 'write');
      const t = today();
      type K = keyof typeof maintenanceImportColumns;
      const rows = await readSheet<K>(file, filename, deps.limits, maintenanceImportColumns, [
        'equipmentCode',
        'maintainedOn',
      ]);
      const errors: Err[] = [];
      const fail = (row: number, key: K, value: unknown, reason: string) =>
        errors.push({ row, column: maintenanceImportColumns[key], value: cellText(value) || undefined, reason });
      const byCode = await equipmentFor(
        actor,
        rows.map((r) => cellText(r.cells.equipmentCode).toUpperCase()),
      );
      const good: records.NewMaintenance[] = [];
      for (const r of rows) {
        const before = errors.length;
        const code = cellText(r.cells.equipmentCode).toUpperCase();
        const eq = byCode.get(code);
        if (!code) fail(r.row, 'equipmentCode', '', '必填');
        else if (!eq) fail(r.row, 'equipmentCode', code, '设备代码不存在或不在本人数据范围内');
        else if (!isLift(eq.categoryCode)) fail(r.row, 'equipmentCode', code, '维保记录目前只登记电梯');
        let day: string | null = null;
        if (!cellText(r.cells.maintainedOn)) fail(r.row, 'maintainedOn', '', '必填');
        else {
          const d = parseDate(r.cells.maintainedOn);
          if (!d.ok) fail(r.row, 'maintainedOn', r.cells.maintainedOn, d.reason);
          else if (d.value > t) fail(r.row, 'maintainedOn', d.value, '维保日期不能晚于今天');
          else day = d.value;
        }
        if (errors.length > before || !eq || !day) continue;
        good.push({
          equipmentId: eq.id,
          maintainedOn: day,
          maintenanceUnitName: cellText(r.cells.maintenanceUnitName) || eq.maintenanceUnitName,
          maintainerName: cellText(r.cells.maintainerName) || null,
          note: cellText(r.cells.note) || null,
          createdBy: actor.userId,
        });
      }
      if (errors.length || !good.length) {
        if (!errors.length) errors.push({ row: 0, column: '', reason: '文件中没有数据行' });
        return { total: rows.length, imported: 0, errors: errors.sort((a, b) => a.row - b.row) };
      }
      await db.transaction(async (tx) => {
        await records.insertMaintenance(tx, good);
        await appendAudit(tx, actor, {
          action: 'equipment.maintenance.import',
          targetType: 'equipment',
          detail: { filename, rows: good.length },
        });
      });
      return { total: rows.length, imported: good.length, errors: [] };
    },
  };
}
export type EquipmentImports = ReturnType<typeof createEquipmentImports>;
