import type { Request, RequestHandler } from 'express';
import type { TokenService } from '../auth/TokenService.ts';
import { ApiError } from './ApiError.ts';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const TOKEN_SECONDS = 12 * 60 * 60;
/** A cached token with less than this left is replaced, so the designer never receives one about to lapse. */
const REUSE_MARGIN_MS = 60 * 60 * 1000;
const LOCAL_LABEL = 'local designer';
/**
 * Headers a reverse proxy or load balancer adds: their presence means the request did not come from a person at this
 * machine, even though the TCP peer (the proxy) is loopback.
 */
const PROXY_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'via',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
];

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_ADDRESSES.has(host) || host === 'localhost';
}

/**
 * `GET /api/auth/local`: hands the bundled designer a publisher token without typing the admin token, only for a
 * person at the machine: the runtime listens on loopback, the TCP peer is loopback, no proxy header is present, the
 * Host names loopback (against DNS rebinding) and any Origin is a loopback origin. Anything else is a 404, so the
 * route does not even show through a proxy. One token is reused until an hour before it lapses (issue 14).
 */
export function localAuth(
  tokens: TokenService,
  options: { boundHost: string; enabled: boolean; now?: () => number },
): RequestHandler {
  const now = options.now ?? Date.now;
  let current: { token: string; expiresAt: string } | undefined;
  let issuing: Promise<{ token: string; expiresAt: string }> | undefined;
  const issue = async (): Promise<{ token: string; expiresAt: string }> => {
    await tokens.revokeLabelled(LOCAL_LABEL, 'publisher');
    const { token, record } = await tokens.issue({
      role: 'publisher',
      label: LOCAL_LABEL,
      expiresInSeconds: TOKEN_SECONDS,
    });
    return { token, expiresAt: record.expiresAt ?? '' };
  };
  return async (req, res) => {
    if (!options.enabled || !isLoopbackHost(options.boundHost) || !isLoopbackRequest(req)) {
      throw new ApiError(404, {
        code: 'NO_ROUTE',
        message: 'Local sign-in is only offered to a browser on the machine the runtime listens on; use a token.',
        pointer: '',
      });
    }
    if (current === undefined || Date.parse(current.expiresAt) - now() < REUSE_MARGIN_MS) {
      // Concurrent first calls (several designer tabs) share one issue, so one row is created.
      issuing ??= issue().finally(() => {
        issuing = undefined;
      });
      current = await issuing;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token: current.token, role: 'publisher', expiresAt: current.expiresAt });
  };
}

function isLoopbackRequest(req: Request): boolean {
  if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) return false;
  if (PROXY_HEADERS.some((name) => req.headers[name] !== undefined)) return false;
  if (!LOOPBACK_HOSTS.has(hostname(req.headers.host ?? ''))) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return LOOPBACK_HOSTS.has(new URL(origin).hostname === '::1' ? '[::1]' : new URL(origin).hostname);
  } catch {
    return false;
  }
}

function hostname(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}
