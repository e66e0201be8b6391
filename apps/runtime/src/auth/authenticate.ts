import type { Request, RequestHandler } from 'express';
import type { Role } from '../store/FlowStore.ts';
import { ApiError } from '../http/ApiError.ts';
import { roleAtLeast, type Principal, type TokenService } from './TokenService.ts';
import { storeUnavailable } from '../sessions/storeUnavailable.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- express types its Request through this namespace
  namespace Express {
    interface Request {
      /** Who sent the request, set by {@link authenticate}. */
      principal?: Principal;
    }
  }
}

/** The bearer token of a request: `Authorization: Bearer …`, or `?token=` for browser pages and WebSockets. */
export function bearerToken(req: Request, allowQuery: boolean): string | undefined {
  const header = bearerFromHeader(req.headers.authorization);
  if (header !== undefined) return header;
  const query = req.query['token'];
  if (allowQuery && typeof query === 'string' && query.length > 0) return query;
  return undefined;
}

/** The token of an `Authorization: Bearer …` header value. */
export function bearerFromHeader(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/**
 * The principal of a bearer token; a missing or unknown token is a 401. A token seen moments ago is answered
 * synchronously, without a promise hop: this runs before every chat turn.
 */
export function resolvePrincipal(tokens: TokenService, token: string | undefined): Principal | Promise<Principal> {
  if (!token)
    throw new ApiError(401, {
      code: 'UNAUTHORIZED',
      message: 'Send a token as "Authorization: Bearer <token>".',
      pointer: '',
    });
  const cached = tokens.cachedPrincipal(token);
  if (cached !== null) return knownPrincipal(cached);
  // A token store that cannot be read (the database restarting) is an outage to retry, not a server fault.
  return tokens.authenticate(token).then(knownPrincipal, (error: unknown) => Promise.reject(storeUnavailable(error)));
}

function knownPrincipal(principal: Principal | undefined): Principal {
  if (!principal)
    throw new ApiError(401, {
      code: 'UNAUTHORIZED',
      message: 'The token is unknown, revoked or expired.',
      pointer: '',
    });
  return principal;
}

/** Resolves the caller's token into `req.principal`; a missing or unknown token is a 401. */
export function authenticate(tokens: TokenService, options: { allowQueryToken?: boolean } = {}): RequestHandler {
  return (req, _res, next) => {
    const principal = resolvePrincipal(tokens, bearerToken(req, options.allowQueryToken ?? false));
    if (!(principal instanceof Promise)) {
      req.principal = principal;
      return next();
    }
    return principal.then((resolved) => {
      req.principal = resolved;
      next();
    });
  };
}

/** Requires a management token of at least `role`; channel tokens never reach management endpoints. */
export function requireRole(role: Role): RequestHandler {
  return (req, _res, next) => {
    assertRole(req, role);
    next();
  };
}

/** Throws 403 unless the request carries a management token of at least `role`. */
export function assertRole(req: Request, role: Role): void {
  const principal = req.principal;
  if (!principal || principal.kind !== 'role' || !roleAtLeast(principal.role, role)) {
    throw new ApiError(403, {
      code: 'FORBIDDEN',
      message: `This needs a token with the "${role}" role or higher.`,
      pointer: '',
    });
  }
}

/**
 * Whether a principal may start, feed and end conversations of `flowId` (any flow when absent): that flow's channel
 * token, or an editor token or higher. Viewers only read (issue 14).
 */
export function mayDriveSessions(principal: Principal | undefined, flowId?: string): boolean {
  if (principal?.kind === 'channel') return flowId === undefined || principal.flowId === flowId;
  return principal?.kind === 'role' && roleAtLeast(principal.role, 'editor');
}

/** Throws 403 unless the request may talk to `flowId` as a channel (its channel token, or an editor token or higher). */
export function assertChannelAccess(req: Request, flowId: string): void {
  if (mayDriveSessions(req.principal, flowId)) return;
  const message =
    req.principal?.kind === 'role'
      ? 'Viewer tokens only read; talking to a flow needs its channel token or an editor token.'
      : `This channel token is not valid for flow "${flowId}".`;
  throw new ApiError(403, { code: 'FORBIDDEN', message, pointer: '' });
}
