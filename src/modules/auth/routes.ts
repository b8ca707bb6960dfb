import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZChangePasswordBody, ZLoginBody, ZMe } from '../../contracts/auth.ts';
import { ZOk } from '../../contracts/common.ts';
import { actorOf, requestMeta, SESSION_COOKIE } from '../../platform/http.ts';
import type { AuthService } from './service.ts';

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; cookieSecure: boolean }> = async (
  app,
  { auth, cookieSecure },
) => {
  app.post(
    '/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: ZLoginBody, response: { 200: ZMe } },
    },
    async (req, reply) => {
      const { token, actor, csrfToken } = await auth.login(req.body, requestMeta(req));
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieSecure,
      });
      return auth.me(actor, csrfToken);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户、权限与 CSRF 令牌', response: { 200: ZMe } } },
    async (req) => auth.me(actorOf(req), req.csrfToken!),
  );

  app.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: '修改本人密码', body: ZChangePasswordBody, response: { 200: ZOk } } },
    async (req) => {
      await auth.changePassword(actorOf(req), req.sessionToken!, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: ZOk } } },
    async (req, reply) => {
      await auth.logout(req.sessionToken!, actorOf(req), requestMeta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
};
