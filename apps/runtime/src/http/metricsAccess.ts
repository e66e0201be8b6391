import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { bearerFromHeader } from '../auth/authenticate.ts';
import { hashToken } from '../auth/TokenService.ts';
import { ApiError } from './ApiError.ts';

/**
 * Guards `/metrics` with `OMNIFLOW_METRICS_TOKEN` when one is configured (`Authorization: Bearer <token>`, as
 * Prometheus' `authorization` scrape setting sends it); open otherwise, for a scraper on a private network.
 */
export function metricsAccess(token: string | undefined): RequestHandler {
  // Compared as SHA-256 digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
  const expected = token === undefined ? undefined : Buffer.from(hashToken(token), 'hex');
  return (req, _res, next) => {
    if (expected === undefined) return next();
    const sent = bearerFromHeader(req.headers.authorization);
    if (sent !== undefined && timingSafeEqual(Buffer.from(hashToken(sent), 'hex'), expected)) return next();
    throw new ApiError(401, {
      code: 'UNAUTHORIZED',
      message: 'Send the metrics token (OMNIFLOW_METRICS_TOKEN) as "Authorization: Bearer <token>".',
      pointer: '',
    });
  };
}
