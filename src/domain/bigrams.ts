/**
 * Character bigrams for Chinese substring search (STACK.md): a name is indexed as the set of its
 * adjacent character pairs; a query fragment matches when all of its pairs are present, and a LIKE
 * recheck removes the false positives. Works the same on PGlite and PostgreSQL, needs no extension.
 */

/** Full-width ASCII → half-width, lower case, punctuation and spaces dropped. */
export function normaliseForSearch(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function bigrams(s: string): string[] {
  const chars = [...normaliseForSearch(s)];
  if (chars.length === 1) return [chars[0]!];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Names made only of CJK, digits and lower-case ASCII need no normalisation and no quote escaping. */
const PLAIN = /^[\u4e00-\u9fff0-9a-z]*$/;

/**
 * Text for `$1::tsvector`: the quoted bigrams (lexemes are taken verbatim, no stemming). Runs for every imported
 * row, so plain names (nearly all) take a fast path with the same output as the general one.
 */
export function bigramTsvector(name: string): string {
  if (!PLAIN.test(name)) return bigrams(name).map(quoteLexeme).join(' ');
  const seen = new Set<string>();
  let out = '';
  let prev = '';
  for (const ch of name) {
    if (prev) {
      const gram = prev + ch;
      if (!seen.has(gram)) {
        seen.add(gram);
        out += out ? ` '${gram}'` : `'${gram}'`;
      }
    }
    prev = ch;
  }
  return out || (prev ? `'${prev}'` : '');
}

/** Text for `$1::tsquery`: all of the fragment's bigrams ANDed; null when the fragment is shorter than 2. */
export function bigramTsquery(fragment: string): string | null {
  const grams = bigrams(fragment);
  if (grams.length === 0 || [...normaliseForSearch(fragment)].length < 2) return null;
  return grams.map(quoteLexeme).join(' & ');
}

/**
 * Text for `$1::tsquery` from some of the fragment's bigrams (`picked`: indexes into bigrams(fragment)), for a probe
 * that leaves the frequent ones to the LIKE recheck. null when no valid index is picked.
 */
export function bigramSubsetTsquery(fragment: string, picked: readonly number[]): string | null {
  const grams = bigrams(fragment);
  const chosen = grams.filter((_, i) => picked.includes(i));
  if (chosen.length === 0 || [...normaliseForSearch(fragment)].length < 2) return null;
  return chosen.map(quoteLexeme).join(' & ');
}

/**
 * Bigrams that most registered names share (legal forms, the district's place names, trade words): a GIN probe ANDing
 * them reads long posting lists for nothing, since an exact-name recheck follows.
 */
const COMMON_NAME_BIGRAMS = new Set(
  '有限 限公 公司 责任 任公 股份 份有 集团 佛山 山市 南海 海区 区桂 桂城 市南 商行 经营 营部 个体 工作 作室 科技 技有 贸易 易有 商店 店铺 门市 市部 电器 器有 实业 业有 服务 务部 中心 发展 展有 广东 东省 广州 州市 深圳 圳市'.split(
    ' ',
  ),
);

/**
 * Text for `$1::tsquery` that finds a name exactly (with a `name = $2` recheck): up to `max` of its bigrams, the
 * rarer ones first, so each GIN probe intersects few and short posting lists. null when the name is too short.
 */
export function exactNameTsquery(name: string, max = 4): string | null {
  const grams = bigrams(name);
  if (grams.length === 0 || [...normaliseForSearch(name)].length < 2) return null;
  const rare = grams.filter((g) => !COMMON_NAME_BIGRAMS.has(g));
  const picked = (rare.length ? rare : grams).slice(-max);
  return picked.map(quoteLexeme).join(' & ');
}
