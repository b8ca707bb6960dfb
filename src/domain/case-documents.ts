import type { CaseDocumentKind } from './case-workflow.ts';

/**
 * Numbers and names of case documents (《市场监督管理行政执法文书格式范本》). A number is the issuing authority's
 * abbreviation, the kind's word, the year in 〔〕 and the sequence: 南海市监处罚〔2026〕12号. The sequence runs per
 * authority, kind and year without gaps (case_document_counters). A 立案号 is numbered the same way, kind 'case'.
 */
export type NumberedKind = CaseDocumentKind | 'case';

export const documentKindWords: Record<NumberedKind, string> = {
  case: '立',
  filingApproval: '立',
  notFilingApproval: '不立',
  penaltyNotice: '罚告',
  hearingNotice: '听告',
  penaltyDecision: '处罚',
  summaryDecision: '简罚',
  closingApproval: '结',
};

export const documentTitles: Record<CaseDocumentKind, string> = {
  filingApproval: '立案审批表',
  notFilingApproval: '不予立案审批表',
  penaltyNotice: '行政处罚告知书',
  hearingNotice: '听证通知书',
  penaltyDecision: '行政处罚决定书',
  summaryDecision: '当场行政处罚决定书',
  closingApproval: '结案审批表',
};

/** Decisions carry a QR code that opens their public disclosure page. */
export const documentsWithQr: readonly CaseDocumentKind[] = ['penaltyDecision', 'summaryDecision'];

/** The counter a kind is numbered on: the 立案审批表 bears the 立案号, so it shares the case counter. */
export const counterKind = (kind: NumberedKind): NumberedKind => (kind === 'filingApproval' ? 'case' : kind);

export function documentNumber(abbr: string, kind: NumberedKind, year: number, seq: number): string {
  return `${abbr}${documentKindWords[kind]}〔${year}〕${seq}号`;
}

/** Year and sequence back from a number (a 立案号 handed to the 立案审批表). */
export function parseDocumentNumber(docNo: string): { year: number; seq: number } | undefined {
  const m = docNo.match(/〔(\d{4})〕(\d+)号$/);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : undefined;
}

/**
 * The authority's abbreviation from its full name when the settings give none: the province and city are
 * dropped (everything up to the last 省/自治区/市 before the district), the district name keeps its stem without
 * 区/县/市, and 市监 follows: 佛山市南海区市场监督管理局 → 南海市监; 崇左市市场监督管理局 → 崇左市监;
 * 浙江省杭州市西湖区市场监督管理局 → 西湖市监. A name that does not end in 市场监督管理局 keeps its first four characters.
 */
export function authorityAbbreviation(bureauName: string): string {
  const m = bureauName.match(/^(.*?)(市场监督管理局|市场监管局)$/);
  if (!m) return bureauName.slice(0, 4);
  let place = m[1] as string;
  place = place.replace(/^.*?(省|自治区)/, '');
  const district = place.match(/^(?:.+?市)?(.+?)(区|县|旗)$/);
  if (district) return `${district[1]}市监`;
  // A city (or county-level city) bureau: its name without 市.
  const city = place.replace(/^.+?市(?=.+市$)/, '').replace(/市$/, '');
  return `${city || place}市监`;
}

/** The download name: 行政处罚决定书（南海市监处罚〔2026〕12号）.pdf */
export const documentFileName = (kind: CaseDocumentKind, docNo: string, ext: 'pdf' | 'docx') =>
  `${documentTitles[kind]}（${docNo}）.${ext}`;

/** The disclosure page of a decision, opened by its QR code. */
export const disclosureUrl = (base: string, decisionNo: string) =>
  `${base.replace(/\/+$/, '')}/portal/penalties?no=${encodeURIComponent(decisionNo)}`;

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** 大写金额 for documents: 300000 fen → 叁仟元整; 12345 → 壹佰贰拾叁元肆角伍分. */
export function rmbUpper(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = '';
  if (yuan > 0) {
    const s = String(yuan);
    let zero = false;
    let groupHasDigit = false;
    for (let i = 0; i < s.length; i++) {
      const pos = s.length - 1 - i;
      const d = Number(s[i]);
      if (d === 0) zero = true;
      else {
        if (zero && out) out += '零';
        zero = false;
        out += `${DIGITS[d]}${PLACES[pos % 4]}`;
        groupHasDigit = true;
      }
      if (pos % 4 === 0 && pos > 0 && groupHasDigit) {
        out += GROUPS[pos / 4];
        groupHasDigit = false;
      }
    }
    out += '元';
  }
  if (jiao === 0 && cents === 0) return `${out || '零元'}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}

/** 300000 fen → 3,000.00 */
export const yuanText = (fen: number) =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
