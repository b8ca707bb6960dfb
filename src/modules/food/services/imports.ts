import type { TEntityImportError } from '../../../contracts/entity-import.ts';
import type { TFoodImportResult } from '../../../contracts/food.ts';
import type { Db } from '../../../db/client.ts';
import {
  foodCategories,
  foodCategoryLabels,
  foodLicenceKindLabels,
  foodLicenceKinds,
} from '../../../domain/food-licence.ts';
import { normaliseUscc } from '../../../domain/uscc.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, canPlaceIn } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { readXlsxRows, type SheetRow } from '../../entities/import/xlsx-reader.ts';
import { foodBusinessKind } from '../access.ts';
import { ensureBusinesses, entitiesByUscc } from '../repos/businesses.ts';
import { existingCertificateNos, insertCertificates } from '../repos/certificates.ts';
import { existingLicenceNos, insertLicences } from '../repos/licences.ts';
import { checkCertificateDates, checkLicence } from './rows.ts';

type What = 'licences' | 'certificates';

/** The columns of each sheet (the header row names them; order is free). */
export const foodImportColumns: Record<What, Record<string, string>> = {
  licences: {
    uscc: '统一社会信用代码',
    kind: '许可类型',
    licenceNo: '许可证编号',
    categories: '经营项目',
    issuedOn: '发证日期',
    validUntil: '有效期至',
  },
  certificates: {
    uscc: '统一社会信用代码',
    staffName: '姓名',
    certificateNo: '健康证编号',
    issuedOn: '发证日期',
    validUntil: '有效期至',
  },
};
const required: Record<What, string[]> = {
  licences: ['uscc', 'kind', 'licenceNo', 'issuedOn'],
  certificates: ['uscc', 'staffName', 'certificateNo', 'issuedOn'],
};

const kindByLabel = new Map<string, string>(
  foodLicenceKinds.flatMap((k) => [
    [foodLicenceKindLabels[k], k],
    [k, k],
  ]),
);
/** 经营项目 by their full label, without 销售/制售, without 食品销售/食品制售 (热食类, 预包装), or by code. */
const categoryByLabel = new Map<string, string>(
  foodCategories.flatMap((c) => {
    const label = foodCategoryLabels[c];
    return [label, label.replace(/(销售|制售)$/, ''), label.replace(/(食品)?(销售|制售)$/, ''), c].map((l) => [l, c]);
  }),
);

interface Parsed {
  row: number;
  entity: { id: number; stationId: number };
  values: Record<string, string>;
  derived: Record<string, string>;
}

/**
 * XLSX import of licences or health certificates with the entities import's reader: every row is checked (number
 * structure, dates, the entity by USCC and within the caller's reach, duplicates in the file and on file) and
 * either all rows are stored in one transaction or none, with the row errors returned (and as an XLSX report).
 */
