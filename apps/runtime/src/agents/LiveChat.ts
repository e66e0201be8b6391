import type { InputEvent } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import { ApiError } from '../http/ApiError.ts';
import { assertBody } from '../http/validateBody.ts';
import type { SessionService, SessionTurn } from '../sessions/SessionService.ts';
import type { CenterRelay } from './CenterRelay.ts';
import type { CenterEvent, ContactCenterEvents } from './ContactCenterEvents.ts';
import { LIVE_CHAT_TYPES } from './deskSchemas.ts';

/** A chat client's messages once its contact is with the agents (validated as `LiveChatMessage`). */
type LiveChatMessage =
  | { type: 'chat'; id: string; text: string }
  | { type: 'typing' }
  | { type: 'seen'; seq: number }
  | { type: 'resumeChat'; contactId: string; afterSeq: number }
  | { type: 'leave' }
  | { type: 'flowInput'; input: InputEvent };

/** How long a customer may be gone (reconnecting) before a waiting contact counts as abandoned. */
const GRACE_MS = 60_000;

/** A customer's presence across processes: `present` when one follows the contact, `anyone` asks who does. */
type PresenceEvent = { type: 'present' } | { type: 'anyone' };

/**
 * The customer side of the live chat on `/ws/chat`: after a bot turn that transfers, the contact goes to its queue
 * and the connection follows it (position, agent joined, messages, typing, read receipts, a flow the agent sends the
 * customer through). A client that reconnects resumes from the last message sequence it saw.
 */
export class LiveChat {
  readonly #center: CenterRelay;
  readonly #events: ContactCenterEvents;
  readonly #sessions: SessionService;
  readonly #logger: Logger;
  /** Open customer connections per contact (and the answer to other processes asking who has the customer). */
  readonly #present = new Map<string, { count: number; stopAnswering: () => void }>();
  /** The timers that abandon a contact nobody came back to, and their ear for a customer back on another process. */
  readonly #graceTimers = new Map<string, { timer: NodeJS.Timeout; stopListening: () => void }>();

  constructor(deps: { center: CenterRelay; events: ContactCenterEvents; sessions: SessionService; logger: Logger }) {
    this.#center = deps.center;
    this.#events = deps.events;
    this.#sessions = deps.sessions;
    this.#logger = deps.logger;
  }

  /** The live-chat half of one chat connection; `send` writes a JSON message to the client. */
  connect(send: (message: Record<string, unknown>) => void, flowIdOfToken: string | undefined): LiveChatConnection {
    return new LiveChatConnection(this, send, flowIdOfToken);
  }

  /** @internal */
  get center(): CenterRelay {
    return this.#center;
  }

  /** @internal */
  get sessions(): SessionService {
    return this.#sessions;
  }

  /** @internal */
  get logger(): Logger {
    return this.#logger;
  }

  /** @internal */
  subscribe(contactId: string, listener: (event: CenterEvent) => void): () => void {
    const off = this.#events.subscribe(`contact:${contactId}`, listener);
    const present = this.#present.get(contactId);
    if (present) present.count += 1;
    else {
      this.#cancelGrace(contactId);
      // The customer may have reconnected here while another process still counts down their grace period.
      const topic = `presence:${contactId}`;
      const stopAnswering = this.#events.subscribe(topic, (event) => {
        if (event.type === 'anyone') this.#events.publish(topic, { type: 'present' } satisfies PresenceEvent);
      });
      this.#present.set(contactId, { count: 1, stopAnswering });
      this.#events.publish(topic, { type: 'present' } satisfies PresenceEvent);
    }
    return () => {
      off();
      const here = this.#present.get(contactId);
      if (!here) return;
      here.count -= 1;
      if (here.count > 0) return;
      here.stopAnswering();
      this.#present.delete(contactId);
      this.#startGrace(contactId);
    };
  }

  close(): void {
    for (const contactId of this.#graceTimers.keys()) this.#cancelGrace(contactId);
  }

  /** Abandons the contact unless the customer comes back, here or on another process, within the grace period. */
  #startGrace(contactId: string): void {
    const topic = `presence:${contactId}`;
    const stopListening = this.#events.subscribe(topic, (event) => {
      if (event.type === 'present') this.#cancelGrace(contactId);
    });
    const timer = setTimeout(() => {
      this.#cancelGrace(contactId);
      if (this.#present.has(contactId)) return;
      this.#center
        .call('customerLeft', contactId)
        .catch((error: unknown) => this.#logger.warn({ err: String(error), contactId }, 'customer left, not recorded'));
    }, GRACE_MS);
    timer.unref();
    this.#graceTimers.set(contactId, { timer, stopListening });
    // A process that still has the customer (reconnected before this one noticed the drop) answers `present`.
    this.#events.publish(topic, { type: 'anyone' } satisfies PresenceEvent);
  }

  #cancelGrace(contactId: string): void {
    const grace = this.#graceTimers.get(contactId);
    if (!grace) return;
    clearTimeout(grace.timer);
    grace.stopListening();
    this.#graceTimers.delete(contactId);
  }
}

