import dayjs from 'dayjs';
import { complaintChannels, complaintKinds } from '../../../../src/contracts/complaints.ts';
import { complaintStatusLabels } from '../../../../src/domain/complaint-workflow.ts';

export const kindLabel = (kind: string): string => complaintKinds[kind as keyof typeof complaintKinds] ?? kind;
export const channelLabel = (channel: string): string =>
  complaintChannels[channel as keyof typeof complaintChannels] ?? channel;

export const kindOptions = Object.entries(complaintKinds).map(([value, label]) => ({ value, label }));
export const statusOptions = Object.entries(complaintStatusLabels).map(([value, label]) => ({ value, label }));
export const intakeKindOptions = [...kindOptions, { value: 'complaintAndReport', label: '投诉并举报' }];
export const staffChannelOptions = (['phone', 'letter', 'visit'] as const).map((value) => ({
  value,
  label: complaintChannels[value],
}));
export const feedbackChannelOptions = [
  { value: 'phone', label: '电话' },
  { value: 'sms', label: '短信' },
  { value: 'letter', label: '书面' },
  { value: 'portal', label: '网上平台' },
  { value: 'visit', label: '当面' },
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
