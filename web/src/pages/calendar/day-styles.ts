import type { z } from 'zod';
import type { ZDayInfo } from '../../../../src/contracts/calendar.ts';
import type { MessageKey } from '../../i18n/zh-cn.ts';

export type DayInfo = z.infer<typeof ZDayInfo>;
export type DayKind = DayInfo['kind'];

/** Colours follow the printed wall calendars staff know: red rest days, orange make-up workdays. */
export const dayKinds: Record<DayKind, { label: MessageKey; mark: MessageKey | null; bg: string; fg: string }> = {
  holiday: { label: 'calendar.kind.holiday', mark: 'calendar.mark.rest', bg: '#fff1f0', fg: '#cf1322' },
  'makeup-workday': { label: 'calendar.kind.makeup', mark: 'calendar.mark.work', bg: '#fff7e6', fg: '#d46b08' },
  weekend: { label: 'calendar.kind.weekend', mark: null, bg: '#f5f5f5', fg: '#8c8c8c' },
  workday: { label: 'calendar.kind.workday', mark: null, bg: '#ffffff', fg: 'inherit' },
};
