import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { ConfigError } from './config.ts';
import { assertSharedKeys } from './deployment-keys.ts';

let testDb: TestDb;
before(async () => {
  testDb = await createTestDb();
});
after(() => testDb.close());

const keys = {
  SECRET_KEY: 'first-node-secret-key-0123456789abcdef',
  AUDIT_KEY: 'first-node-audit-key-0123456789abcdef',
};

test('the first start records the keys; a node with the same keys starts, one with another key does not', async () => {
  await assertSharedKeys(testDb.db, keys);
  await assertSharedKeys(testDb.db, keys);
  await assert.rejects(
    assertSharedKeys(testDb.db, { ...keys, SECRET_KEY: 'another-secret-key-0123456789abcdefgh' }),
    (err: Error) => err instanceof ConfigError && /SECRET_KEY/.test(err.message),
  );
  await assert.rejects(
    assertSharedKeys(testDb.db, { ...keys, AUDIT_KEY: 'another-audit-key-0123456789abcdefghi' }),
    (err: Error) => err instanceof ConfigError && /AUDIT_KEY/.test(err.message),
  );
  const rows = await testDb.db.query<{ fingerprint: string }>('SELECT fingerprint FROM deployment_keys');
  assert.equal(rows.length, 2);
  assert.ok(
    rows.every((r) => !r.fingerprint.includes('first-node')),
    'a fingerprint, never the key',
  );
});
