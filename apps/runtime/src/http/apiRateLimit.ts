import type { RequestHandler } from 'express';
import { rateLimit, type Logger, type Store } from 'express-rate-limit';
import { ApiError } from './ApiError.ts';

/** How many requests a client may send per window, and where the counts live. */
export interface ApiRateLimitOptions {
  windowMs: number;
  max: number;
  /** Where the counts live; several runtime processes behind one load balancer pass a shared store (Redis, PostgreSQL). Default: this process's memory. */
  store?: Store;
  /** Where the library reports a misconfiguration it detects (e.g. a proxy header it was not told to trust); default: the console. */
  logger?: Logger;
}

/**
 * The API's per-client request limit (express-rate-limit): past `max` requests in a client's window it answers 429 in
 * the API's error format, with the IETF draft-7 `RateLimit` / `RateLimit-Policy` headers and `Retry-After`. A client is
 * its address as express sees it (`req.ip`: the TCP peer, or the forwarded client behind a proxy trusted through
 * OMNIFLOW_TRUST_PROXY), an IPv6 client its /56 — what one customer line usually gets.
 */
export function apiRateLimit(options: ApiRateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    ipv6Subnet: 56,
    ...(options.store ? { store: options.store } : {}),
    // A shared store that cannot be reached (the database restarting) lets requests through rather than answer 500:
    // the request then meets the same outage and says so (503 with Retry-After on a turn).
    passOnStoreError: true,
    ...(options.logger ? { logger: options.logger } : {}),
    // Handed to the app's error handler, so a 429 has the same body (and logging) as every other API error.
    handler: (_req, _res, next) => {
      next(
        new ApiError(429, {
          code: 'RATE_LIMITED',
          message: `Too many requests; at most ${options.max} per ${options.windowMs / 1000} s. Retry later.`,
          pointer: '',
        }),
      );
    },
  });
}
