import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSitemapParams } from '../../contracts/entity-profile.ts';
import { AppError } from '../../platform/errors.ts';
import type { EntityProfileService } from './service.ts';
import {
  entitySitemapPath,
  entityUrlset,
  portalPaths,
  robotsTxt,
  sitemapIndexXml,
  URLS_PER_SITEMAP,
  urlsetHead,
  urlsetTail,
  urlXml,
} from './sitemap.ts';

/** Crawlers come back daily at most; an hour spares the database a walk of 50,000 rows per fetch. */
const SITEMAP_MAX_AGE = 3600;

/**
 * /sitemap.xml (an index), /sitemaps/portal.xml and /sitemaps/entities/N.xml (one profile URL per entity, streamed),
 * /robots.txt naming the index. URLs are absolute, on the host the crawler asked (behind a proxy: TRUST_PROXY).
 */
export const sitemapRoutes: FastifyPluginAsyncZod<{
  profiles: Pick<EntityProfileService, 'sitemapFiles' | 'sitemapEntries'>;
  rateLimitPerMinute: number;
}> = async (app, { profiles, rateLimitPerMinute }) => {
  const config = { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
  const schema = { hide: true };
  const xml = 'application/xml; charset=utf-8';
  const cache = `public, max-age=${SITEMAP_MAX_AGE}`;

  app.get('/robots.txt', { config, schema }, async (req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', cache)
      .send(robotsTxt(`${req.protocol}://${req.host}`)),
  );
  app.get('/sitemap.xml', { config, schema }, async (req, reply) => {
    const files = await profiles.sitemapFiles(URLS_PER_SITEMAP);
    const paths = ['/sitemaps/portal.xml', ...Array.from({ length: files }, (_, i) => entitySitemapPath(i))];
    return reply
      .type(xml)
      .header('cache-control', cache)
      .send(sitemapIndexXml(`${req.protocol}://${req.host}`, paths));
  });
  app.get('/sitemaps/portal.xml', { config, schema }, async (req, reply) => {
    const origin = `${req.protocol}://${req.host}`;
    const body = urlsetHead + portalPaths.map((p) => urlXml(origin, p)).join('') + urlsetTail;
    return reply.type(xml).header('cache-control', cache).send(body);
  });
  app.get(
    '/sitemaps/entities/:index.xml',
    { config, schema: { ...schema, params: ZSitemapParams } },
    async (req, reply) => {
      const { index } = req.params;
      if (index >= (await profiles.sitemapFiles(URLS_PER_SITEMAP)))
        throw new AppError('NOT_FOUND', `站点地图文件 ${index} 不存在`);
      const body = entityUrlset(`${req.protocol}://${req.host}`, profiles.sitemapEntries(index, URLS_PER_SITEMAP));
      return reply.type(xml).header('cache-control', cache).send(Readable.from(body));
    },
  );
};
