import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { orgCodeCheckChar } from './org-code.ts';
import {
  isValidUscc,
  makeUscc,
  normaliseUscc,
  USCC_ALPHABET,
  USCC_WEIGHTS,
  usccCheckChar,
  validateUscc,
} from './uscc.ts';

const usccChar = fc.constantFrom(...USCC_ALPHABET);
const digit = fc.constantFrom(...'0123456789');
const prefix2 = fc.constantFrom('91', '92', '93', '11', '12', '51', '52', '53', 'Y1');
const region6 = fc.string({ unit: digit, minLength: 6, maxLength: 6 });
const subject8 = fc.string({ unit: usccChar, minLength: 8, maxLength: 8 });
const madeUscc = fc.tuple(prefix2, region6, subject8).map(([p, r, s]) => makeUscc(p, r, s));

/** Replaces pos 17 and recomputes pos 18, so only the embedded organisation-code digit is wrong. */
function withBadOrgDigit(code: string): string {
  const good = code.charAt(16);
  const bad = good === '0' ? '1' : '0';
  const first17 = `${code.slice(0, 16)}${bad}`;
  return `${first17}${usccCheckChar(first17)}`;
}

describe('USCC alphabet and weights', () => {
  it('has 31 characters without I, O, Z, S, V', () => {
    assert.equal(USCC_ALPHABET.length, 31);
    assert.equal(new Set(USCC_ALPHABET).size, 31);
    for (const ch of 'IOZSV') assert.equal(USCC_ALPHABET.includes(ch), false, ch);
  });

  it('uses 3^(i-1) mod 31, all distinct', () => {
    USCC_WEIGHTS.forEach((w, i) => {
      assert.equal(w, 3 ** i % 31);
    });
    assert.equal(new Set(USCC_WEIGHTS).size, 17);
  });
});

describe('validateUscc', () => {
  it('accepts published codes of real enterprises (recalled, and confirmed by both check digits)', () => {
    // 91350100M000100Y43 is the worked example used with GB 32100; the others are large companies' codes.
    for (const code of [
      '91350100M000100Y43',
      '914403001922038216',
      '91330100716105852F',
      '9144030071526726XG',
      '91110108551385082Q',
      '91440300708461136T',
    ]) {
      const result = validateUscc(code);
      assert.equal(result.ok, true, code);
      if (result.ok) {
        assert.equal(result.entityType, 'enterprise');
        assert.equal(result.regionCode, code.slice(2, 8));
        assert.equal(result.orgCodeValid, true);
      }
    }
  });

  it('refuses 91350203M0001QAY9B (DOMAIN.md) with the expected check character in Chinese', () => {
    assert.deepEqual(validateUscc('91350203M0001QAY9B'), {
      ok: false,
      code: 'checkChar',
      reason: '第18位校验码应为 9，实际为 B',
    });
  });

  it('reports length and charset problems first', () => {
    const short = validateUscc('91350100M000100Y4');
    assert.equal(short.ok, false);
    if (!short.ok) {
      assert.equal(short.code, 'length');
      assert.match(short.reason, /应为18位，当前为17位/);
    }
    const letterO = validateUscc('91350100MO00100Y43');
    assert.equal(letterO.ok, false);
    if (!letterO.ok) {
      assert.equal(letterO.code, 'charset');
      assert.match(letterO.reason, /第10位字符“O”/);
    }
    const lower = validateUscc('91350100m000100y43');
    assert.equal(!lower.ok && lower.code, 'charset');
  });

  it('treats a bad GB 11714 digit as an error for 91 and 93, and as a soft flag for 92 and others', () => {
    const enterprise = withBadOrgDigit(makeUscc('91', '440606', 'MA4UABC1'));
    const enterpriseResult = validateUscc(enterprise);
    assert.equal(enterpriseResult.ok, false);
    if (!enterpriseResult.ok) {
      assert.equal(enterpriseResult.code, 'orgCode');
      assert.match(enterpriseResult.reason, /^第17位（组织机构代码校验码）应为 /);
    }
    const cooperative = validateUscc(withBadOrgDigit(makeUscc('93', '451402', 'MA5KXY12')));
    assert.equal(!cooperative.ok && cooperative.code, 'orgCode');
    for (const prefix of ['92', '12', '52']) {
      const result = validateUscc(withBadOrgDigit(makeUscc(prefix, '451402', 'L1234567')));
      assert.equal(result.ok, true, prefix);
      if (result.ok) assert.equal(result.orgCodeValid, false);
    }
  });

  it('classifies the entity type from the first two characters', () => {
    const typeOf = (prefix: string) => {
      const result = validateUscc(makeUscc(prefix, '440606', 'MA4UABC1'));
      return result.ok ? result.entityType : undefined;
    };
    assert.equal(typeOf('91'), 'enterprise');
    assert.equal(typeOf('92'), 'individualBusiness');
    assert.equal(typeOf('93'), 'farmerCooperative');
    assert.equal(typeOf('12'), 'other');
  });
});

