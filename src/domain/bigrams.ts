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
