import { Router, type RequestHandler } from 'express';
import type { InputEvent } from '@omniflow/flow-engine';
import type { Principal } from '../auth/TokenService.ts';
import type { Channel } from '@omniflow/flow-schema';
import { assertChannelAccess, assertRole, mayDriveSessions, requireRole } from '../auth/authenticate.ts';
import type { SessionService, SessionTurn } from '../sessions/SessionService.ts';
import { ApiError } from './ApiError.ts';
import { pathParam } from './pathParam.ts';
import { assertBody, validateBody } from './validateBody.ts';

/** `/api/sessions`: start, end (channel tokens or management tokens), read and transcript (viewer+). */
export function sessionsRouter(sessions: SessionService): Router {
  const router = Router();

  router.post('/', validateBody('StartSession'), async (req, res) => {
    const body: { flowId: string; channel: Channel; locale?: string; callerData?: Record<string, unknown>; draft?: boolean } = req.body;
    assertChannelAccess(req, body.flowId);
    if (body.draft) assertRole(req, 'editor');
    const caller = req.principal?.kind === 'channel' ? { channelTokenId: req.principal.tokenId, address: req.ip ?? req.socket.remoteAddress ?? '' } : undefined;
    const turn = await sessions.start({ ...body, ...(caller ? { caller } : {}) });
    res.status(201).location(`/api/sessions/${turn.sessionId}`).json({ session: forCaller(req.principal, turn) });
  });

  router.post('/:id/end', async (req, res) => {
    if (!mayDriveSessions(req.principal)) assertRole(req, 'editor');
    const turn = await sessions.end(pathParam(req, 'id'), channelScope(req.principal));
    res.json({ session: forCaller(req.principal, turn) });
  });

  router.get('/:id', requireRole('viewer'), async (req, res) => {
    const { snapshot: _snapshot, draftDocument: _draft, ...record } = await sessions.get(pathParam(req, 'id'));
    res.json({ session: record });
  });

  router.get('/:id/transcript', requireRole('viewer'), async (req, res) => {
    const id = pathParam(req, 'id');
    res.json({ sessionId: id, transcript: await sessions.transcript(id) });
  });

  return router;
}

/**
 * `POST /api/sessions/:id/input` (one chat turn) after authentication. The app mounts it as its own route ahead of
 * the other routes, as it is the request the runtime answers most.
 */
export function sessionInputHandler(sessions: SessionService): RequestHandler {
  return async (req, res) => {
    res.json(await sessionInputReply(sessions, pathParam(req, 'id'), req.body, req.principal));
  };
}

/**
 * One chat turn once the caller is known: the body checked against `SessionInput`, the turn run in the caller's
 * scope, and the reply body; the express route and the request listener's fast path both answer with it.
 */
export async function sessionInputReply(sessions: SessionService, id: string, body: unknown, principal: Principal | undefined): Promise<{ session: Partial<SessionTurn> }> {
  if (!mayDriveSessions(principal)) throw new ApiError(403, { code: 'FORBIDDEN', message: 'Viewer tokens only read; a turn needs a channel token or an editor token.', pointer: '' });
  // No body (or not JSON) is checked as `{}` so a missing required field is named with its pointer.
  assertBody('SessionInput', body ?? {});
  // Checked against the SessionInput schema just above.
  const input = (body as { input: InputEvent }).input;
  const turn = await sessions.input(id, input, channelScope(principal));
  return { session: forCaller(principal, turn) };
}

/** A channel token may only drive sessions of its own flow; others look like unknown sessions. */
export function channelScope(principal: Principal | undefined): { flowId?: string } {
  return principal?.kind === 'channel' ? { flowId: principal.flowId } : {};
}

/** Customers (channel tokens) get outputs only; management tokens also see the (masked) variables. */
function forCaller(principal: Principal | undefined, turn: SessionTurn): Partial<SessionTurn> {
  if (principal?.kind === 'role') return turn;
  const { variables: _variables, ...rest } = turn;
  return rest;
}
