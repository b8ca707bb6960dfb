import type { Transition } from './transition.ts';
import { addWorkingDays, isIsoDate, type WorkingDayCalendar } from './working-days.ts';

/**
 * 行政强制措施 taken while a case is investigated:
 * - 先行登记保存 (行政处罚法 Art. 56): the authority decides what becomes of the goods within 7 working days
 *   (the start day not counted, weekends and statutory holidays skipped, make-up workdays counted).
 * - 查封、扣押 (行政强制法 Art. 25): at most 30 days, extendable once by at most 30 with the head's approval and a
 *   reason. The 30 days are calendar days (Art. 69 makes only periods of up to 10 days working days); the due
 *   day is the 30th day after the start and is NOT moved past a holiday: the limit binds the authority, so the
 *   earlier day is the safe one.
 * A measure ends by its release (解除) or its outcome (处理决定: 没收, 移送, 返还 …) on `ended_on`.
 */
export type MeasureKind = 'preservation' | 'seizure';
export type MeasureStatus = 'active' | 'ended';
export type MeasureAction = 'take' | 'extend' | 'release';

export const measureKindLabels: Record<MeasureKind, string> = {
  preservation: '先行登记保存',
  seizure: '查封、扣押',
};

export const measureStatusLabels: Record<MeasureStatus, string> = { active: '措施执行中', ended: '已解除/已处理' };

export const measureTransitions: Readonly<Record<MeasureAction, Transition<MeasureStatus, 'reason' | 'outcome'>>> = {
  take: { label: '采取强制措施', from: [null], to: 'active', requires: [] },
  extend: { label: '延长查封扣押期限', from: ['active'], to: 'active', requires: ['reason'] },
  release: { label: '解除或处理', from: ['active'], to: 'ended', requires: ['outcome'] },
};

/** Working days within which a 先行登记保存 must be decided. */
export const PRESERVATION_WORKING_DAYS = 7;
/** Calendar days of a 查封扣押, and of its one extension. */
export const SEIZURE_DAYS = 30;
export const SEIZURE_EXTENSION_DAYS = 30;

export const addCalendarDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface MeasureDue {
  dueOn: string;
  /** The calendar of a year in the period is not official yet (the working-day count may move). */
  provisional: boolean;
}

/** The day a measure taken on `startedOn` must be decided (先行登记保存) or ends at the latest (查封扣押). */
export function measureDueOn(cal: WorkingDayCalendar, kind: MeasureKind, startedOn: string): MeasureDue {
  if (!isIsoDate(startedOn)) throw new RangeError(`起始日期无效：${startedOn}`);
  if (kind === 'preservation') {
    const r = addWorkingDays(cal, startedOn, PRESERVATION_WORKING_DAYS);
    return { dueOn: r.date, provisional: r.provisional };
  }
  return { dueOn: addCalendarDays(startedOn, SEIZURE_DAYS), provisional: false };
}

export interface MeasureFacts {
  kind: MeasureKind;
  startedOn: string;
  dueOn: string;
  extended: boolean;
  endedOn: string | null;
}

export const measureStatus = (m: Pick<MeasureFacts, 'endedOn'>): MeasureStatus => (m.endedOn ? 'ended' : 'active');

/** Why a measure cannot be extended, or null with the new due day. */
export function extensionRefusal(m: MeasureFacts): { field: string; message: string } | null {
  if (m.kind !== 'seizure') {
    return { field: 'kind', message: '先行登记保存应在七个工作日内作出处理决定，不能延长' };
  }
  if (m.extended) return { field: 'extended', message: '查封、扣押期限只能延长一次（行政强制法第二十五条）' };
  return null;
}

export const extendedDueOn = (m: Pick<MeasureFacts, 'dueOn'>): string =>
  addCalendarDays(m.dueOn, SEIZURE_EXTENSION_DAYS);

/** Overdue: still in force after its due day (a release on the due day itself is in time). */
export function measureOverdue(m: Pick<MeasureFacts, 'dueOn' | 'endedOn'>, today: string): boolean {
  return m.endedOn === null ? today > m.dueOn : m.endedOn > m.dueOn;
}

/** Days left until due (negative when overdue); null once ended. */
export function measureDaysLeft(m: Pick<MeasureFacts, 'dueOn' | 'endedOn'>, today: string): number | null {
  return m.endedOn === null ? daysBetween(today, m.dueOn) : null;
}

/**
 * When evidence is recorded: after 立案 and before the decision (the statuses of the decision clock), including
 * a suspension (a test report arrives) and the 陈述申辩/听证 stages (the party's own evidence).
 */
export const evidenceStatuses = [
  'investigating',
  'suspended',
  'investigated',
  'reviewed',
  'discussed',
  'notified',
  'hearing',
  'heard',
] as const;

/** When a measure is taken: while the case is investigated. Extension and release: until the case is closed. */
export const measureTakeStatuses = ['investigating', 'suspended'] as const;
export const measureOpenStatuses = [...evidenceStatuses, 'decided', 'served', 'enforcement'] as const;
