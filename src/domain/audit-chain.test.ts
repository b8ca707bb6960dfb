import assert from 'node:assert/strict';
import { createSecretKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { type AuditFields, canonicalJson, canonicalJsonAroundId, checkpointMac } from './audit-chain.ts';

describe('audit chain: the text around the id', () => {
  it('is the canonical JSON with any id put in between', () => {
    const row: Omit<AuditFields, 'id'> = {
      at: '2026-11-26T03:00:00.123Z',
      actorId: null,
      actorName: '张三',
      unitId: 7,
      action: 'complaint.intake',
      targetType: 'complaint',
      targetId: '42',
      detail: { nested: { id: 0, note: ',"id":0,' }, id: 0 },
      ip: '127.0.0.1',
    };
    for (const id of [1, 42, 9_007_199_254]) {
      const [before, after] = canonicalJsonAroundId(row);
      assert.equal(before + String(id) + after, canonicalJson({ ...row, id }));
    }
  });
});

describe('audit chain: checkpoint signature', () => {
  it('covers every field, the same time in any notation, and depends on the key', () => {
    const key = createSecretKey(Buffer.from('k'.repeat(32)));
    const cp = { auditId: 1000, auditHash: 'ab'.repeat(32), rowCount: 998, at: '2026-11-27T01:00:00.000Z' };
    const mac = checkpointMac(key, cp);
    assert.equal(checkpointMac(key, { ...cp, at: '2026-11-27T09:00:00+08:00' }), mac);
    for (const changed of [{ auditId: 1001 }, { auditHash: 'cd'.repeat(32) }, { rowCount: 999 }, { at: '2026-11-28' }])
      assert.notEqual(checkpointMac(key, { ...cp, ...changed }), mac, JSON.stringify(changed));
    assert.notEqual(checkpointMac(createSecretKey(Buffer.from('j'.repeat(32))), cp), mac);
  });
});
