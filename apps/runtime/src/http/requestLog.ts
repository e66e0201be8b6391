import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';

/** Counts every finished request that answered 5xx and logs each request at debug (path only) once it is answered. */
export function requestLog(logger: Logger, metrics: RuntimeMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      if (res.statusCode >= 500) metrics.errors.inc({ kind: 'http_5xx' });
      // Debug is off in production: skip building the line (the turn itself logs one info line).
      if (!logger.isLevelEnabled('debug')) return;
      // The path only: query strings can carry channel tokens.
      logger.debug(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
