/**
 * 行政处罚时效 (行政处罚法 Art. 36): an act not discovered within 2 years is no longer punished; 5 years where
 * life and health or financial safety is involved and there are harmful consequences. A continuing or
 * repeated act counts from the day it ended. Discovery (the lead's receipt) stops the limitation.
 */
export const LIMITATION_YEARS = 2;
export const SAFETY_LIMITATION_YEARS = 5;

export interface LimitationInput {
  actOn: string;
  /** The day a continuing or repeated act ended, when it did not end on the day it began. */
  actEndedOn?: string | null;
  /** Any violated provision involves life, health or financial safety. */
  involvesSafety: boolean;
  /** The day the act was discovered (the lead's receipt); absent: today. */
  discoveredOn?: string | null;
  today: string;
  warningDays: number;
}

export interface Limitation {
  startsOn: string;
  years: number;
  /** The last day on which the act may still be discovered. */
  expiresOn: string;
  /** Calendar days from today to expiresOn (negative after it). */
  daysLeft: number;
  warning: boolean;
  expired: boolean;
}

/** Same month and day `years` later; 29 February falls on 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function caseLimitation(input: LimitationInput): Limitation {
  const startsOn = input.actEndedOn && input.actEndedOn > input.actOn ? input.actEndedOn : input.actOn;
  const years = input.involvesSafety ? SAFETY_LIMITATION_YEARS : LIMITATION_YEARS;
  const expiresOn = addYears(startsOn, years);
  const daysLeft = daysBetween(input.today, expiresOn);
  const expired = (input.discoveredOn ?? input.today) > expiresOn;
  return { startsOn, years, expiresOn, daysLeft, warning: !expired && daysLeft <= input.warningDays, expired };
}
