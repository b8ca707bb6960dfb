import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePng } from '../../tests/helpers/png.ts';
import { AppError } from './errors.ts';
import { checkPng, type PngLimits } from './png-check.ts';

const limits: PngLimits = { maxBytes: 64 * 1024, minWidth: 40, minHeight: 20, maxWidth: 2000, maxHeight: 1000 };

const refusal = (data: Buffer) => {
  try {
    checkPng(data, limits);
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'BAD_REQUEST');
    return err.message;
  }
  assert.fail('accepted');
};

test('a whole PNG within the limits passes with its size', () => {
  assert.deepEqual(checkPng(makePng(600, 200), limits), { width: 600, height: 200 });
});

test('anything else is refused with a Chinese reason', () => {
  const png = makePng(300, 100);
  assert.match(refusal(Buffer.from('GIF89a not a png at all, just pretending to be one')), /不是 PNG/);
  assert.match(refusal(png.subarray(0, png.length - 5)), /不完整/);
  assert.match(refusal(Buffer.concat([png, Buffer.from('trailing')])), /多余/);
  const flipped = Buffer.from(png);
  flipped[20] = flipped[20]! ^ 1; // inside IHDR: its CRC no longer matches
  assert.match(refusal(flipped), /CRC/);
  assert.match(refusal(makePng(3000, 100)), /尺寸 3000×100/);
  assert.match(refusal(makePng(30, 10)), /尺寸/);
  assert.match(refusal(Buffer.concat([png, Buffer.alloc(70_000)])), /不能超过 64 KB/);
});

test('image data that inflates beyond its dimensions (a zip bomb) is refused', () => {
  // IHDR says 100×40 but the IDAT holds a megabyte of zeros.
  const small = makePng(100, 40);
  const big = makePng(1000, 1000);
  const ihdrEnd = 8 + 25;
  const bomb = Buffer.concat([small.subarray(0, ihdrEnd), big.subarray(ihdrEnd)]);
  assert.match(refusal(bomb), /损坏/);
});
