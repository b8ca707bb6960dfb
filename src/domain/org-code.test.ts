import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isValidOrgCode, orgCodeCheckChar } from './org-code.ts';

const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const body8 = fc.string({ unit: fc.constantFrom(...ORG_CHARS), minLength: 8, maxLength: 8 });

describe('orgCodeCheckChar', () => {
  it('matches the subject identifiers of published unified social credit codes', () => {
    // Positions 9–17 of real codes that also pass the GB 32100 check (see uscc.test.ts).
    for (const code of ['192203821', '716105852', '71526726X', '551385082', '708461136', 'M000100Y4']) {
      assert.equal(isValidOrgCode(code), true, code);
    }
  });

  it('maps a remainder of 10 to X and of 11 to 0', () => {
    assert.equal(orgCodeCheckChar('71526726'), 'X');
    // 1·3 + 1·7 = 10 → c = 1; 'B' (11) alone → sum 33 ≡ 0 → c = 11 → '0'.
    assert.equal(orgCodeCheckChar('11000000'), '1');
    assert.equal(orgCodeCheckChar('B0000000'), '0');
    assert.equal(orgCodeCheckChar('00000000'), '0');
  });

  it('always yields a digit or X, and the completed code validates', () => {
    fc.assert(
      fc.property(body8, (body) => {
        const check = orgCodeCheckChar(body);
        assert.match(check, /^[0-9X]$/);
        assert.equal(isValidOrgCode(`${body}${check}`), true);
      }),
    );
  });

  it('rejects any other check character', () => {
    fc.assert(
      fc.property(body8, fc.constantFrom(...'0123456789X'), (body, other) => {
        fc.pre(other !== orgCodeCheckChar(body));
        assert.equal(isValidOrgCode(`${body}${other}`), false);
      }),
    );
  });

  it('rejects malformed input', () => {
    assert.throws(() => orgCodeCheckChar('1234567'), RangeError);
    assert.throws(() => orgCodeCheckChar('1234567a'), RangeError);
    assert.equal(isValidOrgCode('19220382-1'), false);
    assert.equal(isValidOrgCode('1922038211'), false);
    assert.equal(isValidOrgCode(''), false);
  });

  it('does not catch every single substitution on its own (why USCC adds a mod-31 check)', () => {
    // Values are taken mod 11, so '0' (0) and 'B' (11) are indistinguishable in any position.
    assert.equal(orgCodeCheckChar('0000000A'), orgCodeCheckChar('0000000A'.replace('0', 'B')));
  });
});
