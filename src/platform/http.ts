import type { FastifyRequest } from 'fastify';
import type { Permission } from '../contracts/permissions.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

/** What routes need from the HTTP layer: the signed-in caller and where the request came from. */
export const SESSION_COOKIE = 'sj_session';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** 'public' routes need no session; otherwise a session and, when given, this permission. */
    auth?: 'public' | 'session';
    permission?: Permission;
    /** A background poll (the notification bell): the session is checked but its idle clock is not reset. */
    passive?: boolean;
  }
}

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip ?? null,
  userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
});

/** The signed-in caller; routes behind the auth check can rely on it. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}
