import { rmbUpper, yuanText } from '../../../domain/case-documents.ts';
import { penaltyKindLabels } from '../../../domain/case-settings.ts';

/**
 * What a case document is filled with (case_documents.data). issueDocument stores the case's snapshot
 * (repos/document-data.ts) under the caller's fields, so a caller passes only what the case row does not hold:
 * the step's opinion, the hearing's time and place, the evidence list, the approvers. Every field is optional;
 * a template prints a blank line for what is missing, as a paper form would.
 */
export interface DocumentData {
  authority?: string;
  issuedOn?: string;
  caseNo?: string | null;
  title?: string;
  party?: {
    kind?: string;
    name?: string;
    uscc?: string | null;
    /** Already masked (maskIdCard): documents never hold a full ID number. */
    idNoMasked?: string | null;
    address?: string | null;
    legalRep?: string | null;
  };
  facts?: string | null;
  actOn?: string | null;
  /** Where it happened (当场处罚). */
  place?: string | null;
  filedOn?: string | null;
  station?: string;
  sourceType?: string;
  summary?: string;
  receivedOn?: string;
  officers?: { name: string; credentialNo: string }[];
  violations?: { name: string; legalBasis: string; penaltyBasis: string }[];
  penalties?: { kind: string; amountFen: number; discretion?: string; discretionBasis?: string | null }[];
  evidence?: string[];
  hearingRight?: boolean;
  /** 陈述申辩 / 听证 as recorded, for the decision (a flag from the workflow prints nothing). */
  statement?: string | boolean | null;
  /** The handling officers' proposal on a 审批表. */
  opinion?: string | null;
  /** 不予立案 ground, 结案 reason. */
  ground?: string | null;
  reason?: string | null;
  hearing?: { on?: string; time?: string; place?: string; host?: string; clerk?: string };
  /** The workflow's flat fields (scheduleHearing's hearingOn, a step's note, decide's decisionKind). */
  hearingOn?: string;
  hearingPlace?: string;
  note?: string | null;
  decisionKind?: 'penalty' | 'no_penalty' | 'transfer';
  paymentDueOn?: string | null;
  /** Where the fine is paid (bank, account), printed on decisions. */
  paymentPlace?: string | null;
  reviewBody?: string;
  court?: string;
  contact?: { name?: string; phone?: string };
  decisionNo?: string | null;
  decidedOn?: string | null;
  fineDueFen?: number;
  paidFen?: number;
  execution?: string | null;
  /** The approval chain as decided: one row each. */
  approvals?: { role: string; name: string; outcome: string; comment?: string | null; at?: string | null }[];
}

/** The handling officers' proposal: the form's opinion, else the note the step was taken with. */
export const opinionOf = (d: DocumentData, fallback: string) => or(d.opinion ?? d.note, fallback);

export const BLANK = '＿＿＿＿';
export const or = (v: string | null | undefined, blank = BLANK) => (v?.trim() ? v : blank);

/** 你（单位）: a person is addressed as 你, an organisation as 你单位. */
export const you = (d: DocumentData) => (d.party?.kind === 'person' ? '你' : '你单位');

export function partyLines(d: DocumentData): string[] {
  const p = d.party ?? {};
  const lines = [`当事人：${or(p.name)}`];
  if (p.kind === 'person') lines.push(`身份证件号码：${or(p.idNoMasked)}`);
  else {
    lines.push(`统一社会信用代码：${or(p.uscc)}`);
    if (p.legalRep) lines.push(`法定代表人（负责人）：${p.legalRep}`);
  }
  lines.push(`住所（地址）：${or(p.address)}`);
  return lines;
}

export const violationNames = (d: DocumentData) => d.violations?.map((v) => v.name).join('、') || or(d.title);
export const legalBases = (d: DocumentData) => d.violations?.map((v) => v.legalBasis).join('；') || BLANK;
export const penaltyBases = (d: DocumentData) => d.violations?.map((v) => v.penaltyBasis).join('；') || BLANK;

export const money = (fen: number) => `人民币${yuanText(fen)}元（大写：${rmbUpper(fen)}）`;

/** 一、警告；二、罚款人民币3,000.00元（大写：叁仟元整）。 */
export function penaltyItems(d: DocumentData): string[] {
  const numerals = '一二三四五六七八九十';
  return (d.penalties ?? []).map((p, i) => {
    const label = penaltyKindLabels[p.kind] ?? p.kind;
    const amount = p.amountFen > 0 ? money(p.amountFen) : '';
    return `${numerals[i] ?? i + 1}、${label}${amount}`;
  });
}

export const fineTotal = (d: DocumentData) =>
  (d.penalties ?? []).filter((p) => p.kind === 'fine').reduce((s, p) => s + p.amountFen, 0);

export const officerLine = (d: DocumentData) =>
  d.officers?.map((o) => `${o.name}（执法证号：${o.credentialNo}）`).join('、') || BLANK;

/** The people's government above the bureau reviews its decisions (行政复议法 2023 Art. 24). */
export const reviewBody = (d: DocumentData) =>
  d.reviewBody ?? `${(d.authority ?? '').replace(/(市场监督管理局|市场监管局)$/, '') || BLANK}人民政府`;

export const approvalRows = (d: DocumentData): [string, string][] =>
  (d.approvals ?? []).map((a) => [
    `${a.role}意见`,
    `${a.outcome}${a.comment ? `：${a.comment}` : ''}\n${a.name}　${a.at ? a.at.slice(0, 10) : ''}`,
  ]);
