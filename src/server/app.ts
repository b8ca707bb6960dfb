import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import type { ReadRouter } from '../db/read-router.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { open311Routes } from '../modules/complaints/open311-routes.ts';
import { openDataRoutes } from '../modules/entity-profile/open-data-routes.ts';
import { sitemapRoutes } from '../modules/entity-profile/sitemap-routes.ts';
import { openFoodRoutes } from '../modules/food-public/public-routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { errorHandler, notFoundHandler, problem } from '../platform/errors.ts';
import { authPlugin } from './auth-plugin.ts';
import type { TConfig, TrustProxy } from './config.ts';
import { createServices, type Services } from './container.ts';
import { databaseRateLimitStore } from './rate-limit/store.ts';
import { addReadRouting } from './read-routing.ts';
import { moduleRoutes } from './routes.ts';
import { bareSecurityHeaders, securityHeaders } from './security-headers.ts';
import { addTextGuard } from './text-guard.ts';

export interface AppOptions {
  config: TConfig;
  db: Db;
  /** Directory of the built web UI; served with an SPA fallback when present. */
  webDist?: string;
  logger?: boolean;
  /** The services' clock (tests advance it past cache lifetimes); the wall clock by default. */
  now?: () => Date;
  /** Nothing else uses this database (the embedded one, locked to this process): running jobs of others died. */
  soleDatabaseUser?: boolean;
}

export interface App {
  server: FastifyInstance;
  services: Services;
  /** The read replicas' router (DATABASE_READ_URL on PostgreSQL); null when the primary serves every read. */
  reads: ReadRouter | null;
}

/**
 * Fastify 5 treats a bare hop count as "trust nothing"; a count here means what TRUST_PROXY documents: the
 * nearest `n` hops are our proxies, so the client is the address they forwarded.
 */
const trustProxyOption = (t: TrustProxy) => (typeof t === 'number' ? (_address: string, hop: number) => hop < t : t);

/** The database's counters when several nodes may share it (see RATE_LIMIT_STORE); undefined: in memory. */
function rateLimitStore(config: TConfig, db: Db) {
  const shared =
    config.RATE_LIMIT_STORE === 'database' || (config.RATE_LIMIT_STORE === 'auto' && db.kind === 'postgresql');
  return shared ? databaseRateLimitStore(db) : undefined;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const { config, db } = opts;
  const bareHeaders = bareSecurityHeaders(config);
  const server = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    // Long junk in a path segment should reach validation (422), not the router's bare 414.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: (err, req, reply: FastifyReply) => {
      bareHeaders(req.raw, reply.raw);
      reply
        .status(400)
        .type('application/problem+json; charset=utf-8')
        .send(problem('BAD_REQUEST', `URL 格式错误：${err.message}`));
    },
  }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.setErrorHandler(errorHandler);
  addTextGuard(server);

  const reads = await addReadRouting(server, db, config);
  const services = createServices(db, config, {
    readDb: reads?.reader,
    now: opts.now,
    log: server.log,
    soleDatabaseUser: opts.soleDatabaseUser,
  });

  await server.register(helmet, { global: true, ...securityHeaders(config) });
  await server.register(cookie);
  await server.register(rateLimit, { global: false, store: rateLimitStore(config, db) });
  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Shijian 市监 API', version: '1', description: '市场监督管理局业务平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sj_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Past 150 operations Swagger UI renders only what is near the screen, so the browser's find misses the rest: a tag filter.
  await server.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { filter: true } });
  await server.register(authPlugin, { auth: services.auth, config });

  await server.register(
    async (api) => {
      api.get('/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => server.swagger());
      await api.register(healthRoutes, { health: services.health });
      await api.register(authRoutes, { auth: services.auth, cookieSecure: config.COOKIE_SECURE });
      await api.register(moduleRoutes, { services, config });
    },
    { prefix: '/api/v1' },
  );

  await server.register(open311Routes, {
    prefix: '/open311/v2',
    open311: services.open311,
    apiKeys: config.OPEN311_API_KEYS,
    rateLimitPerMinute: config.OPEN311_RATE_LIMIT_PER_MINUTE,
  });
  await server.register(openDataRoutes, {
    prefix: '/api/open/v1',
    profiles: services.entityProfiles,
    rateLimitPerMinute: config.OPEN_DATA_RATE_LIMIT_PER_MINUTE,
  });
  await server.register(openFoodRoutes, {
    prefix: '/api/open/v1',
    food: services.foodPublic,
    rateLimitPerMinute: config.OPEN_DATA_RATE_LIMIT_PER_MINUTE,
  });
  await server.register(sitemapRoutes, {
    profiles: services.entityProfiles,
    rateLimitPerMinute: config.OPEN_DATA_RATE_LIMIT_PER_MINUTE,
  });

  const webDist = opts.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    await server.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    server.setNotFoundHandler((req, reply) => {
      const path = req.url.split('?')[0] ?? '';
      const isApi = path.startsWith('/api') || path.startsWith('/open311');
      if (!isApi && (req.method === 'GET' || req.method === 'HEAD')) return reply.sendFile('index.html');
      return notFoundHandler(req, reply);
    });
  } else {
    server.setNotFoundHandler(notFoundHandler);
  }
  return { server, services, reads };
}
