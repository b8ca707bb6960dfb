import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { findTextFault, TEXT_MAX_LENGTH, textFault } from './text.ts';

describe('request text rule', () => {
  test('well-formed text without NUL up to the max is accepted (any script, emoji included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        fc.pre(!s.includes('\u0000'));
        assert.equal(textFault(s), undefined);
      }),
    );
    assert.equal(textFault('投诉😀𠮷'), undefined);
    assert.equal(textFault('x'.repeat(TEXT_MAX_LENGTH)), undefined);
  });

  test('a NUL, a lone high or low surrogate, or one character too many is refused wherever it sits', () => {
    const bad = fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), bad, fc.string({ maxLength: 50 }), (a, b, c) => {
        // A high surrogate right before a low one is a valid pair, not a lone half.
        fc.pre(!/[\uD800-\uDBFF]$/.test(a) || !/^[\uDC00-\uDFFF]/.test(b));
        fc.pre(!/[\uD800-\uDBFF]$/.test(b) || !/^[\uDC00-\uDFFF]/.test(c));
        assert.ok(textFault(`${a}${b}${c}`));
      }),
    );
    assert.match(textFault('a\u0000b') ?? '', /U\+0000/);
    assert.match(textFault('a\uD800b') ?? '', /代理项/);
    assert.match(textFault('x'.repeat(TEXT_MAX_LENGTH + 1)) ?? '', /过长/);
  });

  test('finds the first refused string in a body, with its dotted path', () => {
    assert.equal(findTextFault({ a: 'ok', b: [1, 'fine', { c: null }] }), undefined);
    assert.deepEqual(findTextFault({ person: { name: '张\u0000三' } })?.path, 'person.name');
    assert.deepEqual(findTextFault({ a: 'x\uDC00', b: 'y\u0000' })?.path, 'a');
    assert.deepEqual(findTextFault({ items: [{ uscc: 'ok' }, { uscc: '\uD83D' }] })?.path, 'items.1.uscc');
    assert.deepEqual(findTextFault({ table: { 'k\u0000': 1 } }), {
      path: 'table',
      message: '字段名含有不允许的空字符（U+0000）',
    });
    assert.equal(findTextFault('\u0000')?.path, '');
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    assert.equal(findTextFault(deep)?.message, '含有不允许的空字符（U+0000）');
  });
});
