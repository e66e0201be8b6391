import { Router } from 'express';
import type { InputEvent } from '@omniflow/flow-engine';
import type { Principal } from '../auth/TokenService.ts';
import type { Channel } from '@omniflow/flow-schema';
import { assertChannelAccess, assertRole, mayDriveSessions, requireRole } from '../auth/authenticate.ts';
import type { SessionService, SessionTurn } from '../sessions/SessionService.ts';
import { contactSentiment } from '../sessions/contactSentiment.ts';
import { keyedInput } from '../sessions/idempotentInput.ts';
import type { ContactInput } from '../contact/contactInput.ts';
import { assertContactAllowed } from '../contact/assertContactAllowed.ts';
import { pathParam } from './pathParam.ts';
import { validateBody } from './validateBody.ts';

/** `/api/sessions`: start, input (the chat turn), end (channel tokens or management tokens), read and transcript (viewer+). */
export function sessionsRouter(sessions: SessionService): Router {
  const router = Router();

  router.post('/', validateBody('StartSession'), async (req, res) => {
    const body: {
      flowId: string;
      channel: Channel;
      locale?: string;
      callerData?: Record<string, unknown>;
      contact?: ContactInput;
      draft?: boolean;
    } = req.body;
    assertChannelAccess(req, body.flowId);
    if (body.draft) assertRole(req, 'editor');
    assertContactAllowed(req.principal, body.contact, '/contact');
    const caller =
      req.principal?.kind === 'channel'
        ? { channelTokenId: req.principal.tokenId, address: req.ip ?? req.socket.remoteAddress ?? '' }
        : undefined;
    // A start sent again with its key (its reply was lost) answers the same session, never a second one (issue 22).
    const keyed = keyedInput(req.get('idempotency-key'), body, '');
    const idempotency = keyed ? { keyed, scope: startScope(req.principal) } : undefined;
    const turn = await sessions.start({
      ...body,
      ...(caller ? { caller } : {}),
      ...(idempotency ? { idempotency } : {}),
    });
    res
      .status(201)
      .location(`/api/sessions/${turn.sessionId}`)
      .json({ session: forCaller(req.principal, turn) });
  });

  router.post('/:id/input', validateBody('SessionInput'), async (req, res) => {
    if (!mayDriveSessions(req.principal)) assertRole(req, 'editor');
    const { input }: { input: InputEvent } = req.body;
    const keyed = keyedInput(req.get('idempotency-key'), input, '');
    const turn = await sessions.input(pathParam(req, 'id'), input, {
      ...channelScope(req.principal),
      ...(keyed ? { keyed } : {}),
    });
    res.json({ session: forCaller(req.principal, turn) });
  });

  router.post('/:id/end', async (req, res) => {
    if (!mayDriveSessions(req.principal)) assertRole(req, 'editor');
    const keyed = keyedInput(req.get('idempotency-key'), { type: 'hangup' }, '');
    const turn = await sessions.end(pathParam(req, 'id'), {
      ...channelScope(req.principal),
      ...(keyed ? { keyed } : {}),
    });
    res.json({ session: forCaller(req.principal, turn) });
  });

  router.get('/:id', requireRole('viewer'), async (req, res) => {
    const { snapshot: _snapshot, draftDocument: _draft, ...record } = await sessions.get(pathParam(req, 'id'));
    res.json({ session: record });
  });

  router.get('/:id/transcript', requireRole('viewer'), async (req, res) => {
    const id = pathParam(req, 'id');
    const transcript = await sessions.transcript(id);
    res.json({ sessionId: id, transcript, sentimentTrend: contactSentiment(transcript) });
  });

  return router;
}

/** Whose idempotency keys a session start's key is among: the token that sent it. */
export function startScope(principal: Principal | undefined): string {
  return principal ? `${principal.kind}:${principal.tokenId}` : 'anonymous';
}

/** A channel token may only drive sessions of its own flow; others look like unknown sessions. */
export function channelScope(principal: Principal | undefined): { flowId?: string } {
  return principal?.kind === 'channel' ? { flowId: principal.flowId } : {};
}

/** Customers (channel tokens) get outputs only; management tokens also see the (masked) variables and contact. */
function forCaller(principal: Principal | undefined, turn: SessionTurn): Partial<SessionTurn> {
  if (principal?.kind === 'role') return turn;
  const { variables: _variables, contact: _contact, ...rest } = turn;
  return rest;
}
