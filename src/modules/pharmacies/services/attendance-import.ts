import type { TAttendanceImportResult } from '../../../contracts/pharmacies.ts';
import type { Db } from '../../../db/client.ts';
import { parseShanghaiDateTime, shanghaiClock } from '../../../domain/pharmacy.ts';
import { assertPermitted, canPlaceIn } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { sniffFormat } from '../../entities/import/file-type.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { readRows, type SheetRow } from '../../entities/import/read-rows.ts';
import { cellText } from '../../entities/import/values.ts';
import { pharmacyKind } from '../access.ts';
import * as att from '../repos/attendance.ts';
import { pharmacistsByRegistration } from '../repos/pharmacies.ts';
import { recomputeDay } from './attendance.ts';

/** The vendor file's columns (the header row names them; order is free). */
export const attendanceImportColumns = {
  registrationNo: '执业药师注册证编号',
  checkInAt: '签到时间',
  checkOutAt: '签退时间',
} as const;
type Key = keyof typeof attendanceImportColumns;

interface Parsed {
  row: number;
  pharmacistId: number;
  pharmacyId: number;
  hours: { opensMinute: number; closesMinute: number };
  from: Date;
  to: Date;
  day: string;
}

/**
 * 阳光药师 attendance from a vendor's file (XLSX or CSV): every row is checked (the pharmacist by registration
 * number and within the caller's reach, the times, a shift of at most 24 hours, no overlap in the file or with
 * shifts on record) and either all rows are stored with their days recomputed in one transaction, or none.
 */
