import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PERSONAL_COLUMNS, PUBLISHED } from './published.ts';

describe('rollup: the published column lists', () => {
  it('no column is both published and kept out, and no column is listed twice', () => {
    for (const t of PUBLISHED) {
      for (const c of t.columns) assert.ok(!(c in t.keptOut), `${t.table}.${c}`);
      assert.equal(new Set(t.columns).size, t.columns.length, t.table);
    }
  });

  it('the personal columns of the 12315 items, the registry and cases are kept out', () => {
    const personal = new Set(PERSONAL_COLUMNS.map((p) => `${p.table}.${p.column}`));
    for (const c of [
      'complaints.person_name',
      'complaints.person_phone',
      'complaints.person_id_cipher',
      'entities.legal_rep_name',
      'entities.legal_rep_id_cipher',
      'entities.phone',
      'cases.party_name',
      'cases.party_id_no_enc',
    ]) {
      assert.ok(personal.has(c), c);
    }
  });
});
