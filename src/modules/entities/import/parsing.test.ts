import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { AppError } from '../../../platform/errors.ts';
import { csvField, csvLine } from '../export/csv.ts';
import { decodeChunks, detectEncoding } from './encoding.ts';
import { sniffFormat } from './file-type.ts';
import { mapHeaders, normaliseHeader } from './headers.ts';
import { cellText, fenToYuan, parseDate, yuanToFen } from './values.ts';

const value = <T>(p: { ok: true; value: T } | { ok: false; reason: string }) => (p.ok ? p.value : `ERR ${p.reason}`);
const reason = (p: { ok: true } | { ok: false; reason: string }) => (p.ok ? 'OK' : p.reason);

describe('parseDate', () => {
  test('the written forms people use', () => {
    for (const s of ['2024-03-05', '2024-3-5', '2024/3/5', '2024/03/05', '2024.3.5', '2024年3月5日', '20240305']) {
      assert.equal(value(parseDate(s)), '2024-03-05', s);
    }
    assert.equal(value(parseDate(' ２０２４年３月５日 ')), '2024-03-05', 'full-width digits');
    assert.equal(value(parseDate('2024/3/5 0:00:00')), '2024-03-05', 'Excel CSV with a time');
  });
  test('Excel date cells and serial numbers', () => {
    assert.equal(value(parseDate(new Date(Date.UTC(2024, 2, 5)))), '2024-03-05');
    assert.equal(value(parseDate(45356)), '2024-03-05');
    assert.equal(value(parseDate(45356.75)), '2024-03-05');
    assert.equal(value(parseDate(20240305)), '2024-03-05');
  });
  test('impossible and malformed dates are refused in Chinese', () => {
    assert.match(reason(parseDate('2023-02-29')), /不是有效的日期/);
    assert.match(reason(parseDate('2024-13-01')), /不是有效的日期/);
    assert.match(reason(parseDate('05/03/2024')), /日期格式/);
    assert.match(reason(parseDate('三月五日')), /日期格式/);
  });
});

describe('yuanToFen', () => {
  test('decimal strings convert exactly, with no float error', () => {
    assert.equal(value(yuanToFen('0.29')), 29);
    assert.equal(value(yuanToFen('1,000,000.50')), 100_000_050);
    assert.equal(value(yuanToFen('￥12.3元')), 1230);
    assert.equal(value(yuanToFen('100万')), 100_000_000);
    assert.equal(value(yuanToFen('2.5万元')), 2_500_000);
    assert.equal(value(yuanToFen(1000000.5)), 100_000_050);
    assert.equal(value(yuanToFen('12.300')), 1230);
  });
  test('property: any fen amount written as yuan comes back unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (fen) => value(yuanToFen(fenToYuan(fen))) === fen,
      ),
    );
  });
  test('refuses sub-fen amounts, negatives, words and overflow', () => {
    assert.match(reason(yuanToFen('1.234')), /两位小数/);
    assert.match(reason(yuanToFen('-5')), /负数/);
    assert.match(reason(yuanToFen('一百万')), /金额数字/);
    assert.match(reason(yuanToFen('1e21')), /金额数字/);
    assert.match(reason(yuanToFen('999999999999999999')), /过大/);
  });
});

describe('cellText', () => {
  test('exceljs cell shapes', () => {
    assert.equal(cellText({ richText: [{ text: '佛山' }, { text: '市' }] }), '佛山市');
    assert.equal(cellText({ formula: 'A1', result: 42 }), '42');
    assert.equal(cellText({ text: '链接', hyperlink: 'http://x' }), '链接');
    assert.equal(cellText(null), '');
    assert.equal(cellText('  a  '), 'a');
  });
});

describe('header mapping', () => {
  test('Chinese labels, English keys, aliases, width and spacing all map', () => {
    assert.equal(normaliseHeader(' *法定代表人（经营者） '), '法定代表人(经营者)');
    const map = mapHeaders([
      '主体类型',
      'USCC',
      '企业名称',
      '住所（经营场所）',
      'establishedOn',
      '备注',
      '注册资本(元)',
    ]);
    assert.ok('index' in map);
    assert.deepEqual(map.index, { type: 0, uscc: 1, name: 2, address: 3, establishedOn: 4, registeredCapital: 6 });
    assert.deepEqual(map.ignored, ['备注']);
    assert.equal(map.label.uscc, 'USCC');
  });
  test('missing required columns and duplicated columns are named', () => {
    assert.deepEqual(mapHeaders(['名称', '住所']), { missing: ['主体类型', '统一社会信用代码', '成立日期'] });
    assert.deepEqual(mapHeaders(['主体类型', '统一社会信用代码', '名称', 'name', '住所', '成立日期']), {
      duplicate: 'name',
    });
  });
});

describe('encoding detection', () => {
  const text = '名称,住所\r\n佛山市南海区桂城鑫盛五金店,南海大道1号\r\n';
  const chunked = (b: Uint8Array, size: number) =>
    Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size));
  const decode = async (chunks: Uint8Array[]) => {
    let s = '';
    for await (const t of decodeChunks(chunks, await detectEncoding(chunks))) s += t;
    return s;
  };
  test('UTF-8 with and without BOM, GBK, GB18030 and UTF-16LE, even split mid-character', async () => {
    const utf8 = Buffer.from(text, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const gbk = iconv.encode(text, 'gbk');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.equal(await detectEncoding([utf8]), 'utf-8');
    assert.equal(await detectEncoding([gbk]), 'gb18030');
    assert.equal(await detectEncoding([utf16]), 'utf-16le');
    for (const bytes of [utf8, bom, gbk, utf16]) assert.equal(await decode(chunked(bytes, 5)), text);
    assert.equal(await decode([iconv.encode('𠀀㐀', 'gb18030')]), '𠀀㐀', 'four-byte GB18030');
  });
});

describe('file type sniffing', () => {
  const status = (head: Uint8Array, name: string) => {
    try {
      return sniffFormat(head, name);
    } catch (err) {
      return err instanceof AppError ? err.status : 'other';
    }
  };
  test('by content, not by name', () => {
    assert.equal(status(Buffer.from('PK\x03\x04rest'), 'a.csv'), 'xlsx');
    assert.equal(status(Buffer.from('名称,住所\n'), 'a.txt'), 'csv');
    assert.equal(status(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls'), 415);
    assert.equal(status(Buffer.from('%PDF-1.7'), 'a.pdf'), 415);
    assert.equal(status(Buffer.from('not a zip'), 'book.xlsx'), 422);
    assert.equal(status(Buffer.alloc(0), 'empty.csv'), 422);
    assert.equal(status(Buffer.from([1, 2, 0, 3]), 'blob.bin'), 415);
  });
});

describe('CSV writing', () => {
  test('quotes only when needed; formulas are neutralised', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', null, 12]), 'a,"b,c","say ""hi""",,12\r\n');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-1'), "'-1");
    assert.equal(csvField(-1), '-1');
  });
});
