import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { roleAtLeast, type TokenService } from '../auth/TokenService.ts';
import { ApiError } from '../http/ApiError.ts';
import { parseJsonObject } from '../http/parseJsonObject.ts';
import { attachTokenSocket } from '../http/attachTokenSocket.ts';
import type { CenterRelay } from './CenterRelay.ts';
import type { CenterEvent, ContactCenterEvents } from './ContactCenterEvents.ts';
import { deskAgentIdOf } from './contactCenterRouter.ts';
import { sendEvent } from '../http/sendEvent.ts';

/** A message from the desk on `/ws/desk`. */
type DeskClientMessage =
  | { type: 'typing'; contactId: string }
  | { type: 'seen'; contactId: string; seq: number }
  | { type: 'watch'; contactId: string };

/**
 * The desk's live channel, `/ws/desk?token=<desk token>`: on connect the desk snapshot (state, offers, contacts with
 * their messages), then offers, state changes, chat messages, typing and read receipts as they happen. A supervisor
 * may `watch` any contact (read along; audited). Actions go through the HTTP API.
 */
export function attachDeskSocket(
  server: Server,
  deps: { center: CenterRelay; events: ContactCenterEvents; tokens: TokenService; logger: Logger },
): { close(): void } {
  return attachTokenSocket(server, {
    path: '/ws/desk',
    maxPayload: 16 * 1024,
    tokens: deps.tokens,
    logger: deps.logger,
    admit: (principal) => {
      const agentId = principal?.kind === 'role' ? deskAgentIdOf(principal.label) : undefined;
      if (!principal || principal.kind !== 'role' || !agentId || !roleAtLeast(principal.role, 'agent'))
        return { status: 401, message: 'Sign in to the desk first: /ws/desk?token=...' };
      return { serve: (ws) => serveDesk(ws, agentId, deps, roleAtLeast(principal.role, 'supervisor')) };
    },
  });
}

function serveDesk(
  ws: WebSocket,
  agentId: string,
  deps: { center: CenterRelay; events: ContactCenterEvents; logger: Logger },
  supervisor: boolean,
): void {
  const { center, events } = deps;
  const send = (event: Record<string, unknown>): void => sendEvent(ws, event);
  const watched = new Map<string, () => void>();
  const watch = (contactId: string): void => {
    if (watched.has(contactId)) return;
    watched.set(
      contactId,
      events.subscribe(`contact:${contactId}`, (event) => {
        // The desk hears no echo of the agent's own typing, and nothing of a flow the customer runs.
        if (
          event.type === 'secureFlow' ||
          ((event.type === 'typing' || event.type === 'seen') && event['from'] === 'agent')
        )
          return;
        send(event);
      }),
    );
  };
  const onAgentEvent = (event: CenterEvent): void => {
    if (event.type === 'assigned') {
      const contact = event['contact'];
      const id = typeof contact === 'object' && contact !== null ? Reflect.get(contact, 'id') : undefined;
      if (typeof id === 'string') watch(id);
    }
    send(event);
  };
  const offAgent = events.subscribe(`agent:${agentId}`, onAgentEvent);
  // Supervisors hear what is published to all of them (real-time insight alerts, issue 17).
  const offSupervisors = supervisor ? events.subscribe('supervisors', send) : () => undefined;
  ws.on('close', () => {
    offAgent();
    offSupervisors();
    for (const off of watched.values()) off();
  });
  ws.on('error', (error) => deps.logger.warn({ err: String(error) }, 'desk socket error'));

  center.call('deskSnapshot', agentId).then(
    (snapshot) => {
      for (const list of [snapshot['contacts'], snapshot['wrapUps']])
        if (Array.isArray(list)) for (const contact of list) watch(String(Reflect.get(contact, 'id')));
      send(snapshot);
    },
    (error: unknown) => {
      send({ type: 'error', errors: errorsOf(error) });
      // 1013 "try again later": another process is taking over the contact center; the desk reconnects by itself.
      if (error instanceof ApiError && error.status === 503) ws.close(1013, 'contact center unavailable');
      else ws.close(1008, 'unknown agent');
    },
  );

  ws.on('message', (data) => {
    void (async () => {
      const message = parse(data.toString());
      if (!message)
        throw ApiError.badRequest('BAD_MESSAGE', 'Send { "type": "typing"|"seen"|"watch", "contactId": ... }.');
      if (message.type === 'typing') await center.call('agentSignal', agentId, message.contactId, { type: 'typing' });
      else if (message.type === 'seen')
        await center.call('agentSignal', agentId, message.contactId, { type: 'seen', seq: message.seq });
      else {
        const contact = await center.call('openContact', agentId, message.contactId, 'read-along');
        watch(contact.id);
        send({ type: 'watching', contact });
      }
    })().catch((error: unknown) => send({ type: 'error', errors: errorsOf(error) }));
  });
}

function parse(text: string): DeskClientMessage | undefined {
  const value = parseJsonObject(text);
  if (!value) return undefined;
  const type = Reflect.get(value, 'type');
  const contactId = Reflect.get(value, 'contactId');
  if (typeof contactId !== 'string' || contactId.length > 200) return undefined;
  if (type === 'typing' || type === 'watch') return { type, contactId };
  const seq = Reflect.get(value, 'seq');
  if (type === 'seen' && Number.isInteger(seq)) return { type, contactId, seq: Number(seq) };
  return undefined;
}

function errorsOf(error: unknown): unknown[] {
  if (error instanceof ApiError) return error.errors;
  return [{ code: 'INTERNAL', message: 'The runtime failed on this message; it is logged.', pointer: '' }];
}
