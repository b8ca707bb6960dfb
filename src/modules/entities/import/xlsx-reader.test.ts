import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Part, zipOf } from '../../../../tests/fixtures/xlsx-parts.ts';
import { AppError } from '../../../platform/errors.ts';
import { defaultImportLimits } from './limits.ts';
import { readXlsxRows } from './xlsx-reader.ts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook as Excel lays it out, with the sheets listed in `order` (workbook order, not zip order). */
function workbook(opts: {
  sheets: Record<string, string>;
  order: string[];
  strings?: string;
  styles?: string;
  book?: string;
}) {
  const rels = Object.keys(opts.sheets)
    .map((file, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/${file}"/>`)
    .join('');
  const parts: Part[] = [
    {
      name: '_rels/.rels',
      text: `<Relationships xmlns="${PKG}"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<workbook xmlns="${NS}" xmlns:r="${REL}">${opts.book ?? ''}<sheets>${opts.order
        .map(
          (file, i) =>
            `<sheet name="s${i}" sheetId="${i + 1}" r:id="rId${Object.keys(opts.sheets).indexOf(file) + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<Relationships xmlns="${PKG}">${rels}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    ...Object.entries(opts.sheets).map(([file, text]) => ({ name: `xl/worksheets/${file}`, text })),
  ];
  if (opts.strings) parts.push({ name: 'xl/sharedStrings.xml', text: `<sst xmlns="${NS}">${opts.strings}</sst>` });
  if (opts.styles) parts.push({ name: 'xl/styles.xml', text: `<styleSheet xmlns="${NS}">${opts.styles}</styleSheet>` });
  return zipOf(parts);
}

async function rows(file: Uint8Array, limits = defaultImportLimits) {
  const out: [number, unknown[]][] = [];
  for await (const r of readXlsxRows(file, limits)) out.push([r.row, [...r.cells]]);
  return out;
}

const sheet = (rowsXml: string, prefix = '') =>
  `<${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${NS}"><${prefix}sheetData>${rowsXml}</${prefix}sheetData></${prefix}worksheet>`;

describe('XLSX reader: cells as exceljs gave them, without its unbounded memory', () => {
  test('the data sheet is the first in workbook order with known headers; an instructions sheet is skipped', async () => {
    const file = workbook({
      sheets: {
        'sheet1.xml': sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>住所</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>数据</t></is></c></row>',
        ),
        'sheet2.xml': sheet('<row r="3"><c r="A3" t="inlineStr"><is><t>请在第二个工作表填写</t></is></c></row>'),
      },
      order: ['sheet2.xml', 'sheet1.xml'],
    });
    assert.deepEqual(await rows(file), [
      [1, ['名称', '住所']],
      [2, ['数据']],
    ]);
  });

  test('shared strings (rich text joined, phonetic guides left out), numbers, booleans, errors, formulas, dates', async () => {
    const strings =
      '<si><t>名称</t></si><si><t>成立日期</t></si><si><r><t>佛山</t></r><r><rPr><b/></rPr><t>市</t></r><rPh><t>フォ</t></rPh></si>';
    // Style 1: built-in 14 (a date); style 2: a custom date format; style 3: a custom number format.
    const styles =
      '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;元&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" s="1"><v>45356</v></c><c r="C4" s="2"><f>B4</f><v>45357.5</v></c>' +
      '<c r="D4" s="3"><v>1000000.5</v></c><c r="E4" t="b"><v>1</v></c><c r="F4" t="e"><v>#N/A</v></c>' +
      '<c r="G4" t="str"><f>A4&amp;"x"</f><v>佛山市x</v></c><c r="H4" s="3"/><c r="J4"><v>13800138000</v></c></row>' +
      '<row r="5"><c r="A5" s="1"/></row>';
    const got = await rows(workbook({ sheets: { 'sheet1.xml': sheet(data) }, order: ['sheet1.xml'], strings, styles }));
    assert.equal(got.length, 2, 'a row of styled empty cells is no row');
    assert.deepEqual(got[1], [
      4,
      [
        '佛山市',
        new Date(Date.UTC(2024, 2, 5)),
        new Date(Date.UTC(2024, 2, 6, 12)),
        1000000.5,
        true,
        '#N/A',
        '佛山市x',
        undefined,
        undefined,
        13800138000,
      ],
    ]);
  });

  test('the 1904 date system, namespace prefixes, and cells without references', async () => {
    const data =
      '<x:row><x:c t="inlineStr"><x:is><x:t>名称</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>成立日期</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c s="1"><x:v>43894</x:v></x:c></x:row>';
    const file = workbook({
      sheets: { 'sheet1.xml': sheet(data, 'x:') },
      order: ['sheet1.xml'],
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      book: '<workbookPr date1904="1"/>',
    });
    assert.deepEqual(await rows(file), [
      [1, ['名称', '成立日期']],
      [2, ['甲', new Date(Date.UTC(2024, 2, 5))]],
    ]);
  });

  test('damaged files are a Chinese file error, never a crash', async () => {
    const good = workbook({
      sheets: { 'sheet1.xml': sheet('<row><c t="inlineStr"><is><t>名称</t></is></c></row>') },
      order: ['sheet1.xml'],
    });
    for (const bad of [
      good.subarray(0, good.length - 30),
      Buffer.from('PK\x03\x04 not really'),
      workbook({ sheets: { 'sheet1.xml': '<worksheet><sheetData><row>' }, order: ['sheet1.xml'] }),
    ]) {
      await assert.rejects(
        rows(bad),
        (err) => err instanceof AppError && err.code === 'VALIDATION' && /XLSX/.test(err.detail),
      );
    }
  });
});
