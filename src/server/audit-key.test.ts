import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveAuditKey } from './audit-key.ts';
import { loadConfig } from './config.ts';

test('AUDIT_KEY wins; unset, a key file is made once under DATA_DIR, readable by the owner only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-key-'));
  try {
    const set = 'an-audit-key-from-the-secret-store-0123456789';
    assert.equal(resolveAuditKey({ AUDIT_KEY: set, DATA_DIR: dir }), set);
    const first = resolveAuditKey({ DATA_DIR: join(dir, 'data') });
    assert.ok(first.length >= 32);
    assert.equal(statSync(join(dir, 'data', 'audit.key')).mode & 0o777, 0o600);
    assert.equal(resolveAuditKey({ DATA_DIR: join(dir, 'data') }), first, 'the same key on every start');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a short AUDIT_KEY fails at boot, naming the variable', () => {
  assert.throws(() => loadConfig({ AUDIT_KEY: 'too-short' }), /AUDIT_KEY/);
  assert.equal(loadConfig({}).AUDIT_CHECKPOINT_EVERY, 1000);
});
