import type { Request, RequestHandler } from 'express';
import type { TokenService } from '../auth/TokenService.ts';
import { ApiError } from './ApiError.ts';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const TOKEN_SECONDS = 12 * 60 * 60;

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_ADDRESSES.has(host) || host === 'localhost';
}

/**
 * `GET /api/auth/local`: hands the bundled designer a short-lived publisher token without typing the admin token.
 * Only when the runtime is bound to loopback, the TCP peer is loopback, the Host header names loopback (against DNS
 * rebinding) and any Origin is a loopback origin (so another website cannot read it through the browser).
 */
export function localAuth(tokens: TokenService, options: { boundHost: string; enabled: boolean }): RequestHandler {
  return async (req, res) => {
    if (!options.enabled || !isLoopbackHost(options.boundHost)) {
      throw new ApiError(404, { code: 'LOCAL_AUTH_DISABLED', message: 'Local sign-in is only available when the runtime listens on localhost; use a token.', pointer: '' });
    }
    if (!isLoopbackRequest(req)) {
      throw new ApiError(403, { code: 'NOT_LOCAL', message: 'Local sign-in only answers requests from this machine to localhost.', pointer: '' });
    }
    const { token, record } = await tokens.issue({ role: 'publisher', label: 'local designer', expiresInSeconds: TOKEN_SECONDS });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token, role: record.role, expiresAt: record.expiresAt });
  };
}

function isLoopbackRequest(req: Request): boolean {
  if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) return false;
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
