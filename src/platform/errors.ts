import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** The closed set of error codes the API speaks; each maps to one HTTP status and a Chinese title. */
export const errorCodes = {
  BAD_REQUEST: { status: 400, title: '请求格式错误' },
  UNAUTHENTICATED: { status: 401, title: '未登录或登录已过期' },
  FORBIDDEN: { status: 403, title: '无权执行此操作' },
  CSRF: { status: 403, title: 'CSRF 校验失败' },
  NOT_FOUND: { status: 404, title: '资源不存在' },
  CONFLICT: { status: 409, title: '数据冲突' },
  INVALID_STATE: { status: 409, title: '当前状态不允许此操作' },
  PAYLOAD_TOO_LARGE: { status: 413, title: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: '不支持的内容类型' },
  VALIDATION: { status: 422, title: '数据校验未通过' },
  LOCKED: { status: 423, title: '账户已锁定' },
  RATE_LIMITED: { status: 429, title: '请求过于频繁' },
  INTERNAL: { status: 500, title: '服务器内部错误' },
  UNAVAILABLE: { status: 503, title: '服务暂时不可用' },
} as const;

/** Seconds a client is asked to wait (Retry-After) when the database is away, e.g. while it restarts. */
const UNAVAILABLE_RETRY_SECONDS = 5;

export type ErrorCode = keyof typeof errorCodes;
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }
  get status(): number {
    return errorCodes[this.code].status;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (detail = '您没有执行此操作的权限') => new AppError('FORBIDDEN', detail);
export const conflict = (detail: string, errors: FieldError[] = []) => new AppError('CONFLICT', detail, errors);
export const validation = (path: string, message: string) =>
  new AppError('VALIDATION', `字段 ${path}：${message}`, [{ path, message }]);
/** A lost or unobtainable database connection: the request may succeed when retried. */
export const databaseUnavailable = (cause: unknown) =>
  new AppError('UNAVAILABLE', '数据库暂时不可用，请稍后重试', [], { cause });

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors: FieldError[];
}

export function problem(code: ErrorCode, detail: string, errors: FieldError[] = []): Problem {
  const { status, title } = errorCodes[code];
  return { type: `https://shijian.dev/problems/${code.toLowerCase()}`, title, status, code, detail, errors };
}

const contextNames: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** Maps fastify's own client errors (bad JSON, too large, wrong content type) onto our codes. */
function fromFastifyError(err: FastifyError): Problem | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('PAYLOAD_TOO_LARGE', '请求体超过允许的大小');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('UNSUPPORTED_MEDIA_TYPE', '不支持的 Content-Type，请使用 application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('BAD_REQUEST', 'Content-Type 为 application/json 时请求体不能为空');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem('BAD_REQUEST', '请求体不是合法的 JSON');
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return problem('BAD_REQUEST', '请求体不是合法的 JSON');
  }
  if (err.statusCode === 429) return problem('RATE_LIMITED', '请求过于频繁，请稍后再试');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { ...problem('BAD_REQUEST', err.message), status: err.statusCode };
  }
  return undefined;
}

export function toProblem(err: unknown): Problem {
  if (err instanceof AppError) return problem(err.code, err.detail, err.errors);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = contextNames[(err as { validationContext?: string }).validationContext ?? 'body'] ?? '请求';
    const errors = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (v.params?.missingProperty as string) || '',
      message: v.message ?? '无效',
    }));
    const first = errors[0];
    const detail = first ? `${where}字段 ${first.path || '(根)'}：${first.message}` : `${where}校验未通过`;
    return problem('VALIDATION', detail, errors);
  }
  if (isResponseSerializationError(err)) return problem('INTERNAL', '响应数据不符合约定');
  const fromFastify = fromFastifyError(err as FastifyError);
  if (fromFastify) return fromFastify;
  return problem('INTERNAL', '服务器内部错误，请稍后重试或联系管理员');
}

export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const body = toProblem(err);
  if (body.code === 'UNAVAILABLE') {
    request.log.warn({ err }, 'database unavailable');
    reply.header('retry-after', String(UNAVAILABLE_RETRY_SECONDS));
  } else if (body.status >= 500) request.log.error({ err }, 'unhandled error');
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const body = problem('NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`);
  return reply.status(404).type('application/problem+json; charset=utf-8').send(body);
}
