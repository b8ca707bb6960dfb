import { ZProblem } from '../../../src/contracts/common.ts';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A failed API call: the server's problem+json, or a stand-in the client makes when no problem came back (codes
 * NETWORK, CONTRACT, HTTP, CLIENT). A stand-in's title and detail are plain technical text for logs; what a user
 * reads comes from the message files through errorText (web/src/components/load-error.tsx).
 */
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
    return new ApiError(0, 'NETWORK', 'NETWORK', 'The server could not be reached');
  }

  /** `path` is the request whose answer broke the contract; the user's message names it. */
  static contract(path: string): ApiError {
    return new ApiError(0, 'CONTRACT', 'CONTRACT', path);
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
    return new ApiError(res.status, 'HTTP', `HTTP ${res.status}`, `Unexpected response (HTTP ${res.status})`);
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

/** Any thrown value as an ApiError, so pages have one shape to render. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new ApiError(0, 'CLIENT', 'CLIENT', detail);
}
