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

test('TRUST_PROXY: off by default; true/false, a hop count or a list of proxy IPs/CIDRs', () => {
  assert.equal(loadConfig({}).TRUST_PROXY, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, true);
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY, false);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, 2);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1,loopback' }).TRUST_PROXY, [
    '10.0.0.0/8',
    '192.168.1.5',
    '::1',
    'loopback',
  ]);
  assert.throws(() => loadConfig({ TRUST_PROXY: 'yes' }), /TRUST_PROXY/);
  assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' }), /TRUST_PROXY/);
  assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.1,proxy.local' }), /proxy\.local/);
});
