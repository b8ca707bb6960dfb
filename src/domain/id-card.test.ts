import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ID_CARD_WEIGHTS,
  idCardCheckChar,
  isValidIdCard,
  isValidMobile,
  isValidPhone,
  makeIdCard,
  maskIdCard,
  maskPhone,
  normaliseIdCard,
  normalisePhone,
  validateIdCard,
} from './id-card.ts';

const today = '2026-05-20';
const digit = fc.constantFrom(...'0123456789');
const region6 = fc
  .tuple(fc.constantFrom('11', '33', '44', '45', '65', '81'), fc.string({ unit: digit, minLength: 4, maxLength: 4 }))
  .map(([p, rest]) => `${p}${rest}`);
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const seq3 = fc.string({ unit: digit, minLength: 3, maxLength: 3 });
const madeId = fc.tuple(region6, birth, seq3).map(([r, b, s]) => makeIdCard(r, b, s));

describe('idCardCheckChar', () => {
  it('uses the weights 2^(18-i) mod 11', () => {
    ID_CARD_WEIGHTS.forEach((w, i) => {
      assert.equal(w, 2 ** (17 - i) % 11);
    });
  });

  it('matches the GB 11643 examples', () => {
    assert.equal(idCardCheckChar('11010519491231002'), 'X');
    assert.equal(idCardCheckChar('44052418800101001'), '4');
  });
});

describe('validateIdCard', () => {
  it('accepts the GB 11643 example and reads birth date, sex and region', () => {
    assert.deepEqual(validateIdCard('11010519491231002X', { today }), {
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
    const male = validateIdCard(makeIdCard('440606', '19850704', '013'), { today });
    assert.equal(male.ok && male.sex, 'male');
  });

  it('refuses a birth date before 1900 even with a correct check character (the other GB 11643 example)', () => {
    const result = validateIdCard('440524188001010014', { today });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.code, 'birthDate');
      assert.match(result.reason, /早于1900年/);
    }
  });

  it('refuses impossible and future dates', () => {
    assert.equal(isValidIdCard(makeIdCard('440606', '20000229', '001'), { today }), true);
    for (const date of ['19000229', '20230229', '19851301', '19850431', '20260521']) {
      const result = validateIdCard(makeIdCard('440606', date, '001'), { today });
      assert.equal(!result.ok && result.code, 'birthDate', date);
    }
    assert.equal(isValidIdCard(makeIdCard('440606', '20260520', '001'), { today }), true);
  });

  it('reports length, charset, region and check-character problems in Chinese', () => {
    const codeOf = (id: string) => {
      const result = validateIdCard(id, { today });
      return result.ok ? 'ok' : result.code;
    };
    assert.equal(codeOf('11010519491231002'), 'length');
    assert.equal(codeOf('11010519491231002x'), 'charset');
    assert.equal(codeOf('1101051949123100XX'), 'charset');
    assert.equal(codeOf(makeIdCard('000000', '19850704', '013')), 'region');
    assert.equal(codeOf(makeIdCard('990000', '19850704', '013')), 'region');
    assert.deepEqual(validateIdCard('110105194912310021', { today }), {
      ok: false,
      code: 'checkChar',
      reason: '第18位校验码应为 X，实际为 1',
    });
  });

  it('accepts every made number, with the sex taken from the parity of digit 17', () => {
    fc.assert(
      fc.property(region6, birth, seq3, (r, b, s) => {
        const result = validateIdCard(makeIdCard(r, b, s), { today });
        assert.equal(result.ok, true);
        if (result.ok) {
          assert.equal(result.sex, Number(s.charAt(2)) % 2 === 1 ? 'male' : 'female');
          assert.equal(result.birthDate.replace(/-/g, ''), b);
          assert.equal(result.regionCode, r);
        }
      }),
    );
  });

  it('detects every single substitution (mod 11 is prime and no weight is 0 mod 11)', () => {
    fc.assert(
      fc.property(madeId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, i, ch) => {
        fc.pre(ch !== id.charAt(i) && (i === 17 || ch !== 'X'));
        const changed = `${id.slice(0, i)}${ch}${id.slice(i + 1)}`;
        if (i < 17) assert.notEqual(idCardCheckChar(changed.slice(0, 17)), id.charAt(17));
        assert.equal(isValidIdCard(changed, { today }), false);
      }),
    );
  });
});

describe('normaliseIdCard and maskIdCard', () => {
  it('normalises full-width digits, spaces and a lower-case x', () => {
    assert.equal(normaliseIdCard(' １１０１０５ 19491231002x '), '11010519491231002X');
  });

  it('keeps the first 3 and last 4 characters of an 18-character number', () => {
    assert.equal(maskIdCard('11010519491231002X'), '110***********002X');
    fc.assert(
      fc.property(madeId, (id) => {
        const masked = maskIdCard(id);
        assert.equal(masked.length, 18);
        assert.equal(masked.slice(3, 14), '*'.repeat(11));
      }),
    );
  });

  it('never returns a malformed number whole', () => {
    assert.equal(maskIdCard('110105491231002'), '***********1002');
    assert.equal(maskIdCard('1234567'), '*******');
    assert.equal(maskIdCard(''), '');
  });
});

describe('phone numbers', () => {
  it('recognises mainland mobiles, tolerating spaces and a country prefix', () => {
    for (const p of ['13812345678', '19912345678', '+86 138 1234 5678', '0086-13812345678', '１３８１２３４５６７８']) {
      assert.equal(isValidMobile(p), true, p);
    }
    for (const p of ['12812345678', '1381234567', '138123456789', '23812345678', '']) {
      assert.equal(isValidMobile(p), false, p);
    }
    assert.equal(normalisePhone('+86 138 1234 5678'), '13812345678');
  });

  it('accepts landlines with area code, 5-digit service numbers and 400/800 numbers', () => {
    for (const p of ['0757-86123456', '075786123456', '010-62345678', '(020)87654321', '0771-2345678-801']) {
      assert.equal(isValidPhone(p), true, p);
    }
    for (const p of ['12315', '12345', '95588', '400-123-4567', '4001234567', '13812345678']) {
      assert.equal(isValidPhone(p), true, p);
    }
    for (const p of ['86123456', '0757-06123456', '010-12345678', '1231', '123456', 'abc', '']) {
      assert.equal(isValidPhone(p), false, p);
    }
  });

  it('masks mobiles as 138****5678 and landlines behind their area code', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskPhone('+86 138 1234 5678'), '138****5678');
    assert.equal(maskPhone('0757-86123456'), '0757-****3456');
    assert.equal(maskPhone('075786123456'), '0757-****3456');
    assert.equal(maskPhone('02087654321'), '020-****4321');
    assert.equal(maskPhone('0771-2345678'), '0771-***5678');
    assert.equal(maskPhone('12315'), '12315');
    assert.equal(maskPhone('123456789'), '*****6789');
    assert.equal(maskPhone('123'), '***');
  });
});