export function createAttendanceImport(db: Db, deps: { limits: ImportLimits }) {
  async function readSheet(filename: string, bytes: Uint8Array) {
    const format = sniffFormat(bytes.subarray(0, 4096), filename);
    const byHeader = new Map(Object.entries(attendanceImportColumns).map(([k, l]) => [l as string, k as Key]));
    const rows: SheetRow[] = [];
    for await (const r of readRows(
      {
        filename,
        format,
        open: async function* () {
          yield bytes;
        },
      },
      deps.limits,
    ))
      rows.push(r);
    const [header, ...data] = rows;
    const cols = new Map<Key, number>();
    header?.cells.forEach((c, i) => {
      const key = byHeader.get(cellText(c));
      if (key) cols.set(key, i);
    });
    const missing = (Object.keys(attendanceImportColumns) as Key[]).filter((k) => !cols.has(k));
    if (!header || missing.length)
      throw new AppError(
        'VALIDATION',
        `缺少必填列：${missing.map((k) => attendanceImportColumns[k]).join('、') || '表头'}`,
        [{ path: 'file', message: '缺少必填列' }],
      );
    return data
      .filter((r) => r.cells.some((c) => cellText(c) !== ''))
      .map((r) => ({
        row: r.row,
        cells: Object.fromEntries([...cols].map(([k, i]) => [k, r.cells[i]])) as Record<Key, unknown>,
      }));
  }

  return async function importAttendance(
    actor: Actor,
    file: { filename: string; bytes: Uint8Array },
  ): Promise<TAttendanceImportResult> {
    assertPermitted(actor, pharmacyKind, 'write');
    const rows = await readSheet(file.filename, file.bytes);
    const errors: TAttendanceImportResult['errors'] = [];
    const fail = (row: number, key: Key, value: unknown, reason: string) =>
      errors.push({ row, column: attendanceImportColumns[key], value: cellText(value) || undefined, reason });
    const nos = [...new Set(rows.map((r) => cellText(r.cells.registrationNo).toUpperCase()))];
    const pharmacists = await pharmacistsByRegistration(db, nos);
    const parsed: Parsed[] = [];
    for (const r of rows) {
      const no = cellText(r.cells.registrationNo).toUpperCase();
      const p = pharmacists.get(no);
      if (!no) fail(r.row, 'registrationNo', '', '必填');
      else if (!p) fail(r.row, 'registrationNo', no, '没有登记该执业药师');
      else if (!canPlaceIn(actor, p.stationId))
        fail(r.row, 'registrationNo', no, '该执业药师所在药店不在本人数据范围内');
      const from = parseShanghaiDateTime(r.cells.checkInAt);
      const to = parseShanghaiDateTime(r.cells.checkOutAt);
      if (!from) fail(r.row, 'checkInAt', r.cells.checkInAt, '时间格式应为 YYYY-MM-DD HH:MM');
      if (!to) fail(r.row, 'checkOutAt', r.cells.checkOutAt, '时间格式应为 YYYY-MM-DD HH:MM');
      if (from && to && to <= from) fail(r.row, 'checkOutAt', r.cells.checkOutAt, '签退时间须晚于签到时间');
      else if (from && to && to.getTime() - from.getTime() > 86_400_000)
        fail(r.row, 'checkOutAt', r.cells.checkOutAt, '一次在岗不能超过24小时');
      else if (from && to && to.getTime() > Date.now())
        fail(r.row, 'checkOutAt', r.cells.checkOutAt, '不能晚于当前时间');
      if (!p || !from || !to || errors.some((e) => e.row === r.row)) continue;
      const clash = parsed.find((x) => x.pharmacistId === p.id && x.from < to && from < x.to);
      if (clash) {
        fail(r.row, 'checkInAt', r.cells.checkInAt, `与第 ${clash.row} 行的在岗时间重叠`);
        continue;
      }
      parsed.push({
        row: r.row,
        pharmacistId: p.id,
        pharmacyId: p.pharmacyId,
        hours: p,
        from,
        to,
        day: shanghaiClock(from).day,
      });
    }
    if (parsed.length) {
      const min = new Date(Math.min(...parsed.map((x) => x.from.getTime()))).toISOString();
      const max = new Date(Math.max(...parsed.map((x) => x.to.getTime()))).toISOString();
      const onFile = await att.shiftsBetween(db, [...new Set(parsed.map((x) => x.pharmacistId))], min, max);
      for (const x of parsed) {
        const hit = onFile.find(
          (s) =>
            s.pharmacistId === x.pharmacistId &&
            Date.parse(s.checkInAt) < x.to.getTime() &&
            (s.checkOutAt === null || Date.parse(s.checkOutAt) > x.from.getTime()),
        );
        if (hit) fail(x.row, 'checkInAt', x.from.toISOString(), '与已登记的在岗记录重叠（可能已导入过）');
      }
    }
    if (errors.length || parsed.length === 0) {
      if (parsed.length === 0 && errors.length === 0) errors.push({ row: 0, column: '', reason: '文件中没有数据行' });
      return { total: rows.length, imported: 0, errors: errors.sort((a, b) => a.row - b.row) };
    }
    await db.transaction(async (tx) => {
      for (const x of parsed)
        await att.insertShift(tx, {
          pharmacistId: x.pharmacistId,
          pharmacyId: x.pharmacyId,
          day: x.day,
          checkInAt: x.from.toISOString(),
          checkOutAt: x.to.toISOString(),
          inDistanceM: null,
          source: 'import',
        });
      const days = new Map(parsed.map((x) => [`${x.pharmacyId}:${x.day}`, x]));
      // Pharmacies in id order (recomputeDay locks each): two imports at once cannot deadlock.
      const ordered = [...days.values()].sort((a, b) => a.pharmacyId - b.pharmacyId);
      for (const x of ordered) await recomputeDay(tx, x.pharmacyId, x.day, x.hours);
      await appendAudit(tx, actor, {
        action: 'pharmacy.attendance.import',
        targetType: 'pharmacy',
        detail: { rows: parsed.length, filename: file.filename },
      });
    });
    return { total: rows.length, imported: parsed.length, errors: [] };
  };
}

export type AttendanceImport = ReturnType<typeof createAttendanceImport>;
