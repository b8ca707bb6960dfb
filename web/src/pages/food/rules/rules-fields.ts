import type { TFoodGradingConfig } from '../../../../../src/contracts/food-rules.ts';

/** The path of each value of a FoodGradingConfig, grouped as the form and the version cards show them. */
export type RulesField =
  | 'failOnKeyFailures'
  | 'failOnGeneralFailures'
  | 'keyDeduction'
  | 'generalDeduction'
  | 'bands.excellent'
  | 'bands.good'
  | 'bands.fair'
  | 'noGradeOnKeyFailures'
  | 'rectifyWorkingDays.basicPass'
  | 'rectifyWorkingDays.fail'
  | 'newLicenceEmbargoMonths'
  | 'incidentEmbargoMonths'
  | 'publishWorkingDays'
  | 'annual.A'
  | 'annual.B'
  | 'annual.windowMonths'
  | 'annual.noneCapsAtC';

export const rulesGroups: { group: 'result' | 'score' | 'deadline' | 'annual'; fields: RulesField[] }[] = [
  { group: 'result', fields: ['failOnKeyFailures', 'failOnGeneralFailures'] },
  {
    group: 'score',
    fields: ['keyDeduction', 'generalDeduction', 'bands.excellent', 'bands.good', 'bands.fair', 'noGradeOnKeyFailures'],
  },
  {
    group: 'deadline',
    fields: [
      'rectifyWorkingDays.basicPass',
      'rectifyWorkingDays.fail',
      'publishWorkingDays',
      'newLicenceEmbargoMonths',
      'incidentEmbargoMonths',
    ],
  },
  { group: 'annual', fields: ['annual.A', 'annual.B', 'annual.windowMonths', 'annual.noneCapsAtC'] },
];

export const pathOf = (f: RulesField): string[] => f.split('.');

export function ruleValue(c: TFoodGradingConfig, f: RulesField): number | boolean | null {
  let v: unknown = c;
  for (const k of pathOf(f)) v = (v as Record<string, unknown>)[k];
  return v as number | boolean | null;
}
