/** One machine-readable problem: a stable code, a sentence that says how to fix it, and a JSON pointer. */
export interface ApiProblem {
  code: string;
  message: string;
  /** JSON pointer into the request body (or `''` for the request as a whole). */
  pointer: string;
}

/** An error the API answers with a 4xx/5xx status and `{ errors: [...] }`; thrown by handlers, caught once. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly errors: ApiProblem[];
  /** Extra top-level fields of the error body (e.g. the current revision on a 409). */
  readonly extra: Record<string, unknown>;

  constructor(status: number, errors: ApiProblem[] | ApiProblem, extra: Record<string, unknown> = {}) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => e.message).join('; '));
    this.status = status;
    this.errors = list;
    this.extra = extra;
  }

  /** A 404 for a missing resource. */
  static notFound(what: string, id: string): ApiError {
    return new ApiError(404, { code: 'NOT_FOUND', message: `No ${what} with id "${id}".`, pointer: '' });
  }

  /** A 400 for one bad field. */
  static badRequest(code: string, message: string, pointer = ''): ApiError {
    return new ApiError(400, { code, message, pointer });
  }
}

/** The JSON body of an error response. */
export function errorBody(error: ApiError): Record<string, unknown> {
  return { ...error.extra, errors: error.errors };
}
