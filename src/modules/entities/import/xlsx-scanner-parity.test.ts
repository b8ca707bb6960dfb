import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { importHeaders, writeXlsxFile } from '../../../../bench/lib/import-files.ts';
import { zipOf } from '../../../../tests/fixtures/xlsx-parts.ts';
import { AppError } from '../../../platform/errors.ts';
import { createPiiCipher } from '../../../platform/pii.ts';
import { defaultImportLimits, type ImportLimits } from './limits.ts';
import type { XmlParser } from './xlsx-parts.ts';
import { readXlsxRows } from './xlsx-reader.ts';

/** Rows, and the error's detail if any: what an import sees. */
async function read(file: Uint8Array, xml: XmlParser, limits: ImportLimits = defaultImportLimits) {
  const rows: [number, unknown[]][] = [];
  try {
    for await (const r of readXlsxRows(file, limits, undefined, xml)) rows.push([r.row, [...r.cells]]);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { rows, error: err.detail };
  }
  return { rows, error: undefined };
}

async function assertSame(file: Uint8Array, limits?: ImportLimits) {
  const expected = await read(file, 'saxes', limits);
  assert.deepEqual(await read(file, 'scanner', limits), expected);
  return expected;
}

const dir = mkdtempSync(join(tmpdir(), 'xlsx-parity-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const stations = [
  { id: 1, code: 's01', regionCodes: ['440605011'] },
  { id: 2, code: 's02', regionCodes: ['440605125'] },
];
const pii = createPiiCipher('parity-test-key-not-a-secret-0123456789');

async function excelJsBook(useSharedStrings: boolean): Promise<Uint8Array> {
  const path = join(dir, `exceljs-${useSharedStrings}.xlsx`);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
  const notes = book.addWorksheet('说明');
  notes.addRow(['请在第二个工作表填写']).commit();
  const sheet = book.addWorksheet('市场主体');
  sheet.addRow(importHeaders).commit();
  for (let i = 0; i < 4000; i++) {
    const row = sheet.addRow([
      i % 3 === 0 ? '个体工商户' : '有限责任公司',
      `91440605MA5${String(i).padStart(7, '0')}`,
      `佛山市南海区${'里水镇'.repeat(i % 7)}商行 & <${i}> "引号" '单引号'`,
      i % 5 === 0 ? null : `地址\n第二行\r\n第三行 ${i}`,
      new Date(Date.UTC(2000 + (i % 25), i % 12, (i % 28) + 1)),
      i % 11 === 0 ? { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] } : `姓名${i}`,
      i % 4 === 0,
      i * 1.25,
      { formula: `H${i + 2}*2`, result: i * 2.5 },
      i % 9 === 0 ? '' : `  前后空格 ${i}  `,
    ]);
    row.getCell(5).numFmt = i % 2 ? 'yyyy-mm-dd' : 'yyyy"年"m"月"d"日"';
    row.getCell(8).numFmt = '#,##0.00';
    row.commit();
  }
  sheet.commit();
  notes.commit();
  await book.commit();
  return readFileSync(path);
}

describe('XLSX reader: the scanner reads every workbook as saxes did', () => {
  test('the bench writer (inline strings, dates, money), past many inflate chunks', async () => {
    const path = join(dir, 'bench.xlsx');
    await writeXlsxFile({ rows: 6000, seed: 7, stations, pii }, path);
    const { rows } = await assertSame(readFileSync(path));
    assert.equal(rows.length, 6001);
  });

  test('exceljs, with shared strings and with inline strings: rich text, formulas, booleans, dates', async () => {
    for (const shared of [true, false]) {
      const { rows } = await assertSame(await excelJsBook(shared));
      assert.equal(rows.length, 4001);
    }
  });

  test('the limits fail the same way, with the same message', async () => {
    const file = await excelJsBook(true);
    for (const limits of [
      { ...defaultImportLimits, maxRows: 100 },
      { ...defaultImportLimits, maxColumns: 8 },
      { ...defaultImportLimits, maxCellChars: 20 },
    ]) {
      const { error } = await assertSame(file, limits);
      assert.ok(error, JSON.stringify(limits));
    }
  });

  test('hand-written sheets: quirks of empty cells, entities, CDATA, phonetic runs, prefixes, no references', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>住所</t></is></c></row>\n' +
      '<row r="3"><c r="A3" t="s"/><c r="B3" t="b"/><c r="C3" t="s"><v>1</v></c><c r="D3" t="inlineStr"><is><t>a&amp;b&#x4E00;&#19968;</t></is></c>' +
      '<c r="E3"><v><![CDATA[42]]></v></c><c r="F3" t="inlineStr"><is><r><t>佛</t></r><r><t>山</t></r><rPh><t>フォ</t></rPh></is></c>' +
      '<c t="e"><v>#REF!</v></c><c r="AA3"><v>1e3</v></c></row><row><c><v>7</v></c><c/></row><row r="9"><c r="A9" s="1"/></row>';
    const file = zipOf([
      {
        name: '_rels/.rels',
        text: `<Relationships xmlns="${PKG}"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
      {
        name: 'xl/workbook.xml',
        text: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        text: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/s.xml"/><Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
      {
        name: 'xl/worksheets/s.xml',
        text: `<?xml version="1.0"?>\r\n<ws:worksheet xmlns:ws="${NS}"><ws:sheetData>${data.replace(/<(\/?)(row|c|v|is|t|r|rPh)([ />])/g, '<$1ws:$2$3')}</ws:sheetData></ws:worksheet>`,
      },
      {
        name: 'xl/sharedStrings.xml',
        text: `<sst xmlns="${NS}"><si><t>第一</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>x</t></rPh></si></sst>`,
      },
    ]);
    const { rows } = await assertSame(file);
    assert.deepEqual(rows[1], [
      3,
      ['第一', false, '富文本', 'a&b一一', 42, '佛山', '#REF!', undefined, undefined, undefined, undefined, undefined]
        .concat(Array(14).fill(undefined))
        .concat([1000]),
    ]);
    assert.deepEqual(rows[2], [4, [7]]);
  });
});
