import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give a runnable config on the embedded database', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 3000);
  assert.equal(c.DATA_DIR, './data');
  assert.equal(c.DATABASE_URL, undefined);
  assert.equal(c.SESSION_IDLE_MINUTES, 30);
});

test('a bad value fails fast, naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (err: unknown) => err instanceof ConfigError && /PORT/.test(err.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ COOKIE_SECURE: 'yes' }), /COOKIE_SECURE/);
});