export function createFoodImports(db: Db, deps: { calendar: () => Promise<WorkingDayCalendar>; limits: ImportLimits }) {
  async function readSheet(what: What, file: Uint8Array) {
    const labels = Object.entries(foodImportColumns[what]);
    const byHeader = new Map(labels.map(([k, l]) => [l, k]));
    const count = (cells: readonly unknown[]) => cells.filter((c) => byHeader.has(cellText(c))).length;
    const rows: SheetRow[] = [];
    try {
      for await (const r of readXlsxRows(file, deps.limits, count)) rows.push(r);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('VALIDATION', '无法读取 XLSX 文件：文件已损坏或不是有效的 Excel 工作簿', [
        { path: 'file', message: '不是有效的 XLSX 文件' },
      ]);
    }
    const [header, ...data] = rows;
    const cols = new Map<string, number>();
    header?.cells.forEach((c, i) => {
      const key = byHeader.get(cellText(c));
      if (key) cols.set(key, i);
    });
    const missing = required[what].filter((k) => !cols.has(k)).map((k) => foodImportColumns[what][k]!);
    if (!header || missing.length) {
      throw new AppError('VALIDATION', `缺少必填列：${missing.join('、') || '表头'}`, [
        { path: 'file', message: '缺少必填列' },
      ]);
    }
    return data
      .filter((r) => r.cells.some((c) => cellText(c) !== ''))
      .map((r) => ({ row: r.row, cells: Object.fromEntries([...cols].map(([k, i]) => [k, r.cells[i]])) }));
  }

  async function run(actor: Actor, what: What, file: Uint8Array): Promise<TFoodImportResult> {
    assertPermitted(actor, foodBusinessKind, 'write');
    const rows = await readSheet(what, file);
    const labels = foodImportColumns[what];
    const errors: TEntityImportError[] = [];
    const fail = (row: number, key: string, value: unknown, reason: string) =>
      errors.push({ row, column: labels[key] ?? key, value: cellText(value) || undefined, reason });
    const entities = await entitiesByUscc(db, [...new Set(rows.map((r) => normaliseUscc(cellText(r.cells.uscc))))]);
    const cal = await deps.calendar();
    const parsed: Parsed[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const before = errors.length;
      const values: Record<string, string> = {};
      for (const key of Object.keys(labels)) {
        if (key === 'issuedOn' || key === 'validUntil') {
          if (cellText(r.cells[key]) === '') continue;
          const d = parseDate(r.cells[key]);
          if (d.ok) values[key] = d.value;
          else fail(r.row, key, r.cells[key], d.reason);
        } else values[key] = cellText(r.cells[key]);
      }
      for (const key of required[what])
        if (!values[key] && !errors.some((e) => e.row === r.row && e.column === labels[key]))
          fail(r.row, key, '', '必填');
      const entity = entities.get(normaliseUscc(values.uscc ?? ''));
      if (values.uscc && !entity) fail(r.row, 'uscc', values.uscc, '市场主体库中没有该统一社会信用代码');
      else if (entity && !canPlaceIn(actor, entity.stationId))
        fail(r.row, 'uscc', values.uscc, '该主体不在本人数据范围内');
      if (errors.length > before || !entity) continue;
      const derived: Record<string, string> | undefined =
        what === 'licences' ? checkLicenceRow(r.row, values, cal, fail) : checkCertificateRow(r.row, values, fail);
      if (!derived) continue;
      const key = what === 'licences' ? derived.licenceNo! : `${entity.id}:${values.certificateNo}`;
      if (seen.has(key))
        fail(
          r.row,
          what === 'licences' ? 'licenceNo' : 'certificateNo',
          values.licenceNo ?? values.certificateNo,
          '文件中重复',
        );
      else {
        seen.add(key);
        parsed.push({ row: r.row, entity, values, derived });
      }
    }
    await checkOnFile(what, parsed, fail);
    if (errors.length || parsed.length === 0) {
      if (parsed.length === 0 && errors.length === 0) errors.push({ row: 0, column: '', reason: '文件中没有数据行' });
      return { total: rows.length, imported: 0, errors: errors.sort((a, b) => a.row - b.row) };
    }
    await db.transaction(async (tx) => {
      const ids = await ensureBusinesses(
        tx,
        [...new Map(parsed.map((p) => [p.entity.id, p.entity])).values()],
        actor.userId,
      );
      if (what === 'licences') {
        await insertLicences(
          tx,
          parsed.map((p) => ({
            businessId: ids.get(p.entity.id)!,
            kind: p.values.kind!,
            licenceNo: p.derived.licenceNo!,
            categories: p.derived.categories ? p.derived.categories.split(',') : [],
            issuedOn: p.values.issuedOn!,
            validUntil: p.derived.validUntil!,
            renewalDueOn: p.derived.renewalDueOn!,
            createdBy: actor.userId,
          })),
        );
      } else {
        await insertCertificates(
          tx,
          parsed.map((p) => ({
            businessId: ids.get(p.entity.id)!,
            staffName: p.values.staffName!,
            certificateNo: p.values.certificateNo!,
            issuedOn: p.values.issuedOn!,
            validUntil: p.derived.validUntil!,
            createdBy: actor.userId,
          })),
        );
      }
      await appendAudit(tx, actor, {
        action: `food.import.${what}`,
        targetType: 'food_import',
        detail: { rows: parsed.length },
      });
    });
    return { total: rows.length, imported: parsed.length, errors: [] };
  }

  type Fail = (row: number, key: string, value: unknown, reason: string) => void;

  function checkLicenceRow(row: number, v: Record<string, string>, cal: WorkingDayCalendar, fail: Fail) {
    const kind = kindByLabel.get(v.kind ?? '');
    if (!kind) return void fail(row, 'kind', v.kind, `应为：${Object.values(foodLicenceKindLabels).join('、')}`);
    v.kind = kind;
    const names = (v.categories ?? '').split(/[,，、;；\s]+/).filter(Boolean);
    const categories = names.map((n) => categoryByLabel.get(n));
    const unknown = names.filter((_, i) => !categories[i]);
    if (unknown.length) return void fail(row, 'categories', v.categories, `未知经营项目：${unknown.join('、')}`);
    const checked = checkLicence(
      {
        kind: kind as never,
        licenceNo: v.licenceNo ?? '',
        categories: categories as string[],
        issuedOn: v.issuedOn!,
        validUntil: v.validUntil,
      },
      cal,
    );
    if ('errors' in checked) {
      for (const e of checked.errors) fail(row, e.path, v[e.path], e.message);
      return undefined;
    }
    return { ...checked, categories: (categories as string[]).join(',') };
  }

  function checkCertificateRow(row: number, v: Record<string, string>, fail: Fail) {
    const checked = checkCertificateDates(v.issuedOn!, v.validUntil);
    if ('errors' in checked) {
      for (const e of checked.errors) fail(row, e.path, v[e.path], e.message);
      return undefined;
    }
    return { validUntil: checked.validUntil };
  }

  async function checkOnFile(what: What, parsed: Parsed[], fail: Fail) {
    if (what === 'licences') {
      const known = await existingLicenceNos(
        db,
        parsed.map((p) => p.derived.licenceNo!),
      );
      for (const p of parsed)
        if (known.has(p.derived.licenceNo!)) fail(p.row, 'licenceNo', p.values.licenceNo, '编号已登记');
      return;
    }
    // Certificates of entities with no business yet cannot be on file; the lookup is by entity through the business.
    const pairs = parsed.map((p) => ({ entityId: p.entity.id, certificateNo: p.values.certificateNo! }));
    const known = await existingCertificateNos(db, pairs);
    for (const p of parsed) {
      if (known.has(`${p.entity.id}:${p.values.certificateNo}`))
        fail(p.row, 'certificateNo', p.values.certificateNo, '编号已登记');
    }
  }

  return {
    licences: (actor: Actor, file: Uint8Array) => run(actor, 'licences', file),
    certificates: (actor: Actor, file: Uint8Array) => run(actor, 'certificates', file),
  };
}

export type FoodImports = ReturnType<typeof createFoodImports>;
