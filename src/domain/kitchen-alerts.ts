import type { Transition } from './transition.ts';

/** 明厨亮灶: what an AI camera reports, where it looks, and how the webhook's signature is made. */
export const kitchenEventTypes = {
  noHat: '未戴帽',
  noMask: '未戴口罩',
  smoking: '吸烟',
  phone: '玩手机',
  rodent: '老鼠',
  noUniform: '未穿工作服',
  binUncovered: '垃圾桶未盖',
  other: '其他',
} as const;
export type KitchenEventType = keyof typeof kitchenEventTypes;
export const kitchenEventTypeCodes = Object.keys(kitchenEventTypes) as [KitchenEventType, ...KitchenEventType[]];

export const kitchenAreas = {
  processing: '后厨加工区',
  cooking: '烹饪区',
  washing: '洗消间',
  preparing: '备餐间',
  storage: '仓库',
  other: '其他区域',
} as const;
export type KitchenArea = keyof typeof kitchenAreas;
export const kitchenAreaCodes = Object.keys(kitchenAreas) as [KitchenArea, ...KitchenArea[]];

export const kitchenAlertStatuses = { new: '待处理', handled: '已处置', ignored: '已忽略' } as const;
export type KitchenAlertStatus = keyof typeof kitchenAlertStatuses;

/** An alert is handled (the business was told, the problem fixed) or ignored (a false detection), each with a note. */
export const kitchenAlertWorkflow = {
  handle: { label: '处置', from: ['new'], to: 'handled', requires: ['note'] },
  ignore: { label: '忽略（误报）', from: ['new'], to: 'ignored', requires: ['note'] },
  reopen: { label: '重新打开', from: ['handled', 'ignored'], to: 'new', requires: ['note'] },
} as const satisfies Record<string, Transition<KitchenAlertStatus, 'note'>>;
export type KitchenAlertAction = keyof typeof kitchenAlertWorkflow;

/** The X-Timestamp is Unix seconds and lies within the replay window of now (either side, for clock skew). */
export function timestampFresh(timestamp: string, nowMs: number, windowSeconds: number): boolean {
  if (!/^\d{9,11}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= windowSeconds;
}

/** JPEG or PNG by the first bytes, whatever the vendor claims. */
export function snapshotKind(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export interface KitchenThresholds {
  /** Events of one camera and type within this many minutes fold into one alert. */
  dedupeMinutes: number;
  /** Alerts of one type at one business within the window that make a follow-up inspection. */
  followupAlerts: number;
  /** …and that make a case lead. */
  caseLeadAlerts: number;
  windowDays: number;
  /** Types that make a follow-up at their first alert. */
  immediateFollowup: readonly KitchenEventType[];
}

/** What the alerts of one type in the window call for (the caller makes each at most once per window). */
export function escalationFor(
  t: KitchenThresholds,
  eventType: KitchenEventType,
  alertsInWindow: number,
): 'caseLead' | 'followup' | null {
  if (alertsInWindow >= t.caseLeadAlerts) return 'caseLead';
  if (alertsInWindow >= t.followupAlerts || t.immediateFollowup.includes(eventType)) return 'followup';
  return null;
}
