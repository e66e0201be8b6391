import type { Logger } from 'pino';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';

/** Counts a finished request that answered 5xx and logs it at debug, for the express app and the chat turn's fast path alike. */
export function logRequest(logger: Logger, metrics: RuntimeMetrics, request: { method: string; path: string; status: number; started: number }): void {
  if (request.status >= 500) metrics.errors.inc({ kind: 'http_5xx' });
  // Debug is off in production: skip building the line (the turn itself logs one info line).
  if (!logger.isLevelEnabled('debug')) return;
  // The path only: query strings can carry channel tokens.
  logger.debug({ method: request.method, path: request.path, status: request.status, ms: Math.round((performance.now() - request.started) * 10) / 10 }, 'request');
}
