import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { MAX_PENDING_CHARS, XmlScanner, XmlSyntaxError } from './xml-scanner.ts';

type Event = [string, string, Record<string, string>?];

/** The events as one list, adjacent texts joined (either parser may split a text at a chunk's end). */
function push(out: Event[], e: Event) {
  const last = out[out.length - 1];
  if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
  else out.push(e);
}

function scanned(chunks: string[]): Event[] {
  const out: Event[] = [];
  const scanner = new XmlScanner({
    open: (t) => push(out, ['open', t.name, { ...t.attributes }]),
    text: (t) => push(out, ['text', t]),
    close: (t) => push(out, ['close', t.name]),
  });
  for (const c of chunks) scanner.write(c);
  scanner.close();
  return out;
}

function bySaxes(xml: string): Event[] {
  const out: Event[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (t) => push(out, ['open', t.name, { ...(t.attributes as Record<string, string>) }]));
  parser.on('text', (t) => push(out, ['text', t]));
  parser.on('cdata', (t) => push(out, ['text', t]));
  parser.on('closetag', (t) => push(out, ['close', t.name]));
  parser.write(xml).close();
  return out;
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- written by hand -->' +
  '<x:worksheet xmlns:x="urn:x"><x:sheetData>\n  <x:row r="1" spans="1:3">' +
  '<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> 佛山 &amp; &lt;市&gt; &quot;x&quot; &apos;y&apos; &#20315;&#x5C71;&#x1F600;</x:t></x:is></x:c>' +
  '<x:c r=\'B1\' t = "s" ><x:v>0</x:v></x:c><x:c r="C1" s="1"/><x:c r="D1"><x:v><![CDATA[1<2 & 3]]></x:v></x:c>' +
  '<x:c r="E1" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>一\r\n二\r三</x:t></x:r><x:rPh sb="0" eb="1"><x:t>イチ</x:t></x:rPh></x:is></x:c>' +
  '<x:c r="F1" t="str"><x:f>A1&amp;"&gt;"</x:f><x:v>a&gt;b</x:v></x:c><x:c title="a &gt; b" r="G1"><x:v>2</x:v></x:c>' +
  '</x:row>\n</x:sheetData></x:worksheet>';

describe('XML scanner: the events saxes gives, from any chunking', () => {
  test('entities, CDATA, comments, prefixes, quotes, self-closing tags and line ends, whole', () => {
    assert.deepEqual(scanned([SHEET]), bySaxes(SHEET));
  });

  test('split in two at every position', () => {
    const expected = bySaxes(SHEET);
    for (let i = 1; i < SHEET.length; i++) {
      assert.deepEqual(scanned([SHEET.slice(0, i), SHEET.slice(i)]), expected, `split at ${i}`);
    }
  });

  test('one character at a time', () => {
    assert.deepEqual(scanned([...SHEET]), bySaxes(SHEET));
  });

  test('malformed XML is an XmlSyntaxError, as saxes refuses it', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a><b>',
      '<a>&nbsp;</a>',
      '<a>&#0;</a>',
      '<a>& b</a>',
      '<a x=1/>',
      '<a x="1/>',
      '',
      '<a></a',
      '<a><!x></a>',
    ]) {
      assert.throws(() => bySaxes(bad), Error, bad);
      assert.throws(() => scanned([bad]), XmlSyntaxError, bad);
    }
  });

  test('an unclosed comment, CDATA or quote is refused once it outgrows any sheet, not buffered to the end', () => {
    const filler = '<row><c><v>1</v></c></row>'.repeat(4096);
    for (const opening of ['<a><!--', '<a><![CDATA[', '<a><c r="']) {
      const scanner = new XmlScanner({ open: () => {} });
      scanner.write(opening);
      assert.throws(() => {
        for (let n = 0; n <= MAX_PENDING_CHARS / filler.length + 1; n++) scanner.write(filler);
      }, XmlSyntaxError);
    }
  });
});
