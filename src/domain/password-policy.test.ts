import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblems } from './password-policy.ts';

test('accepts 8+ characters from 3 of 4 classes', () => {
  assert.deepEqual(passwordProblems('Demo@2026'), []);
  assert.deepEqual(passwordProblems('abcdef1!'), []);
  assert.deepEqual(passwordProblems('ABCDEF1a'), []);
});

test('rejects short passwords and too few classes, in Chinese', () => {
  assert.match(passwordProblems('Ab1!')[0] ?? '', /至少8位/);
  assert.equal(passwordProblems('abcdefgh1').length, 1);
  assert.match(passwordProblems('abcdefgh1')[0] ?? '', /至少三类/);
  assert.equal(passwordProblems('Abcdefgh').length, 1);
});

test('rejects a password containing the username', () => {
  assert.match(passwordProblems('Admin@2026x', 'admin').join(), /用户名/);
});
