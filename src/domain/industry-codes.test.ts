import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  INDUSTRY_DETAILS,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  industriesAtLevel,
  industryByCode,
  industryFullCode,
  industryPath,
  isValidIndustryCode,
} from './industry-codes.ts';

const sectionOf = new Map(INDUSTRY_DIVISIONS.map(([code, , section]) => [code, section]));

describe('industry data (GB/T 4754-2017)', () => {
  it('has the 20 门类 A–T in order', () => {
    assert.equal(INDUSTRY_SECTIONS.length, 20);
    assert.deepEqual(
      INDUSTRY_SECTIONS.map(([letter]) => letter),
      [...'ABCDEFGHIJKLMNOPQRST'],
    );
  });

  it('has the 97 大类 01–97, each 门类 owning a contiguous run', () => {
    assert.equal(INDUSTRY_DIVISIONS.length, 97);
    INDUSTRY_DIVISIONS.forEach(([code], i) => {
      assert.equal(code, String(i + 1).padStart(2, '0'));
    });
    const runs = INDUSTRY_DIVISIONS.map(([, , section]) => section).filter((s, i, all) => s !== all[i - 1]);
    assert.deepEqual(runs, [...'ABCDEFGHIJKLMNOPQRST']);
    // Spot checks of the boundaries the standard states for each 门类.
    const expected: Record<string, string> = { '05': 'A', '06': 'B', '13': 'C', '43': 'C', '44': 'D', '47': 'E' };
    Object.assign(expected, { '51': 'F', '53': 'G', '61': 'H', '63': 'I', '66': 'J', '70': 'K', '71': 'L' });
    Object.assign(expected, { '73': 'M', '76': 'N', '80': 'O', '83': 'P', '84': 'Q', '86': 'R', '91': 'S' });
    for (const [code, section] of Object.entries(expected)) assert.equal(sectionOf.get(code), section, code);
    assert.equal(sectionOf.get('97'), 'T');
  });

  it('lists at least 150 小类, each under a known 大类 and a known 中类, without duplicates', () => {
    const codes = INDUSTRY_DETAILS.map(([code]) => code);
    assert.equal(new Set(codes).size, codes.length);
    const classes = INDUSTRY_DETAILS.filter(([code]) => code.length === 4);
    assert.ok(classes.length >= 150, `only ${classes.length} 小类`);
    for (const [code, name] of INDUSTRY_DETAILS) {
      assert.match(code, /^\d{3,4}$/, code);
      assert.equal(name, name.trim(), code);
      assert.ok(sectionOf.has(code.slice(0, 2)), `${code}: unknown 大类`);
      const entry = industryByCode(code);
      assert.equal(entry?.section, sectionOf.get(code.slice(0, 2)), code);
      if (code.length === 4) {
        // A 小类 not ending in 0 belongs to a 中类 that must be listed explicitly.
        const group = industryByCode(code.slice(0, 3));
        assert.ok(group, `${code}: unknown 中类`);
        assert.equal(group.level, 'group');
        if (!code.endsWith('0')) assert.ok(codes.includes(code.slice(0, 3)), `${code}: 中类 not listed`);
      }
    }
  });

  it('derives the undivided 中类 from its 0-ending 小类', () => {
    assert.deepEqual(industryByCode('621'), { code: '621', name: '正餐服务', level: 'group', section: 'H' });
    assert.equal(industryByCode('622')?.name, '快餐服务');
    assert.equal(industryByCode('019')?.name, '其他农业');
  });
});

describe('industryByCode / isValidIndustryCode', () => {
  it('finds entries at every level, bare or with the 门类 letter', () => {
    assert.deepEqual(industryByCode('6210'), { code: '6210', name: '正餐服务', level: 'class', section: 'H' });
    assert.equal(industryByCode('H6210')?.code, '6210');
    assert.equal(industryByCode(' h6220 ')?.name, '快餐服务');
    assert.equal(industryByCode('6231')?.name, '茶馆服务');
    // 6241 is 餐饮配送服务 in the 2017 edition, not 茶馆服务.
    assert.equal(industryByCode('6241')?.name, '餐饮配送服务');
    assert.equal(industryByCode('F52')?.name, '零售业');
    assert.equal(industryByCode('F')?.name, '批发和零售业');
    assert.equal(industryByCode('5212')?.name, '超级市场零售');
  });

  it('refuses unknown codes and a letter that does not match the digits', () => {
    for (const code of ['C6210', 'Z', 'U', '98', '00', '6200', '62100', 'H', 'H62', '']) {
      const expected = code === 'H' || code === 'H62';
      assert.equal(isValidIndustryCode(code), expected, code);
    }
  });
});

describe('industryPath', () => {
  it('walks 门类 → 大类 → 中类 → 小类', () => {
    assert.deepEqual(
      industryPath('H6231').map((e) => `${e.code} ${e.name}`),
      ['H 住宿和餐饮业', '62 餐饮业', '623 饮料及冷饮服务', '6231 茶馆服务'],
    );
    assert.deepEqual(
      industryPath('6210').map((e) => e.code),
      ['H', '62', '621', '6210'],
    );
    assert.deepEqual(
      industryPath('52').map((e) => e.level),
      ['section', 'division'],
    );
    assert.deepEqual(
      industryPath('O').map((e) => e.name),
      ['居民服务、修理和其他服务业'],
    );
    assert.deepEqual(industryPath('9999'), []);
  });

  it('ends at the entry itself and only ever steps down one level, for every known code', () => {
    const all = (['section', 'division', 'group', 'class'] as const).flatMap((level) => industriesAtLevel(level));
    fc.assert(
      fc.property(fc.constantFrom(...all), (entry) => {
        const full = industryFullCode(entry.code);
        assert.ok(full);
        const path = industryPath(full);
        assert.deepEqual(path.at(-1), entry);
        assert.equal(path[0]?.code, entry.section);
        path.slice(1).forEach((step, i) => {
          assert.equal(step.code.length, i + 2);
          assert.ok(entry.code.startsWith(step.code));
        });
      }),
    );
  });

  it('formats the letter-prefixed code', () => {
    assert.equal(industryFullCode('6231'), 'H6231');
    assert.equal(industryFullCode('F52'), 'F52');
    assert.equal(industryFullCode('K'), 'K');
    assert.equal(industryFullCode('6200'), undefined);
  });
});
