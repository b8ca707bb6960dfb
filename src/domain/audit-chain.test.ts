import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AuditFields, canonicalJson, canonicalJsonAroundId } from './audit-chain.ts';

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
