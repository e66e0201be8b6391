import type { Logger } from 'pino';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import { ApiError, errorBody } from './ApiError.ts';

/** The status and JSON body answering a failed request (the API's one error format); unexpected errors are logged. */
export function errorReply(
  error: unknown,
  logger: Logger,
  metrics: RuntimeMetrics,
  req: { method: string; path: string },
): { status: number; body: Record<string, unknown> } {
  if (error instanceof ApiError) return { status: error.status, body: errorBody(error) };
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  if (type === 'entity.parse.failed') {
    return {
      status: 400,
      body: {
        errors: [
          {
            code: 'MALFORMED_JSON',
            message: `The body is not valid JSON: ${error instanceof Error ? error.message : ''}`.trim(),
            pointer: '',
          },
        ],
      },
    };
  }
  if (type === 'entity.too.large') {
    return {
      status: 413,
      body: {
        errors: [
          {
            code: 'BODY_TOO_LARGE',
            message: 'The body is larger than the configured limit (OMNIFLOW_BODY_LIMIT).',
            pointer: '',
          },
        ],
      },
    };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return {
      status: 415,
      body: { errors: [{ code: 'UNSUPPORTED_ENCODING', message: 'Send JSON as UTF-8.', pointer: '' }] },
    };
  }
  metrics.errors.inc({ kind: 'unhandled' });
  logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
  return {
    status: 500,
    body: {
      errors: [
        {
          code: 'INTERNAL',
          message: 'The runtime failed on this request; the error is logged. Other sessions are unaffected.',
          pointer: '',
        },
      ],
    },
  };
}
