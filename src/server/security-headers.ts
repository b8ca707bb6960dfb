import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { TConfig } from './config.ts';

/**
 * Security headers for every response (API, static files, docs, errors), through @fastify/helmet.
 *
 * CSP: scripts only from our own origin, never inline: the Vite build and Swagger UI load every script from a
 * file. Styles allow 'unsafe-inline': antd's CSS-in-JS injects <style> elements at run time, and a nonce would
 * mean templating index.html per request; injected CSS cannot run code, so the script rule is what holds.
 * No framing at all (frame-ancestors 'none' + X-Frame-Options DENY). Referrer: the full URL stays on our origin
 * (tracking codes sit in query strings), other sites get nothing, and same-origin POSTs keep their Origin
 * header. HSTS and upgrade-insecure-requests only when served over HTTPS (COOKIE_SECURE=true): on a plain-HTTP
 * intranet install they would break the app.
 */
export function securityHeaders(config: Pick<TConfig, 'COOKIE_SECURE'>) {
  const https = config.COOKIE_SECURE;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  } satisfies HelmetOptions;
}

/**
 * The same headers for a reply that skips every hook: Fastify answers a malformed URL (frameworkErrors)
 * before routing, so the plugin's onRequest hook never sees it.
 */
export function bareSecurityHeaders(config: Pick<TConfig, 'COOKIE_SECURE'>) {
  const apply = helmet(securityHeaders(config));
  return (req: IncomingMessage, res: ServerResponse) => apply(req, res, () => {});
}
