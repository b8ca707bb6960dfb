import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { makeIdCard } from './id-card.ts';
import { maskPersonalText } from './personal-text.ts';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });
const mobile = fc.tuple(fc.constantFrom(...'3456789'), digits(9)).map(([b, rest]) => `1${b}${rest}`);
const idNumber = fc
  .tuple(
    fc.constantFrom('110105', '440605', '330102'),
    fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
    digits(3),
  )
  .map(([r, d, s]) => makeIdCard(r, d.toISOString().slice(0, 10).replaceAll('-', ''), s));
const email = fc
  .emailAddress()
  .filter((e) => /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(e));
/** Text around the personal data: Chinese words and punctuation, no digits (a digit would make a longer number). */
const words = fc.string({ unit: fc.constantFrom(...'请回电联系我投诉商家，。：（）电话 abc'), maxLength: 12 });

describe('maskPersonalText', () => {
  it('masks the examples people actually write', () => {
    const cases: [string, string][] = [
      ['请回电13812345678谢谢', '请回电138****5678谢谢'],
      ['电话 138 1234 5678。', '电话 138****5678。'],
      ['手机：１３８－１２３４－５６７８', '手机：138****5678'],
      ['+86 13812345678', '138****5678'],
      ['座机0757-86123456或075786123456', '座机0757-****3456或0757-****3456'],
      ['身份证44060519900101123X，', '身份证440***********123X，'],
      ['身份证号440605199001011238', '身份证号440***********1238'],
      ['老证440605900101123', '老证***********1123'],
      ['邮箱 zhang.san@qq.com 联系', '邮箱 z***@qq.com 联系'],
    ];
    for (const [text, masked] of cases) assert.equal(maskPersonalText(text), masked, text);
  });

  it('leaves text without personal data alone (dates, amounts, tracking codes, short numbers)', () => {
    for (const s of ['2026-01-05 08:30 收到', '金额35.50元，订单20260105', 'TS20260105ABCDEF', '拨打12315', '第3次'])
      assert.equal(maskPersonalText(s), s);
    fc.assert(fc.property(words, (s) => assert.equal(maskPersonalText(s), s)));
  });

  it('never lets a mobile, an ID number or an e-mail address through, wherever it sits', () => {
    fc.assert(
      fc.property(words, fc.oneof(mobile, idNumber, email), words, (a, secret, b) => {
        const out = maskPersonalText(`${a}${secret}${b}`);
        assert.ok(!out.includes(secret), `${secret} in ${out}`);
        if (/^\d{11}$/.test(secret)) assert.equal(out, `${a}${secret.slice(0, 3)}****${secret.slice(7)}${b}`);
        if (!secret.includes('@') && secret.length === 18)
          assert.ok(!out.includes(secret.slice(6, 14)), 'the birth date never shows');
      }),
    );
  });

  it('is idempotent', () => {
    const anyText = fc.string({ unit: fc.constantFrom(...'0123456789１３８ -+@.Xxa中'), maxLength: 40 });
    fc.assert(fc.property(anyText, (s) => assert.equal(maskPersonalText(maskPersonalText(s)), maskPersonalText(s))));
  });
});
