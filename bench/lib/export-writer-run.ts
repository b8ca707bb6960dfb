// One export writer in its own process (so its peak memory is its own): prints {seconds, bytes, maxRssMb}.
// Usage: node --import tsx bench/lib/export-writer-run.ts <own|exceljs|module-path> <rows>
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { type SheetColumn, writeXlsx } from '../../src/platform/xlsx-stream.ts';

const [writer = 'own', rowsArg = '100000'] = process.argv.slice(2);
const rows = Number(rowsArg);
const columns: SheetColumn[] = [
  { header: '统一社会信用代码', width: 22 },
  { header: '名称', width: 36 },
  { header: '类型', width: 10 },
  { header: '状态', width: 8 },
  { header: '行业', width: 24 },
  { header: '住所', width: 44 },
  { header: '法定代表人', width: 10 },
  { header: '注册资本（万元）', width: 14, kind: 'money' },
  { header: '成立日期', width: 12, kind: 'date' },
  { header: '管辖所', width: 16 },
];
// A fixed set of realistic rows, cycled, so both writers spend their time writing, not generating.
const sample = Array.from({ length: 1000 }, (_, i) => [
  `91440605MA${String(100000 + i).padStart(7, '0')}X`,
  `佛山市南海区里水镇${['食品', '五金', '餐饮', '服装'][i % 4]}经营部${i}`,
  ['企业', '个体工商户', '农民专业合作社'][i % 3],
  '存续',
  '批发和零售业 / 食品、饮料及烟草制品批发',
  `广东省佛山市南海区里水镇${i % 90}号商铺${i % 7}层`,
  `陈*${i % 10}`,
  (i * 13.7) % 5000,
  new Date(Date.UTC(2010 + (i % 15), i % 12, 1 + (i % 28))),
  '里水市场监管所',
]);
async function* batches(): AsyncGenerator<unknown[][]> {
  for (let done = 0; done < rows; done += 1000) yield sample.slice(0, Math.min(1000, rows - done));
}

let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _enc, cb) {
    bytes += chunk.length;
    cb();
  },
});
const started = performance.now();
if (writer === 'exceljs') {
  const out = new PassThrough();
  const piping = pipeline(out, sink);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('市场主体');
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'money' ? { numFmt: '#,##0.00' } : {},
  }));
  for await (const batch of batches()) for (const r of batch) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await piping;
} else {
  const write = writer === 'own' ? writeXlsx : (await import(writer)).writeXlsx;
  const out = new PassThrough();
  const piping = pipeline(out, sink);
  await write(out, '市场主体', columns, batches());
  await piping;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
