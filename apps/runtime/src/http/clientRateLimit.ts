import type { RequestHandler } from 'express';
import { ApiError } from './ApiError.ts';

/**
 * A per-client request limit in fixed windows (all clients share one window clock), answering 429 past it with
 * the IETF draft-7 `RateLimit` / `RateLimit-Policy` headers. Synchronous, one map update per request: it sits on
 * every chat turn, where express-rate-limit's promise chain cost as much CPU as the session's own bookkeeping.
 */
export function clientRateLimit(options: { windowMs: number; max: number; now?: () => number }): RequestHandler {
  return rateLimitMiddleware(createClientLimiter(options));
}

/** Counts one request of a peer, sets the rate-limit headers and throws a 429 {@link ApiError} past the limit. */
export type ClientLimiter = (remoteAddress: string, res: { setHeader(name: string, value: string): unknown }) => void;

/** The limiter behind {@link clientRateLimit}, shared by the express routes and the chat turn answered without express. */
export function createClientLimiter(options: { windowMs: number; max: number; now?: () => number }): ClientLimiter {
  const now = options.now ?? Date.now;
  const windowSeconds = Math.ceil(options.windowMs / 1000);
  const policy = `${options.max};w=${windowSeconds}`;
  let windowStart = now();
  let counts = new Map<string, number>();
  // Turns come in runs from one address (a gateway, a proxy, one customer): its key is worked out once per run.
  let lastAddress: string | undefined;
  let lastKey = '';
  return (remoteAddress, res) => {
    const at = now();
    if (at - windowStart >= options.windowMs) {
      counts = new Map();
      windowStart = at;
    }
    if (remoteAddress !== lastAddress) {
      lastAddress = remoteAddress;
      lastKey = clientKey(remoteAddress);
    }
    const key = lastKey;
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    const reset = Math.max(0, Math.ceil((windowStart + options.windowMs - at) / 1000));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `limit=${options.max}, remaining=${Math.max(0, options.max - used)}, reset=${reset}`);
    if (used > options.max) {
      res.setHeader('Retry-After', String(reset));
      throw new ApiError(429, { code: 'RATE_LIMITED', message: `Too many requests; at most ${options.max} per ${options.windowMs / 1000} s. Retry later.`, pointer: '' });
    }
  };
}

/** Express middleware running a shared {@link ClientLimiter}. */
export function rateLimitMiddleware(limit: ClientLimiter): RequestHandler {
  return (req, res, next) => {
    // `req.ip` follows OMNIFLOW_TRUST_PROXY: behind a load balancer the client, not the balancer, is limited.
    limit(req.ip ?? req.socket.remoteAddress ?? '', res);
    next();
  };
}

/** The limit's key for a peer address: IPv4 as is, IPv6 by its /56 prefix (what one customer line usually gets). */
export function clientKey(address: string): string {
  const bare = address.split('%')[0] ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? front : [...front, ...Array.from({ length: 8 - front.length - back.length }, () => '0'), ...back];
  const word = (i: number): number => Number.parseInt(groups[i] ?? '0', 16) || 0;
  return `${[word(0), word(1), word(2), word(3) & 0xff00].map((n) => n.toString(16)).join(':')}::/56`;
}
