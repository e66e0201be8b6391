import type { Server } from 'node:http';
import type { InputEvent } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { mayDriveSessions } from '../auth/authenticate.ts';
import type { Principal, TokenService } from '../auth/TokenService.ts';
import type { ContactInput } from '../contact/contactInput.ts';
import { assertContactAllowed } from '../contact/assertContactAllowed.ts';
import { ApiError } from '../http/ApiError.ts';
import { channelScope, startScope } from '../http/sessionsRouter.ts';
import { assertJsonDepth, DEFAULT_JSON_MAX_DEPTH } from '../http/limitJsonDepth.ts';
import { assertBody } from '../http/validateBody.ts';
import { attachTokenSocket } from '../http/attachTokenSocket.ts';
import type { SessionService, SessionTurn } from '../sessions/SessionService.ts';
import { keyedInput } from '../sessions/idempotentInput.ts';
import type { ClientAddressOf } from '../http/clientAddressOf.ts';
import type { LiveChat } from '../agents/LiveChat.ts';
import { sendEvent } from '../http/sendEvent.ts';

/** A message from a chat client on `/ws/chat`. */
export type ChatClientMessage =
  | {
      type: 'start';
      flowId?: string;
      locale?: string;
      callerData?: Record<string, unknown>;
      contact?: ContactInput;
      inputId?: string;
    }
  | { type: 'resume'; sessionId: string }
  | { type: 'input'; input: InputEvent; inputId?: string }
  | { type: 'end'; inputId?: string };

/**
 * Serves chat sessions over WebSocket at `/ws/chat?token=<channel token>`: JSON messages `start`, `resume`,
 * `input`, `end` (`start`, `input` and `end` with an optional `inputId`, their idempotency key) in; `turn` (outputs, status) and `error` ({ errors: [...] }) out. One session per connection.
 */
export function attachChatSocket(
  server: Server,
  deps: {
    sessions: SessionService;
    tokens: TokenService;
    logger: Logger;
    clientAddress?: ClientAddressOf;
    /** Takes over a chat that the flow transfers to an agent (issue 16); transfers just end the chat without it. */
    liveChat?: LiveChat;
  },
): { close(): void } {
  return attachTokenSocket(server, {
    path: '/ws/chat',
    maxPayload: 64 * 1024,
    tokens: deps.tokens,
    logger: deps.logger,
    admit: (principal, req) => {
      if (!principal) return { status: 401, message: 'A channel token is required: /ws/chat?token=...' };
      if (!mayDriveSessions(principal))
        return { status: 403, message: 'Viewer tokens only read; chat needs a channel token.' };
      return {
        serve: (ws) =>
          serveConnection(ws, principal, deps, deps.clientAddress?.(req) ?? req.socket.remoteAddress ?? ''),
      };
    },
  });
}

function serveConnection(
  ws: WebSocket,
  principal: Principal,
  deps: { sessions: SessionService; logger: Logger; liveChat?: LiveChat },
  address: string,
): void {
  let sessionId: string | undefined;
  let queue: Promise<void> = Promise.resolve();
  // Live-chat events are shared with the agent's desk: their JSON is built once (sendEvent).
  const send = (message: Record<string, unknown>): void => sendEvent(ws, message);
  const live = deps.liveChat?.connect(send, principal.kind === 'channel' ? principal.flowId : undefined);
  const reply = async (turn: SessionTurn): Promise<void> => {
    sessionId = turn.status === 'ended' ? undefined : turn.sessionId;
    send({
      type: 'turn',
      sessionId: turn.sessionId,
      status: turn.status,
      nodeId: turn.nodeId,
      locale: turn.locale,
      outputs: turn.outputs,
    });
    await live?.afterTurn(turn);
  };
  const scope = channelScope(principal);
  // A client that lost the reply (a dropped connection) sends the message again with the same inputId.
  const withKey = (input: InputEvent, inputId: string | undefined) => {
    const keyed = keyedInput(inputId, input, '/inputId');
    return keyed ? { ...scope, keyed } : scope;
  };

  const handle = async (raw: string): Promise<void> => {
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      throw ApiError.badRequest('MALFORMED_JSON', 'Each WebSocket message must be one JSON object.');
    }
    assertJsonDepth(message, DEFAULT_JSON_MAX_DEPTH);
    if (live?.handles(message)) return live.handle(message);
    assertBody('ChatSocketMessage', message);
    const msg = message as ChatClientMessage; // validated against ChatSocketMessage just above
    switch (msg.type) {
      case 'start': {
        const flowId = msg.flowId ?? (principal.kind === 'channel' ? principal.flowId : undefined);
        if (!flowId)
          throw ApiError.badRequest('FLOW_REQUIRED', 'Name the flow: { "type": "start", "flowId": "..." }.', '/flowId');
        if (principal.kind === 'channel' && flowId !== principal.flowId) {
          throw new ApiError(403, {
            code: 'FORBIDDEN',
            message: `This channel token is not valid for flow "${flowId}".`,
            pointer: '/flowId',
          });
        }
        assertContactAllowed(principal, msg.contact, '/contact');
        const caller = principal.kind === 'channel' ? { caller: { channelTokenId: principal.tokenId, address } } : {};
        const { type: _type, inputId, ...body } = msg;
        const keyed = keyedInput(inputId, body, '/inputId');
        return reply(
          await deps.sessions.start({
            flowId,
            channel: 'chat',
            ...(msg.locale ? { locale: msg.locale } : {}),
            ...(msg.callerData ? { callerData: msg.callerData } : {}),
            ...(msg.contact ? { contact: msg.contact } : {}),
            ...caller,
            ...(keyed ? { idempotency: { keyed, scope: startScope(principal) } } : {}),
          }),
        );
      }
      case 'resume': {
        const record = await deps.sessions.get(msg.sessionId);
        if (principal.kind === 'channel' && record.flowId !== principal.flowId)
          throw ApiError.notFound('session', msg.sessionId);
        if (record.status === 'ended')
          throw new ApiError(409, {
            code: 'SESSION_ENDED',
            message: 'That session has ended; start a new one.',
            pointer: '/sessionId',
          });
        sessionId = record.id;
        return send({ type: 'resumed', sessionId: record.id, status: record.status, locale: record.locale });
      }
      case 'input':
        if (!sessionId)
          throw new ApiError(409, { code: 'NO_SESSION', message: 'Send { "type": "start" } first.', pointer: '' });
        return reply(await deps.sessions.input(sessionId, msg.input, withKey(msg.input, msg.inputId)));
      case 'end':
        if (!sessionId)
          throw new ApiError(409, { code: 'NO_SESSION', message: 'There is no session to end.', pointer: '' });
        return reply(await deps.sessions.end(sessionId, withKey({ type: 'hangup' }, msg.inputId)));
    }
  };

  // An oversized or malformed frame makes ws emit 'error' and close; unheard, that event would end the process (issue 14 fuzzing).
  ws.on('error', (error) => deps.logger.warn({ err: String(error) }, 'chat socket error'));
  ws.on('close', () => live?.close());
  ws.on('message', (data, isBinary) => {
    const text = isBinary ? '' : data.toString();
    queue = queue.then(() =>
      handle(text).catch((error: unknown) => {
        if (error instanceof ApiError) return send({ type: 'error', status: error.status, errors: error.errors });
        deps.logger.error({ err: String(error), sessionId }, 'chat message failed');
        send({
          type: 'error',
          status: 500,
          errors: [{ code: 'INTERNAL', message: 'The runtime failed on this message; it is logged.', pointer: '' }],
        });
      }),
    );
  });
}
