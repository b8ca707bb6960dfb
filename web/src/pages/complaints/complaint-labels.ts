import dayjs from 'dayjs';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';

/** Codes are the API's; names come from the messages (complaints.kind.*, complaints.channel.*), so en-US reads. */
const kindCodes = ['complaint', 'report', 'inquiry'] as const;

export const kindLabel = (t: Translate, kind: string): string => codeLabel(t, 'complaints.kind', kind);
export const channelLabel = (t: Translate, channel: string): string => codeLabel(t, 'complaints.channel', channel);

/** A workflow action (complaints.action.*), also the events of the history ('intake', 'reassign' …). */
export const complaintActionLabel = (t: Translate, action: string): string => codeLabel(t, 'complaints.action', action);

export const kindOptions = (t: Translate) => kindCodes.map((value) => ({ value, label: kindLabel(t, value) }));
export const intakeKindOptions = (t: Translate) => [
  ...kindOptions(t),
  { value: 'complaintAndReport', label: t('complaints.kind.complaintAndReport') },
];
export const staffChannelOptions = (t: Translate) =>
  (['phone', 'letter', 'visit'] as const).map((value) => ({ value, label: channelLabel(t, value) }));
export const feedbackChannelOptions = (t: Translate) => [
  { value: 'phone', label: t('complaints.channel.phone') },
  { value: 'sms', label: t('complaints.channel.sms') },
  { value: 'letter', label: t('complaints.feedbackChannel.letter') },
  { value: 'portal', label: t('complaints.channel.portal') },
  { value: 'visit', label: t('complaints.feedbackChannel.visit') },
];
export type DueState = 'overdue' | 'soon' | 'normal';

/** Queue colouring: past the next legal deadline red, within two days orange. */
export function dueState(nextDueOn: string | null, overdue: boolean, today = dayjs()): DueState {
  if (overdue) return 'overdue';
  if (!nextDueOn) return 'normal';
  const days = dayjs(nextDueOn).startOf('day').diff(today.startOf('day'), 'day');
  if (days < 0) return 'overdue';
  return days <= 2 ? 'soon' : 'normal';
}

export const dueColours: Record<DueState, string | undefined> = {
  overdue: '#fff1f0',
  soon: '#fff7e6',
  normal: undefined,
};

/** 元 as typed (two decimals) to the API's integer fen. */
export const yuanToFen = (yuan: number | null | undefined): number | undefined =>
  yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100);
export const formatFen = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
