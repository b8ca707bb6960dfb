import type { Transition } from './transition.ts';

/**
 * 特种设备隐患 and the 特种设备安全监察指令书 that orders their rectification, on the shared Transition type: every
 * change is looked up here and written with its event and audit row in one transaction (platform/workflow.ts).
 *
 *   order:  issue → issued ─ rectify → rectified ─ accept → closed
 *                     │ escalate (deadline passed: 督办 + case lead)      │ return (not accepted: new deadline)
 *                     └→ overdue ─ rectify → rectified                 └→ issued
 *   hazard: record → open ─ order → ordered ─ close (its order accepted) → closed
 */
export type DirectiveStatus = 'issued' | 'overdue' | 'rectified' | 'closed';
export type DirectiveAction = 'issue' | 'escalate' | 'rectify' | 'return' | 'accept';
export type DirectiveField = 'deadline' | 'rectifiedOn' | 'evidence' | 'note' | 'closedOn';

export const directiveStatusLabels: Record<DirectiveStatus, string> = {
  issued: '整改中',
  overdue: '逾期督办',
  rectified: '已整改待验收',
  closed: '已验收关闭',
};

export const directiveTransitions: Readonly<Record<DirectiveAction, Transition<DirectiveStatus, DirectiveField>>> = {
  issue: { label: '下达指令书', from: [null], to: 'issued', requires: ['deadline'] },
  escalate: { label: '逾期督办', from: ['issued'], to: 'overdue', requires: [] },
  rectify: { label: '登记整改', from: ['issued', 'overdue'], to: 'rectified', requires: ['rectifiedOn', 'evidence'] },
  return: { label: '退回整改', from: ['rectified'], to: 'issued', requires: ['deadline', 'note'] },
  accept: { label: '验收关闭', from: ['rectified'], to: 'closed', requires: ['closedOn'] },
};

export type HazardStatus = 'open' | 'ordered' | 'closed';
export type HazardAction = 'record' | 'order' | 'close';

export const hazardStatusLabels: Record<HazardStatus, string> = {
  open: '待下达指令书',
  ordered: '整改中',
  closed: '已整改',
};

export const hazardTransitions: Readonly<Record<HazardAction, Transition<HazardStatus>>> = {
  record: { label: '登记隐患', from: [null], to: 'open', requires: [] },
  order: { label: '下达指令书', from: ['open'], to: 'ordered', requires: [] },
  close: { label: '整改验收', from: ['ordered'], to: 'closed', requires: [] },
};

/** 指令书文号: the station's code, the year and the running number (S01特设指〔2026〕12号). */
export const directiveNo = (stationCode: string, year: number, seq: number): string =>
  `${stationCode.toUpperCase()}特设指〔${year}〕${seq}号`;

/** The deadline: a date after the issue day, at most a year on (a grade's default period fills it in). */
export function deadlineProblem(deadline: string, today: string): string | undefined {
  if (deadline <= today) return '整改期限必须晚于今天';
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (deadline > limit.toISOString().slice(0, 10)) return '整改期限不能超过一年';
  return undefined;
}

export const addDays = (day: string, n: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
