import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthService } from '../modules/auth/service.ts';
import { AppError } from '../platform/errors.ts';
import { requestMeta, SESSION_COOKIE } from '../platform/http.ts';
import type { TConfig } from './config.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService; config: TConfig }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const routeConfig = req.routeOptions.config;
    // Only the JSON API is behind sessions; static assets, docs and the public portal are not.
    if (!req.routeOptions.url?.startsWith('/api/v1/') || routeConfig.auth === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');
    const resolved = await opts.auth.resolveSession(token, requestMeta(req), { touch: !routeConfig.passive });
    if ('reason' in resolved) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const detail =
        resolved.reason === 'timeout' ? `超过${opts.config.SESSION_IDLE_MINUTES}分钟未操作，请重新登录` : '请先登录';
      throw new AppError('UNAUTHENTICATED', detail);
    }
    req.actor = resolved.actor;
    req.csrfToken = resolved.csrfToken;
    req.sessionToken = token;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== resolved.csrfToken) {
      throw new AppError('CSRF', '缺少或错误的 x-csrf-token 请求头，请刷新页面后重试');
    }
    if (routeConfig.permission && !resolved.actor.permissions.has(routeConfig.permission)) {
      throw new AppError('FORBIDDEN', `您没有此操作的权限（${routeConfig.permission}）`);
    }
  });
});
