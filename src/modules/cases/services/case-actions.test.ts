import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultCaseSettings as s } from '../../../domain/case-settings.ts';
import { penaltyConsequences } from './case-actions.ts';

const org = { partyKind: 'organisation', caseValueFen: 0 };
const person = { partyKind: 'person', caseValueFen: 0 };
const fine = (amountFen: number) => ({ kind: 'fine', amountFen, discretion: 'standard' });

test('hearing right: the thresholds by party kind, confiscation counts, some kinds whatever the amount', () => {
  assert.equal(penaltyConsequences(s, person, [fine(10_000_00)]).hearingRight, true);
  assert.equal(penaltyConsequences(s, person, [fine(9_999_99)]).hearingRight, false);
  assert.equal(penaltyConsequences(s, org, [fine(10_000_00)]).hearingRight, false);
  assert.equal(penaltyConsequences(s, org, [fine(100_000_00)]).hearingRight, true);
  const gains = { kind: 'confiscate_gains', amountFen: 100_000_00, discretion: 'standard' };
  assert.equal(penaltyConsequences(s, org, [gains]).hearingRight, true);
  const restrict = { kind: 'restrict_practice', amountFen: 0, discretion: 'standard' };
  assert.equal(penaltyConsequences(s, org, [restrict]).hearingRight, true);
  assert.equal(
    penaltyConsequences(s, org, [{ kind: 'warning', amountFen: 0, discretion: 'standard' }]).hearingRight,
    false,
  );
});

test('collective discussion and 大要案 follow the settings', () => {
  assert.equal(penaltyConsequences(s, org, [fine(200_000_00)]).needsCollective, true);
  assert.equal(penaltyConsequences(s, org, [fine(199_999_99)]).needsCollective, false);
  const revoke = { kind: 'revoke_licence', amountFen: 0, discretion: 'standard' };
  assert.deepEqual(penaltyConsequences(s, org, [revoke]), { needsCollective: true, hearingRight: true, isMajor: true });
  assert.equal(
    penaltyConsequences(s, { partyKind: 'organisation', caseValueFen: 200_000_00 }, [fine(1)]).isMajor,
    true,
  );
  const strict = { ...s, collective: { fineFen: 50_000_00, penaltyKinds: [] } };
  assert.equal(penaltyConsequences(strict, org, [fine(50_000_00)]).needsCollective, true);
});
