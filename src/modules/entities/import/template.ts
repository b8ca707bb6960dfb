import ExcelJS from 'exceljs';
import { entityTypes } from '../../../contracts/entities.ts';
import {
  entityImportColumns,
  entityImportModes,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
} from '../../../contracts/entity-import.ts';
import { makeIdCard } from '../../../domain/id-card.ts';
import { makeUscc } from '../../../domain/uscc.ts';

const examples: Record<string, string> = {
  uscc: makeUscc('91', '440605', 'MA4W7XK8'),
  legalRepIdNumber: makeIdCard('440605', '19850412', '123'),
};
const exampleOf = (c: (typeof entityImportColumns)[number]) => examples[c.key] ?? c.example;

const notes = (maxRows: number) => [
  '1. 在“市场主体”工作表第一行下方逐行填写，不要修改、删除第一行表头；不需要的选填列可以删除。',
  '2. 表头可用中文列名，也可用英文字段名（如 uscc、name）。',
  `3. 主体类型填写：${Object.values(entityTypes).join('、')}；须与统一社会信用代码第2位（1/2/3）一致。`,
  '4. 统一社会信用代码、身份证号码请保持文本格式，否则 Excel 会把长数字改写成科学计数法。',
  '5. 成立日期可写 2024-03-15、2024/3/15、2024年3月15日，或使用 Excel 日期格式。',
  '6. 注册资本单位为元，最多两位小数，可写“100万”；系统按“分”精确保存。',
  '7. 管辖所编码优先；未填写时按行政区划代码（9位乡镇街道代码）确定管辖所，仍无法确定时归入本人所在的所。只能导入到本单位及下级的管辖所。',
  `8. 导入方式：“全部”= ${entityImportModes.all}；“仅有效行”= ${entityImportModes.validOnly}。`,
  `9. 单个文件不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB、${maxRows} 行。CSV 文件可为 UTF-8 或 GBK（Excel“CSV（逗号分隔）”）编码。`,
  '10. 同一文件内统一社会信用代码重复的行、系统中已登记的代码，均列入错误报告。',
];

function dataSheet(workbook: ExcelJS.Workbook, maxRows: number): void {
  const sheet = workbook.addWorksheet('市场主体', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = entityImportColumns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.max(12, c.label.length * 2 + 4, c.key === 'name' || c.key === 'address' ? 36 : 0),
    // Text format keeps 18-digit codes intact; the date column stays 常规 so Excel dates work too.
    style: { numFmt: c.key === 'establishedOn' ? 'yyyy-mm-dd' : '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  for (const [i, c] of entityImportColumns.entries()) {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E2' : 'FFEFEFEF' } };
    cell.note = `${c.required ? '必填' : '选填'}。${c.hint}`.replace(/。$/, '');
  }
  // A drop-down for the type column (exceljs applies a range validation; its typings lack the collection).
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  validations.add(`A2:A${maxRows + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${Object.values(entityTypes).join(',')}"`],
    showErrorMessage: true,
    errorTitle: '主体类型',
    error: '请从列表中选择主体类型',
  });
}

function instructionsSheet(workbook: ExcelJS.Workbook, maxRows: number): void {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.columns = [{ width: 22 }, { width: 22 }, { width: 8 }, { width: 48 }, { width: 34 }];
  sheet.addRow(['市场主体批量导入 填写说明']).font = { bold: true, size: 14 };
  for (const note of notes(maxRows)) sheet.addRow([note]);
  sheet.addRow([]);
  sheet.addRow(['列名', '英文字段名', '必填', '说明', '示例']).font = { bold: true };
  for (const c of entityImportColumns) sheet.addRow([c.label, c.key, c.required ? '是' : '否', c.hint, exampleOf(c)]);
}

/** The XLSX template: the data sheet first (the importer reads the first sheet with known headers). */
export async function templateXlsx(maxRows = IMPORT_MAX_ROWS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shijian 市监';
  dataSheet(workbook, maxRows);
  instructionsSheet(workbook, maxRows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV template: the header line only, UTF-8 with a BOM so that Excel shows the Chinese headers. */
export function templateCsv(): string {
  return `\uFEFF${entityImportColumns.map((c) => c.label).join(',')}\r\n`;
}