/** One chat connection's live-chat state: the contact it follows and a flow the agent sent the customer through. */
export class LiveChatConnection {
  readonly #live: LiveChat;
  readonly #send: (message: Record<string, unknown>) => void;
  readonly #flowIdOfToken: string | undefined;
  #contactId: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #flowSession: { sessionId: string; flowId: string } | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(live: LiveChat, send: (message: Record<string, unknown>) => void, flowIdOfToken: string | undefined) {
    this.#live = live;
    this.#send = send;
    this.#flowIdOfToken = flowIdOfToken;
  }

  /** Whether a client message is a live-chat message (else the bot conversation handles it). */
  handles(message: unknown): boolean {
    const type = typeof message === 'object' && message !== null ? Reflect.get(message, 'type') : undefined;
    return typeof type === 'string' && LIVE_CHAT_TYPES.has(type);
  }

  /** After a bot turn: a transfer puts the contact in its queue and this connection follows it. */
  async afterTurn(turn: SessionTurn): Promise<void> {
    const transfer = turn.outputs.find((output) => output.type === 'transfer');
    if (!transfer || transfer.type !== 'transfer') return;
    const queueId = transfer.queue ?? '';
    if (transfer.agent === undefined && !(await this.#live.center.call('hasQueue', queueId))) {
      // A flow may transfer to a queue nobody set up: the chat ends as it did before agents existed; the log says why.
      this.#live.logger.warn({ sessionId: turn.sessionId, queueId }, 'transfer to a queue that does not exist');
      return;
    }
    // Follow the contact before it is queued: its first position is published while it is queued.
    this.#follow(turn.sessionId);
    this.#send({ type: 'handoff', contactId: turn.sessionId, queueId, waiting: transfer.routing?.waiting ?? null });
    try {
      await this.#live.center.call(
        'handoff',
        { id: turn.sessionId, flowId: turn.flowId, channel: turn.channel, locale: turn.locale },
        transfer,
      );
    } catch (error) {
      this.close();
      throw error;
    }
  }

  async handle(raw: unknown): Promise<void> {
    assertBody('LiveChatMessage', raw);
    const message = raw as LiveChatMessage; // validated against LiveChatMessage just above
    const center = this.#live.center;
    if (message.type === 'resumeChat') return this.#resume(message.contactId, message.afterSeq);
    const contactId = this.#contactId;
    if (!contactId)
      throw new ApiError(409, {
        code: 'NO_LIVE_CHAT',
        message: 'This chat is not with an agent; resume it with { "type": "resumeChat", "contactId": ... }.',
        pointer: '',
      });
    switch (message.type) {
      case 'chat': {
        const stored = await center.call('customerMessage', contactId, message.id, message.text);
        return this.#send({ type: 'delivered', contactId, id: stored.id, seq: stored.seq });
      }
      case 'typing':
        return center.call('signal', contactId, 'customer', { type: 'typing' });
      case 'seen':
        return center.call('signal', contactId, 'customer', { type: 'seen', seq: message.seq });
      case 'leave':
        await center.call('customerLeft', contactId);
        return this.close();
      case 'flowInput':
        return this.#flowInput(contactId, message.input);
    }
  }

  close(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#contactId = undefined;
  }

  async #resume(contactId: string, afterSeq: number): Promise<void> {
    const center = this.#live.center;
    const flowId = await center.call('flowOf', contactId);
    // A channel token only resumes contacts of its own flow; unknown and foreign contacts look the same.
    if (!flowId || (this.#flowIdOfToken !== undefined && flowId !== this.#flowIdOfToken))
      throw ApiError.notFound('live chat', contactId);
    this.#follow(contactId);
    const state = await center.call('customerState', contactId);
    this.#send({ type: 'chatResumed', contactId, ...state });
    for (const message of await center.call('messagesAfter', contactId, afterSeq))
      this.#send({ type: 'message', contactId, message });
    const place = await center.call('position', contactId);
    if (place) this.#send({ type: 'queue', contactId, ...place });
  }

  #follow(contactId: string): void {
    this.close();
    this.#contactId = contactId;
    this.#unsubscribe = this.#live.subscribe(contactId, (event) => this.#onEvent(event));
  }

  #onEvent(event: CenterEvent): void {
    // A customer hears no echo of their own typing and read receipts.
    if ((event.type === 'typing' || event.type === 'seen') && event['from'] === 'customer') return;
    if (event.type === 'secureFlow') {
      const nodeId = event['nodeId'];
      this.#queue = this.#queue.then(() =>
        this.#startFlow(
          String(event['flowId']),
          String(event['locale']),
          typeof nodeId === 'string' ? nodeId : undefined,
        ),
      );
      return;
    }
    this.#send(event);
  }

  /** Runs the flow the agent chose for the customer, here, in the runtime; only its outcome reaches the desk. */
  async #startFlow(flowId: string, locale: string, startNodeId: string | undefined): Promise<void> {
    const contactId = this.#contactId;
    if (!contactId) return;
    try {
      const turn = await this.#live.sessions.start({
        flowId,
        channel: 'chat',
        locale,
        ...(startNodeId === undefined ? {} : { startNodeId }),
      });
      this.#flowSession = { sessionId: turn.sessionId, flowId };
      await this.#flowTurn(contactId, turn);
    } catch (error) {
      this.#live.logger.warn({ err: String(error), contactId, flowId }, 'flow for the customer failed to start');
      await this.#live.center.call('flowFinished', contactId, flowId, 'failed to start');
    }
  }

  async #flowInput(contactId: string, input: InputEvent): Promise<void> {
    assertBody('SessionInput', { input });
    const running = this.#flowSession;
    if (!running)
      throw new ApiError(409, { code: 'NO_FLOW', message: 'No flow is running for this chat.', pointer: '/input' });
    await this.#flowTurn(contactId, await this.#live.sessions.input(running.sessionId, input));
  }

  async #flowTurn(contactId: string, turn: SessionTurn): Promise<void> {
    this.#send({ type: 'flowTurn', contactId, status: turn.status, outputs: turn.outputs });
    if (turn.status !== 'ended' || !this.#flowSession) return;
    const end = turn.outputs.find((output) => output.type === 'end');
    const outcome = end?.type === 'end' ? (end.outcome ?? end.reason) : 'ended';
    const flowId = this.#flowSession.flowId;
    this.#flowSession = undefined;
    await this.#live.center.call('flowFinished', contactId, flowId, outcome);
  }
}
