import { ZProblem } from '../../../src/contracts/common.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** A failed API call: the server's problem+json, or a stand-in when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  static network(): ApiError {
    return new ApiError(0, 'NETWORK', '网络错误', '无法连接服务器，请检查网络后重试');
  }

  static contract(path: string): ApiError {
    return new ApiError(0, 'CONTRACT', '响应格式错误', `服务器响应不符合接口约定（${path}），请刷新页面或联系管理员`);
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const parsed = ZProblem.safeParse(body);
    if (parsed.success) {
      const p = parsed.data;
      return new ApiError(p.status, p.code, p.title, p.detail, p.errors);
    }
    // A proxy or gateway answered instead of the API (HTML error page, empty body).
    return new ApiError(res.status, 'HTTP', `HTTP ${res.status}`, `服务器返回了意外的响应（HTTP ${res.status}）`);
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

/** Any thrown value as an ApiError, so pages have one shape to render. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new ApiError(0, 'CLIENT', '页面错误', detail);
}