describe('makeUscc', () => {
  it('always builds a code that validates, with a correct GB 11714 digit', () => {
    fc.assert(
      fc.property(prefix2, region6, subject8, (p, r, s) => {
        const code = makeUscc(p, r, s);
        assert.equal(code.length, 18);
        assert.equal(code.slice(0, 16), `${p}${r}${s}`);
        assert.equal(code.charAt(16), orgCodeCheckChar(s));
        const result = validateUscc(code);
        assert.equal(result.ok, true);
        if (result.ok) assert.equal(result.regionCode, r);
      }),
    );
  });

  it('rejects inputs outside the code space', () => {
    assert.throws(() => makeUscc('9', '440606', 'MA4UABC1'), RangeError);
    assert.throws(() => makeUscc('91', '44060A', 'MA4UABC1'), RangeError);
    assert.throws(() => makeUscc('91', '440606', 'MA4UABCI'), RangeError);
  });
});

describe('error detection (mod 31, prime, distinct non-zero weights)', () => {
  it('detects every single-character substitution, exhaustively on published codes', () => {
    for (const code of ['91350100M000100Y43', '914403001922038216', '9144030071526726XG']) {
      for (let i = 0; i < 18; i++) {
        for (const ch of USCC_ALPHABET) {
          if (ch === code.charAt(i)) continue;
          const changed = `${code.slice(0, i)}${ch}${code.slice(i + 1)}`;
          assert.equal(isValidUscc(changed), false, `${changed} (pos ${i + 1})`);
        }
      }
    }
  });

  it('detects any single substitution in made codes', () => {
    fc.assert(
      fc.property(madeUscc, fc.integer({ min: 0, max: 17 }), usccChar, (code, i, ch) => {
        fc.pre(ch !== code.charAt(i));
        assert.equal(validateUscc(`${code.slice(0, i)}${ch}${code.slice(i + 1)}`).ok, false);
      }),
    );
  });

  it('detects every swap of two different characters within positions 1–17', () => {
    fc.assert(
      fc.property(madeUscc, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 }), (code, i, j) => {
        fc.pre(i < j && code.charAt(i) !== code.charAt(j));
        const chars = [...code];
        [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
        assert.notEqual(usccCheckChar(chars.slice(0, 17).join('')), code.charAt(17));
      }),
    );
  });
});

describe('normaliseUscc', () => {
  it('trims, removes inner spaces, upper-cases and converts full-width characters', () => {
    assert.equal(normaliseUscc('  91350100m000100y43 '), '91350100M000100Y43');
    assert.equal(normaliseUscc('９１３５０１００Ｍ０００１００Ｙ４３'), '91350100M000100Y43');
    assert.equal(normaliseUscc('9135 0100\u3000M000 100Y43'), '91350100M000100Y43');
    assert.equal(isValidUscc(normaliseUscc('９１３５０１００ｍ０００１００ｙ４３')), true);
  });
});
