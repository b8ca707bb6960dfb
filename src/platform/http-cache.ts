import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 §13.1.2; `*` matches any). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * An onSend hook for public GETs that anyone may cache: a strong ETag (the SHA-256 of the serialised body, so two
 * processes answer the same tag for the same facts), Cache-Control, and 304 Not Modified without a body when the
 * client's If-None-Match names the tag. Errors and other statuses pass untouched.
 */
export function cacheablePublicJson(maxAgeSeconds: number) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url')}"`;
    reply.header('etag', etag).header('cache-control', `public, max-age=${maxAgeSeconds}`);
    if (!etagMatches(req.headers['if-none-match'], etag)) return payload;
    reply.code(304).removeHeader('content-type').removeHeader('content-length');
    return '';
  };
}
