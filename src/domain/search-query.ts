import { normaliseForSearch } from './bigrams.ts';
import { isValidIdCard, normaliseIdCard } from './id-card.ts';
import { normaliseUscc } from './uscc.ts';

/**
 * What a global search box query looks like (the header search, Ctrl+K). Codes people paste are looked up
 * exactly; anything else is a name fragment served by the bigram index (2 characters are enough).
 */
export interface SearchQuery {
  /** The trimmed text as typed (at most MAX_SEARCH_LENGTH characters). */
  text: string;
  /** 18 characters of the USCC alphabet with a digit: an exact 统一社会信用代码. */
  uscc?: string;
  /** A valid 18-digit resident ID number (a legal representative, exact through the lookup hash). */
  idNumber?: string;
  /** A 12315 查询码 (TS + 8 digits + 6 characters). */
  trackingCode?: string;
  /** A case or decision number, or its tail 〔2026〕12号 (brackets and 号 normalised). */
  caseNo?: string;
  /** A name fragment (entities, users, case parties, legal representatives): at least 2 characters. */
  fragment?: string;
}

export const MAX_SEARCH_LENGTH = 60;
export const SEARCH_MIN_LENGTH = 2;

const USCC = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const TRACKING_CODE = /^TS\d{8}[2-9A-Z]{6}$/;
/** 〔2026〕12号, [2026]12, （2026）12号, 【2026】12号 … with anything before it (南海市监立). */
const CASE_NO = /^(.*?)[〔[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(?:第\s*)?(\d{1,6})\s*号?$/;

/** The number as the documents write it (case-documents.ts documentNumber): prefix〔year〕seq号. */
function caseNumberOf(text: string): string | undefined {
  const m = text.replace(/\s+/g, '').match(CASE_NO);
  if (!m) return undefined;
  const [, prefix = '', year, seq] = m;
  return `${prefix}〔${year}〕${Number(seq)}号`;
}

export function parseSearchQuery(raw: string): SearchQuery {
  const text = raw.trim().slice(0, MAX_SEARCH_LENGTH);
  const q: SearchQuery = { text };
  const code = normaliseUscc(text);
  if (USCC.test(code) && /\d/.test(code)) q.uscc = code;
  const id = normaliseIdCard(text);
  if (id.length === 18 && isValidIdCard(id)) q.idNumber = id;
  if (TRACKING_CODE.test(code)) q.trackingCode = code;
  const caseNo = caseNumberOf(text);
  if (caseNo) q.caseNo = caseNo;
  if (!q.uscc && !q.idNumber && !q.trackingCode && !q.caseNo && [...normaliseForSearch(text)].length >= 2)
    q.fragment = text;
  return q;
}
