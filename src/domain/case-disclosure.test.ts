import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addMonths,
  type DisclosedDecision,
  earlyRemovalRefusal,
  isPublished,
  isSeriousListCandidate,
  isShortDisplay,
  maskPersonName,
  penaltyContent,
  planDisclosure,
  publicationDates,
  withdrawalDueOn,
} from './case-disclosure.ts';
import { defaultCaseSettings } from './case-settings.ts';
import { packagedCalendar } from './working-days.ts';

const decision = (over: Partial<DisclosedDecision> = {}): DisclosedDecision => ({
  decidedOn: '2026-03-02',
  procedure: 'general',
  decisionKind: 'penalty',
  penalties: [{ kind: 'fine', amountFen: 50_000_00 }],
  violationAreas: ['pricing'],
  ...over,
});
const settings = defaultCaseSettings;

describe('which decisions are published (Order 45 Art. 6)', () => {
  test('a general-procedure fine is; a warning alone, a summary decision, 不予处罚 are not', () => {
    assert.equal(isPublished(decision()), true);
    assert.equal(isPublished(decision({ penalties: [{ kind: 'warning', amountFen: 0 }] })), false);
    assert.equal(
      isPublished(
        decision({
          penalties: [
            { kind: 'warning', amountFen: 0 },
            { kind: 'fine', amountFen: 100_00 },
          ],
        }),
      ),
      true,
    );
    assert.equal(isPublished(decision({ procedure: 'summary' })), false);
    assert.equal(isPublished(decision({ decisionKind: 'no_penalty', penalties: [] })), false);
    assert.equal(isPublished(decision({ decisionKind: 'transfer' })), false);
  });
});

describe('dates', () => {
  test('due 20 working days after the decision, skipping the National Day holiday', () => {
    assert.equal(planDisclosure(packagedCalendar, decision({ decidedOn: '2026-03-02' }), settings).dueOn, '2026-03-30');
    // 9-28..30 (3), 10-08..10 (3, the 10th a make-up Saturday), 10-12..16, 10-19..23, 10-26..29.
    assert.equal(planDisclosure(packagedCalendar, decision({ decidedOn: '2026-09-25' }), settings).dueOn, '2026-10-29');
  });

  test('withdrawal within 3 working days of the change', () => {
    assert.equal(withdrawalDueOn(packagedCalendar, '2026-09-30'), '2026-10-10');
    assert.equal(withdrawalDueOn(packagedCalendar, '2026-03-02'), '2026-03-05');
  });

  test('3 years, or 3 months for 通报批评 or a low fine without a heavier kind', () => {
    assert.equal(publicationDates('2026-03-31', decision(), settings).displayUntil, '2029-03-31');
    const low = { ...decision(), penalties: [{ kind: 'fine', amountFen: settings.disclosureLowFineFen }] };
    assert.equal(publicationDates('2026-03-31', low, settings).displayUntil, '2026-06-30');
    const reprimand = { ...decision(), penalties: [{ kind: 'reprimand', amountFen: 0 }] };
    assert.equal(isShortDisplay(reprimand.penalties, settings), true);
    const lowPlusGains = [
      { kind: 'fine', amountFen: 1000_00 },
      { kind: 'confiscate_gains', amountFen: 200_00 },
    ];
    assert.equal(isShortDisplay(lowPlusGains, settings), false);
    assert.equal(isShortDisplay([{ kind: 'fine', amountFen: settings.disclosureLowFineFen + 1 }], settings), false);
    assert.equal(
      isShortDisplay(
        [
          { kind: 'warning', amountFen: 0 },
          { kind: 'fine', amountFen: 500_00 },
        ],
        settings,
      ),
      true,
    );
  });

  test('earliest removal: 6 months, 1 year for food, drugs and special equipment', () => {
    assert.equal(publicationDates('2026-03-31', decision(), settings).earliestRemovalOn, '2026-09-30');
    const food = decision({ violationAreas: ['food', 'pricing'] });
    assert.equal(publicationDates('2026-03-31', food, settings).earliestRemovalOn, '2027-03-31');
  });

  test('addMonths clamps to the end of a shorter month, leap years included', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2027-02-28', 12), '2028-02-28');
    assert.equal(addMonths('2028-02-29', 36), '2031-02-28');
    assert.equal(addMonths('2026-11-15', 3), '2027-02-15');
  });
});

describe('early removal', () => {
  const published = { removable: true, earliestRemovalOn: '2026-09-30', displayUntil: '2029-03-31' };
  test('refused before the earliest date, allowed from it', () => {
    assert.match(earlyRemovalRefusal(published, '2026-09-29', false) ?? '', /最早可于 2026-09-30/);
    assert.equal(earlyRemovalRefusal(published, '2026-09-30', false), null);
  });
  test('never for 责令停产停业 and the other listed kinds', () => {
    const plan = planDisclosure(
      packagedCalendar,
      decision({ penalties: [{ kind: 'suspend_business', amountFen: 0 }] }),
      settings,
    );
    assert.equal(plan.removable, false);
    assert.match(
      earlyRemovalRefusal({ ...published, removable: false }, '2028-01-01', false) ?? '',
      /不得提前停止公示/,
    );
  });
  test('a 3-month publication simply expires', () => {
    assert.match(earlyRemovalRefusal(published, '2027-01-01', true) ?? '', /三个月/);
  });
});

describe('the public summary', () => {
  test("an individual's name keeps the surname only", () => {
    assert.equal(maskPersonName('张三丰'), '张**');
    assert.equal(maskPersonName('李四'), '李*');
    assert.equal(maskPersonName('王'), '王');
  });
  test('penalties in words, amounts in yuan', () => {
    assert.equal(
      penaltyContent([
        { kind: 'warning', amountFen: 0 },
        { kind: 'fine', amountFen: 1_234_567_89 },
        { kind: 'confiscate_gains', amountFen: 5 },
      ]),
      '警告；罚款人民币1,234,567.89元；没收违法所得人民币0.05元',
    );
  });
});

describe('严重违法失信名单 candidates (Order 44)', () => {
  test('a heavy penalty in a configured area', () => {
    const food = decision({ violationAreas: ['food'], penalties: [{ kind: 'revoke_licence', amountFen: 0 }] });
    assert.equal(isSeriousListCandidate(food, settings), true);
    assert.equal(isSeriousListCandidate({ ...food, violationAreas: ['pricing'] }, settings), false);
    const heavier = decision({ violationAreas: ['drug'] });
    assert.equal(isSeriousListCandidate(heavier, settings), false);
    const penalties = [{ kind: 'fine', amountFen: 100_000_00, discretion: 'heavier' }];
    assert.equal(isSeriousListCandidate({ ...heavier, penalties }, settings), true);
    assert.equal(isSeriousListCandidate({ ...heavier, penalties, procedure: 'summary' }, settings), false);
  });
});
