import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { enUS } from '../../web/src/i18n/en-us.ts';
import { zhCN } from '../../web/src/i18n/zh-cn.ts';

const ROOT = join(import.meta.dirname, '../../web/src');
/** The message files are the only place for Chinese in the web UI. */
const MESSAGES = join(ROOT, 'i18n');
/** Han characters, CJK punctuation (，。：（）…) and full-width forms: any of them means untranslated text. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (path !== MESSAGES) sources(path, out);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/**
 * The source with comments blanked out (line breaks kept, so line numbers hold). Strings, template literals (with
 * nested ${…}) and JSX text stay: Chinese in any of them is shown to a user.
 */
export function withoutComments(src: string): string {
  let out = '';
  let i = 0;
  const templateDepth: number[] = []; // brace depth at which each open template's ${ started
  let braces = 0;
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? src.length : end;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (c === '`' || (c === '}' && templateDepth.at(-1) === braces)) {
      // A template literal, or the rest of one after a ${…} expression closes.
      if (c === '}') templateDepth.pop();
      let j = i + 1;
      while (j < src.length && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
      if (src[j] === '$') {
        templateDepth.push(braces);
        out += src.slice(i, j + 2);
        i = j + 2;
      } else {
        out += src.slice(i, j + 1);
        i = j + 1;
      }
    } else {
      if (c === '{') braces++;
      if (c === '}') braces--;
      out += c;
      i++;
    }
  }
  return out;
}

test('comments are blanked, strings and template literals are kept', () => {
  const src = [
    "const a = '网址 http://x'; // 注释",
    '/* 块',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal
    "注释 */ const b = `模板 ${c ? '甲' : `乙${d}`} 尾`;",
  ].join('\n');
  const kept = withoutComments(src);
  assert.match(kept, /网址 http:\/\/x/);
  assert.doesNotMatch(kept, /注释|块/);
  assert.match(kept, /模板.*甲.*乙.*尾/);
  assert.equal(kept.split('\n').length, src.split('\n').length);
});

test('no Chinese text in web/src outside the message files (web/src/i18n)', () => {
  const found: string[] = [];
  for (const file of sources(ROOT)) {
    const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
    lines.forEach((line, n) => {
      if (CJK.test(line)) found.push(`web/src/${relative(ROOT, file)}:${n + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(
    found,
    [],
    `Chinese outside web/src/i18n (put it in a message file and use t()):\n${found.join('\n')}`,
  );
});

test('every zh-CN message has a non-empty en-US translation with the same placeholders', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const problems: string[] = [];
  for (const [key, zh] of Object.entries(zhCN)) {
    const en = (enUS as Record<string, string | undefined>)[key];
    if (!en?.trim()) problems.push(`${key}: no en-US text`);
    else if (placeholders(en).join() !== placeholders(zh).join()) problems.push(`${key}: placeholders differ`);
  }
  for (const key of Object.keys(enUS)) if (!(key in zhCN)) problems.push(`${key}: en-US only`);
  assert.deepEqual(problems, []);
});
