/**
 * Sitemaps (sitemaps.org 0.9): an index of files of at most 50,000 URLs each, the protocol's limit. Entity files
 * cover fixed id ranges, so the index needs only the largest id and each file is one keyset walk of its range.
 */

/** The protocol's limit of URLs in one file. */
export const URLS_PER_SITEMAP = 50_000;

/** The portal's own pages, in their own small file. */
export const portalPaths = ['/portal/entities', '/portal/spot-checks', '/portal/penalties', '/portal/complaint'];

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export const entitySitemapPath = (index: number) => `/sitemaps/entities/${index}.xml`;
export const entityProfilePath = (uscc: string) => `/portal/entities/${encodeURIComponent(uscc)}`;

export function sitemapIndexXml(origin: string, paths: readonly string[]): string {
  const entries = paths.map((p) => `  <sitemap><loc>${escapeXml(origin + p)}</loc></sitemap>\n`).join('');
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${entries}</sitemapindex>\n`;
}

export const urlsetHead = `${XML_HEAD}<urlset xmlns="${NS}">\n`;
export const urlsetTail = '</urlset>\n';

export function urlXml(origin: string, path: string, lastmod?: string): string {
  const mod = lastmod ? `<lastmod>${lastmod}</lastmod>` : '';
  return `  <url><loc>${escapeXml(origin + path)}</loc>${mod}</url>\n`;
}

/**
 * The entity file's text in chunks of `chunkSize` entries (a stream of one small string per URL would cost a
 * write each): what the route streams, so a 50,000-URL file is never held whole.
 */
export async function* entityUrlset(
  origin: string,
  entries: AsyncIterable<{ uscc: string; lastmod: string }>,
  chunkSize = 1_000,
): AsyncGenerator<string> {
  yield urlsetHead;
  let chunk = '';
  let n = 0;
  for await (const e of entries) {
    chunk += urlXml(origin, entityProfilePath(e.uscc), e.lastmod);
    if (++n % chunkSize === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + urlsetTail;
}

/** Crawlers may fetch everything (a profile page renders from the public API); staff pages need a login anyway. */
export const robotsTxt = (origin: string) => `User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`;
