import { chineseDate } from '../../../platform/pdf.ts';

/**
 * What a 12315 notice is filled with: the item as recorded and the step that decided it (its date, the ground
 * from the item's rule set and the handler's note). A missing value prints as a blank line, as on a paper form.
 */
export interface NoticeData {
  authority: string;
  stationName: string;
  trackingCode: string;
  /** The complainant's name: in full only for a caller who may reveal the identity (services/identity.ts). */
  personName: string;
  businessName: string | null;
  businessAddress: string | null;
  receivedOn: string;
  decidedOn: string;
  /** The rule set's citation (《市场监督管理投诉举报处理办法》 in force when the item was received). */
  citation: string;
  ruleSetName: string;
  groundLabel: string | null;
  note: string | null;
  /** e.g. 六十日 / 四十五个工作日: the mediation period of the item's rule set. */
  mediationPeriod: string;
}

export const BLANK = '＿＿＿＿';
export const or = (v: string | null | undefined) => (v?.trim() ? v : BLANK);
export const dateOf = (d: string) => (d ? chineseDate(d) : BLANK);

/** 你于2026年3月5日通过12315平台对某某公司的投诉（投诉编号：TS…） */
export const complaintLine = (d: NoticeData) =>
  `你于${dateOf(d.receivedOn)}对${or(d.businessName)}的投诉（投诉编号：${d.trackingCode}）`;
