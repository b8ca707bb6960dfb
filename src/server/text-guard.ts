import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findTextFault } from '../contracts/text.ts';
import { AppError } from '../platform/errors.ts';

const parts = [
  ['params', '路径参数'],
  ['query', '查询参数'],
  ['body', '请求体'],
] as const;

/** The first refused string of a request (NUL, lone surrogate, over-long) as a 422 naming its field. */
export function checkRequestText(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>): AppError | undefined {
  for (const [part, where] of parts) {
    const fault = findTextFault(req[part]);
    if (fault) {
      const path = fault.path || '(根)';
      return new AppError('VALIDATION', `${where}字段 ${path}：${fault.message}`, [
        { path: fault.path, message: fault.message },
      ]);
    }
  }
  return undefined;
}

/**
 * Every route, with or without a schema, gets its query, path and body checked before validation, so no
 * handler or repo ever sees text the database cannot store.
 */
export function addTextGuard(server: FastifyInstance): void {
  server.addHook('preValidation', async (req) => {
    const err = checkRequestText(req);
    if (err) throw err;
  });
}
