import type { OutputEvent, TranscriptRedactor } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import { ApiError } from '../http/ApiError.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import type { AgentStore, ChatMessage, Handoff, HandoffContext } from './AgentStore.ts';
import type { ContactCenterEvents } from './ContactCenterEvents.ts';
import type { ContactCenterMetrics } from './ContactCenterMetrics.ts';
import type { AgentDefinition, OverflowTarget, QueueDefinition } from './contactCenterTypes.ts';
import { ContactRouter, RoutingRefusal, type RoutingDecision } from './ContactRouter.ts';
import { customerKeyOf } from './customerKeyOf.ts';
import { hashPassword, verifyPassword } from './passwordHash.ts';
import { SupervisorStats } from './SupervisorStats.ts';

type TransferOutput = Extract<OutputEvent, { type: 'transfer' }>;

/** What the desk shows of a contact: the hand-over context (masked at the source), the chat so far, earlier contacts. */
export interface ContactView {
  id: string;
  queueId: string;
  status: Handoff['status'];
  context: HandoffContext;
  enqueuedAt: string;
  answeredAt: string | null;
  messages: ChatMessage[];
  previous: {
    id: string;
    queueId: string;
    enqueuedAt: string;
    disposition: string | null;
    notes: string | null;
    /** The stored summary of that contact (issue 17), or null before it is analyzed. */
    summary: { reason: string; outcome: string } | null;
  }[];
  dispositions: string[];
}

/** A contact's agent leg: its queue, agent, times and chat so far, and the wrap-up once there is one. */
export type AgentLegView = Pick<Handoff, 'queueId' | 'answeredAt' | 'endedAt'> & {
  agentId: string;
  wrapUp?: { disposition: string; notes: string };
  messages: readonly ChatMessage[];
};

/** Told of each stored wrap-up (the insights store the whole contact with it) or each new chat line. */
export type WrapUpObserver = (
  contactId: string,
  leg: AgentLegView & { wrapUp: { disposition: string; notes: string } },
) => void;

/** Told of each new line of a live agent chat (the insights check their real-time alert rules on it). */
export type ChatLineObserver = (contactId: string, leg: AgentLegView) => void;

/** The stored summary of a finished contact (reason and outcome lines), or undefined when there is none yet. */
export type ContactSummaryLookup = (contactId: string) => Promise<{ reason: string; outcome: string } | undefined>;

const TICK_MS = 250;
const POSITIONS_MS = 1000;

/**
 * The human half of the contact center in one process: queues and agents (stored), the router (in memory), the
 * hand-over of bot contacts with their context, the live chat between customer and agent, wrap-up and the audit log.
 * Browsers hear about it through {@link ContactCenterEvents}.
 */
export class ContactCenter {
  readonly router: ContactRouter;
  readonly stats: SupervisorStats;
  readonly #store: AgentStore;
  readonly #flows: FlowStore;
  readonly #events: ContactCenterEvents;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #redact: TranscriptRedactor | undefined;
  readonly #metrics: ContactCenterMetrics | undefined;
  /** Hand-overs this process routes, by contact id. */
  readonly #handoffs = new Map<string, Handoff>();
  /** Contacts whose chat ended and that wait for the agent's wrap-up, by contact id → agent id. */
  readonly #wrapUps = new Map<string, string>();
  readonly #lastPositions = new Map<string, string>();
  readonly #wrapUpObservers = new Set<WrapUpObserver>();
  readonly #chatLineObservers = new Set<ChatLineObserver>();
  #summaryOf: ContactSummaryLookup | undefined;
  #positionsDue = false;
  #positionsAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #stateWrites: Promise<void> = Promise.resolve();
  /** The state last kept per agent (`state/reason`), so unchanged states are not written again. */
  readonly #keptStates = new Map<string, string>();

  private constructor(deps: ContactCenterDeps) {
    this.#store = deps.store;
    this.#flows = deps.flows;
    this.#events = deps.events;
    this.#logger = deps.logger.child({ component: 'contact-center' });
    this.#now = deps.now ?? Date.now;
    this.#redact = deps.redact;
    this.#metrics = deps.metrics;
    this.stats = new SupervisorStats(this.#now);
    this.router = new ContactRouter({ now: this.#now, decide: (decision) => this.#onDecision(decision) });
  }

  /** Loads the stored queues and agents and starts the routing clock. */
  static async open(deps: ContactCenterDeps): Promise<ContactCenter> {
    const center = new ContactCenter(deps);
    for (const queue of await deps.store.listQueues()) center.router.setQueue(queue);
    for (const agent of await deps.store.listAgents()) center.router.setAgent(agent);
    if (deps.takeUp) {
      await center.#takeUp();
      await center.#restoreStates();
    }
    center.#timer = setInterval(() => center.tick(), TICK_MS);
    center.#timer.unref();
    deps.metrics?.observe(center);
    return center;
  }

  /**
   * Takes up the stored hand-overs of a previous run: waiting contacts queue again with their age (an offer that was
   * ringing is offered again), connected chats stay with their agent, ended ones still wait for the wrap-up.
   */
  async #takeUp(): Promise<void> {
    for (const handoff of await this.#store.openHandoffs()) {
      const agentKnown = handoff.agentId !== null && this.router.agent(handoff.agentId) !== undefined;
      if (handoff.status === 'waiting' && this.router.queue(handoff.queueId)) {
        this.#handoffs.set(handoff.id, handoff);
        this.router.enqueue({
          contactId: handoff.id,
          queueId: handoff.queueId,
          locale: handoff.context.locale,
          enqueuedAt: Date.parse(handoff.enqueuedAt),
          ...routingOf(handoff.context),
        });
      } else if (handoff.status === 'connected' && agentKnown && handoff.agentId) {
        this.#handoffs.set(handoff.id, handoff);
        this.router.hold(handoff.agentId, handoff.id);
      } else if (handoff.status === 'ended' && agentKnown && handoff.agentId) {
        this.#handoffs.set(handoff.id, handoff);
        this.#wrapUps.set(handoff.id, handoff.agentId);
      } else this.#logger.warn({ contactId: handoff.id, queueId: handoff.queueId }, 'stored hand-over not taken up');
    }
  }

  /** Agents were available or on a break when the previous routing process stopped: they still are (issue 16, point 7). */
  async #restoreStates(): Promise<void> {
    for (const kept of await this.#store.agentStates()) {
      if (!this.router.agent(kept.agentId) || kept.state === 'offline') continue;
      if (kept.state === 'break') this.router.setState(kept.agentId, 'break', kept.reason ?? undefined);
      else this.router.setState(kept.agentId, 'available');
    }
  }

  /**
   * Whether an agent's new state is worth keeping for the next routing process: only what the agent chose (offline,
   * available, a break and its reason), once per change; busy and after-call work follow from the work and are
   * recomputed, and writing them would cost a statement on every chat.
   */
  #keepsState(agentId: string, state: string, reason: string | undefined): boolean {
    const kept = state === 'busy' || state === 'afterCallWork' ? undefined : `${state}/${reason ?? ''}`;
    if (kept === undefined || this.#keptStates.get(agentId) === kept) return false;
    this.#keptStates.set(agentId, kept);
    return true;
  }

  /** Applies the passing of time (offers lapse, after-call work ends, overflows); runs every 250 ms. */
  tick(): void {
    this.router.tick();
    // Waiting customers hear their place at most once a second: every answer moves everyone behind it.
    if (this.#now() - this.#positionsAt >= POSITIONS_MS) this.#publishPositions();
  }

  close(): void {
    clearInterval(this.#timer);
  }

  // ---- administration -------------------------------------------------------------------------------------------

  async listQueues(): Promise<QueueDefinition[]> {
    return this.#store.listQueues();
  }

  /** Creates or replaces a queue; answers whether it was new. */
  async putQueue(queue: QueueDefinition): Promise<boolean> {
    const created = await this.#store.putQueue(queue);
    this.router.setQueue(queue);
    return created;
  }

  async deleteQueue(id: string): Promise<void> {
    if (this.router.waitingContacts().some((entry) => entry.queueId === id))
      throw new ApiError(409, {
        code: 'QUEUE_IN_USE',
        message: `Queue "${id}" has waiting contacts; move them to another queue first.`,
        pointer: '',
      });
    if (!(await this.#store.deleteQueue(id))) throw ApiError.notFound('queue', id);
    this.router.removeQueue(id);
  }

  async listAgents(): Promise<AgentDefinition[]> {
    return this.#store.listAgents();
  }

  /** Creates or replaces an agent; a new agent needs a password. */
  async putAgent(agent: AgentDefinition, password?: string): Promise<boolean> {
    return this.putAgentHashed(agent, password === undefined ? undefined : await hashPassword(password));
  }

  /** {@link putAgent} with the password hashed already (by the process that received it: it never travels clear). */
  async putAgentHashed(agent: AgentDefinition, passwordHash?: string): Promise<boolean> {
    const result = await this.#store.putAgent(agent, passwordHash);
    if (result === 'loginTaken')
      throw new ApiError(409, {
        code: 'LOGIN_TAKEN',
        message: `Another agent signs in as "${agent.login}"; choose another login.`,
        pointer: '/login',
      });
    this.router.setAgent(agent);
    return result === 'created';
  }

  async deleteAgent(id: string): Promise<void> {
    const agent = this.router.agent(id);
    if (agent && agent.contacts.size > 0)
      throw new ApiError(409, {
        code: 'AGENT_BUSY',
        message: `Agent "${id}" has open contacts; wait until they are wrapped up.`,
        pointer: '',
      });
    if (!(await this.#store.deleteAgent(id))) throw ApiError.notFound('agent', id);
    this.router.removeAgent(id);
  }

  /** The agent whose login and password these are, or `undefined`. */
  async signIn(login: string, password: string): Promise<AgentDefinition | undefined> {
    const found = await this.#store.findAgentByLogin(login);
    if (!found || !(await verifyPassword(password, found.passwordHash))) return undefined;
    return found.agent;
  }

  // ---- hand-over from the bot -----------------------------------------------------------------------------------

  /**
   * Puts a contact whose bot session ended in a transfer into the transfer's queue, with the context the engine
   * gave (sensitive variables masked) and the path through the flow. A transfer to an unknown queue is refused.
   */
  async handoff(
    contact: { id: string; flowId: string; channel: string; locale: string },
    transfer: TransferOutput,
    voice?: HandoffContext['voice'],
  ): Promise<Handoff> {
    const queueId = transfer.queue ?? this.#queueOfAgent(transfer.agent);
    if (!this.router.queue(queueId))
      throw new ApiError(409, {
        code: 'UNKNOWN_QUEUE',
        message: `The flow transfers to queue "${queueId}", which does not exist; create it in the contact center.`,
        pointer: '',
      });
    const handoff: Handoff = {
      id: contact.id,
      queueId,
      agentId: null,
      status: 'waiting',
      customerKey: customerKeyOf(transfer),
      context: {
        flowId: contact.flowId,
        channel: contact.channel,
        locale: contact.locale,
        nodeId: transfer.nodeId,
        ...(transfer.reason === undefined ? {} : { reason: transfer.reason }),
        variables: transfer.variables,
        contact: transfer.contact,
        transcript: transfer.transcript,
        path: pathOf(transfer.transcript),
        ...(voice ? { voice } : {}),
        ...(transfer.routing?.priority ? { priority: transfer.routing.priority } : {}),
      },
      wrapUp: null,
      enqueuedAt: new Date(this.#now()).toISOString(),
      answeredAt: null,
      endedAt: null,
    };
    await this.#store.saveHandoff(handoff);
    this.#handoffs.set(handoff.id, handoff);
    this.router.enqueue({
      contactId: handoff.id,
      queueId,
      locale: contact.locale,
      ...routingOf(handoff.context),
    });
    this.#publishPosition(handoff.id);
    return handoff;
  }

  /** The customer's view of their contact: waiting (with position), connected, or over. */
  customerState(contactId: string): { status: Handoff['status']; agentName?: string } | undefined {
    const handoff = this.#handoffs.get(contactId);
    if (!handoff) return undefined;
    const agentName = handoff.agentId ? this.router.agent(handoff.agentId)?.definition.name : undefined;
    return { status: handoff.status, ...(agentName ? { agentName } : {}) };
  }

  /**
   * A waiting voice caller asks to be called back: the contact keeps its place in the queue (the call may end), and
   * the agent who gets it sees it is a callback, with the caller's number as the contact masking rules show it.
   */
  async requestCallback(contactId: string): Promise<void> {
    const handoff = this.#handoffOrRefuse(contactId);
    if (handoff.status !== 'waiting')
      throw new ApiError(409, {
        code: 'NOT_WAITING',
        message: `Contact "${contactId}" is not waiting in a queue; a callback keeps a place only while waiting.`,
        pointer: '',
      });
    const number = handoff.context.contact?.['callerNumber'];
    handoff.context = {
      ...handoff.context,
      callback: {
        number: typeof number === 'string' ? number : null,
        requestedAt: new Date(this.#now()).toISOString(),
      },
    };
    await this.#store.saveHandoff(handoff);
  }

  /** How the call back to a customer who asked for one went (`completed`, `no-answer`, …): kept and shown to the desk. */
  async noteCallback(contactId: string, outcome: string): Promise<void> {
    const handoff = this.#handoffs.get(contactId) ?? (await this.#store.getHandoff(contactId));
    const callback = handoff?.context.callback;
    if (!handoff || !callback) return;
    handoff.context = { ...handoff.context, callback: { ...callback, outcome } };
    await this.#store.saveHandoff(handoff);
    await this.#append(handoff, {
      id: `${contactId}:callback:${outcome}`,
      sender: 'system',
      agentId: null,
      text: `callback: ${outcome}`,
    });
  }

  /** A contact's hand-over as this process holds it (voice legs read its status, agent and callback). */
  handoffOf(contactId: string): Readonly<Handoff> | undefined {
    return this.#handoffs.get(contactId);
  }

  /** The flow a contact came from (the customer's channel token must match it). */
  flowOf(contactId: string): string | undefined {
    return this.#handoffs.get(contactId)?.context.flowId;
  }

  // ---- live chat ------------------------------------------------------------------------------------------------

  /** A customer's chat line: redacted, stored once (by id), added to the contact's transcript and published. */
  async customerMessage(contactId: string, id: string, text: string): Promise<ChatMessage> {
    const handoff = this.#handoffOrRefuse(contactId);
    if (handoff.status !== 'waiting' && handoff.status !== 'connected')
      throw new ApiError(409, { code: 'CHAT_ENDED', message: 'This chat has ended.', pointer: '' });
    return this.#append(handoff, { id, sender: 'customer', agentId: null, text });
  }

  /** An agent's chat line to a contact they hold. */
  async agentMessage(agentId: string, contactId: string, id: string, text: string): Promise<ChatMessage> {
    const handoff = this.#heldBy(agentId, contactId);
    return this.#append(handoff, { id, sender: 'agent', agentId, text });
  }

  /** Typing and read receipts: relayed, never stored. */
  signal(
    contactId: string,
    from: 'customer' | 'agent',
    signal: { type: 'typing' } | { type: 'seen'; seq: number },
  ): void {
    this.#events.publish(`contact:${contactId}`, { ...signal, contactId, from });
  }

  /** An agent's typing or read receipt, for a contact they hold. */
  agentSignal(agentId: string, contactId: string, signal: { type: 'typing' } | { type: 'seen'; seq: number }): void {
    this.#heldBy(agentId, contactId);
    this.signal(contactId, 'agent', signal);
  }

  /** Messages after `afterSeq` (a client resuming after a reconnect). */
  async messagesAfter(contactId: string, afterSeq: number): Promise<ChatMessage[]> {
    return this.#store.messagesAfter(contactId, afterSeq);
  }

  /** The customer left (closed the page for good, or ended the chat). */
  async customerLeft(contactId: string): Promise<void> {
    const handoff = this.#handoffs.get(contactId);
    if (!handoff) return;
    if (handoff.status === 'waiting') {
      this.router.abandon(contactId);
      await this.#setStatus(handoff, 'abandoned');
      return;
    }
    if (handoff.status === 'connected') await this.#endChat(handoff, 'customer');
  }

  // ---- the desk -------------------------------------------------------------------------------------------------

  setState(agentId: string, state: 'offline' | 'available' | 'break', reason?: string): void {
    this.#refusing(() => this.router.setState(agentId, state, reason));
  }

  /** The agent takes an offered contact; answers what the desk shows of it (the opening is audited). */
  async accept(agentId: string, contactId: string): Promise<ContactView> {
    this.#refusing(() => this.router.accept(agentId, contactId));
    const handoff = this.#handoffOrRefuse(contactId);
    handoff.agentId = agentId;
    handoff.answeredAt = new Date(this.#now()).toISOString();
    await this.#setStatus(handoff, 'connected');
    const name = this.router.agent(agentId)?.definition.name ?? agentId;
    this.#events.publish(`contact:${contactId}`, { type: 'agentJoined', contactId, agentName: name });
    const view = await this.openContact(agentId, contactId, 'accept');
    this.#events.publish(`agent:${agentId}`, { type: 'assigned', contact: view });
    return view;
  }

  decline(agentId: string, contactId: string): void {
    this.#refusing(() => this.router.decline(agentId, contactId));
  }

  /**
   * What the desk shows of a contact, for an agent allowed to see it (its queue is theirs, or they are a
   * supervisor); every opening goes to the audit log.
   */
  async openContact(agentId: string, contactId: string, action = 'open'): Promise<ContactView> {
    const agent = this.router.agent(agentId);
    const handoff = this.#handoffs.get(contactId) ?? (await this.#store.getHandoff(contactId));
    const allowed =
      agent && handoff && (agent.definition.role === 'supervisor' || agent.definition.queues.includes(handoff.queueId));
    if (!agent || !handoff || !allowed) throw ApiError.notFound('contact in your queues', contactId);
    await this.#store.audit(agentId, contactId, action);
    const previous = handoff.customerKey ? await this.#store.previousHandoffs(handoff.customerKey, handoff.id) : [];
    const summaries = await Promise.all(
      previous.map((p) =>
        (this.#summaryOf?.(p.id) ?? Promise.resolve(undefined)).catch((error: unknown) => {
          this.#logger.warn({ err: String(error), contactId: p.id }, 'reading a contact summary failed');
          return undefined;
        }),
      ),
    );
    return {
      id: handoff.id,
      queueId: handoff.queueId,
      status: handoff.status,
      context: handoff.context,
      enqueuedAt: handoff.enqueuedAt,
      answeredAt: handoff.answeredAt,
      messages: await this.#store.messagesAfter(contactId, 0),
      previous: previous.map((p, index) => ({
        id: p.id,
        queueId: p.queueId,
        enqueuedAt: p.enqueuedAt,
        disposition: p.wrapUp?.disposition ?? null,
        notes: p.wrapUp?.notes ?? null,
        summary: summaries[index] ?? null,
      })),
      dispositions: this.router.queue(handoff.queueId)?.dispositions ?? [],
    };
  }

  /** The agent closes the chat: the customer is told, the agent goes to wrap-up (and after-call work). */
  async endChat(agentId: string, contactId: string): Promise<void> {
    await this.#endChat(this.#heldBy(agentId, contactId), 'agent');
  }

  /** The agent's wrap-up: a disposition code of the queue and notes; ends after-call work when nothing else is open. */
  async wrapUp(agentId: string, contactId: string, wrapUp: { disposition: string; notes: string }): Promise<void> {
    const handoff = this.#handoffs.get(contactId);
    if (!handoff || this.#wrapUps.get(contactId) !== agentId)
      throw new ApiError(409, {
        code: 'NOTHING_TO_WRAP_UP',
        message: `Contact "${contactId}" is not waiting for your wrap-up; end the chat first.`,
        pointer: '',
      });
    const dispositions = this.router.queue(handoff.queueId)?.dispositions ?? [];
    if (!dispositions.includes(wrapUp.disposition))
      throw new ApiError(422, {
        code: 'UNKNOWN_DISPOSITION',
        message: `"${wrapUp.disposition}" is not a disposition of queue "${handoff.queueId}"; use one of ${JSON.stringify(dispositions)}.`,
        pointer: '/disposition',
      });
    handoff.wrapUp = { ...wrapUp, agentId, at: new Date(this.#now()).toISOString() };
    await this.#store.saveHandoff(handoff);
    this.#wrapUps.delete(contactId);
    this.#handoffs.delete(contactId);
    const pending = [...this.#wrapUps.values()].includes(agentId);
    if (!pending) this.router.endAfterCallWork(agentId);
    if (this.#wrapUpObservers.size > 0) {
      const messages = await this.#store.messagesAfter(contactId, 0);
      const leg = { ...handoff, agentId, wrapUp, messages };
      for (const observer of this.#wrapUpObservers) observer(contactId, leg);
    }
  }

  /** Where the desk's earlier contacts of a customer find their stored summaries (the insights, issue 17). */
  summarizeWith(lookup: ContactSummaryLookup): void {
    this.#summaryOf = lookup;
  }

  /** Calls `observer` after each new line of a live agent chat this process stores; answers the unsubscribe. */
  observeChatLines(observer: ChatLineObserver): () => void {
    this.#chatLineObservers.add(observer);
    return () => this.#chatLineObservers.delete(observer);
  }

  /** Calls `observer` after each stored wrap-up of this process; answers the function that stops it. */
  observeWrapUps(observer: WrapUpObserver): () => void {
    this.#wrapUpObservers.add(observer);
    return () => this.#wrapUpObservers.delete(observer);
  }

  /** Gives a contact the agent holds to another queue (it waits again, with the note) or straight to an agent. */
  async transfer(
    agentId: string,
    contactId: string,
    to: { queueId?: string; agentId?: string; note?: string },
  ): Promise<void> {
    const handoff = this.#heldBy(agentId, contactId);
    if (to.note) handoff.context = { ...handoff.context, note: to.note };
    if (to.agentId) {
      const target = this.router.agent(to.agentId);
      if (!target || !target.definition.queues.includes(handoff.queueId))
        throw new ApiError(422, {
          code: 'AGENT_NOT_IN_QUEUE',
          message: `Agent "${to.agentId}" does not take queue "${handoff.queueId}"; transfer to the queue instead.`,
          pointer: '/agentId',
        });
      this.#refusing(() => this.router.handOver(agentId, to.agentId ?? '', contactId));
      handoff.agentId = to.agentId;
      await this.#store.saveHandoff(handoff);
      this.#events.publish(`agent:${agentId}`, { type: 'released', contactId });
      this.#events.publish(`agent:${to.agentId}`, {
        type: 'assigned',
        contact: await this.openContact(to.agentId, contactId, 'transfer-in'),
      });
      this.#events.publish(`contact:${contactId}`, {
        type: 'agentJoined',
        contactId,
        agentName: target.definition.name,
      });
      return;
    }
    const queueId = to.queueId ?? '';
    if (!this.router.queue(queueId))
      throw new ApiError(422, {
        code: 'UNKNOWN_QUEUE',
        message: `There is no queue "${queueId}".`,
        pointer: '/queueId',
      });
    this.router.release(agentId, contactId, { afterCallWorkMs: 0 });
    this.#events.publish(`agent:${agentId}`, { type: 'released', contactId });
    handoff.queueId = queueId;
    handoff.agentId = null;
    handoff.answeredAt = null;
    await this.#setStatus(handoff, 'waiting');
    this.#events.publish(`contact:${contactId}`, { type: 'transferred', contactId, queueId });
    this.router.enqueue({ contactId, queueId, locale: handoff.context.locale, ...routingOf(handoff.context) });
    this.#publishPosition(contactId);
  }

  /**
   * Sends the customer through a flow (e.g. a PIN check), from its start or from a chosen node, while the agent waits:
   * the customer's connection runs it with the runtime, and the desk only hears how it ended.
   */
  async sendToFlow(agentId: string, contactId: string, flowId: string, nodeId?: string): Promise<void> {
    const handoff = this.#heldBy(agentId, contactId);
    const flow = await this.#flows.getFlow(flowId);
    if (!flow || flow.liveVersion === null)
      throw new ApiError(422, {
        code: 'UNKNOWN_FLOW',
        message: `There is no published flow "${flowId}".`,
        pointer: '/flowId',
      });
    const nodes = await this.flowNodes(flowId, flow.liveVersion);
    const node = nodeId === undefined ? undefined : nodes.find((n) => n.id === nodeId);
    if (nodeId !== undefined && !node)
      throw new ApiError(422, {
        code: 'UNKNOWN_NODE',
        message: `The live version of flow "${flowId}" has no node "${nodeId}"; pick one of ${JSON.stringify(nodes.map((n) => n.id))}.`,
        pointer: '/nodeId',
      });
    this.#events.publish(`contact:${contactId}`, {
      type: 'secureFlow',
      contactId,
      flowId,
      ...(nodeId === undefined ? {} : { nodeId }),
      locale: handoff.context.locale,
    });
    await this.#append(handoff, {
      id: `${contactId}:flow:${this.#now()}`,
      sender: 'system',
      agentId,
      text: `→ ${flow.name}${node ? ` / ${node.label}` : ''}`,
    });
  }

  /** The nodes of a published flow version an agent may send a customer to: id, type and the designer's label. */
  async flowNodes(flowId: string, version: number): Promise<{ id: string; type: string; label: string }[]> {
    const record = await this.#flows.getVersion(flowId, version);
    const nodes: unknown = record?.document['nodes'];
    if (!Array.isArray(nodes)) return [];
    return nodes.flatMap((node: unknown) => {
      if (typeof node !== 'object' || node === null) return [];
      const id: unknown = Reflect.get(node, 'id');
      const type: unknown = Reflect.get(node, 'type');
      const label: unknown = Reflect.get(node, 'label');
      if (typeof id !== 'string' || typeof type !== 'string') return [];
      return [{ id, type, label: typeof label === 'string' && label !== '' ? label : id }];
    });
  }

  /** How a flow the agent sent the customer through ended (reported by the runtime that ran it, never the browser). */
  async flowFinished(contactId: string, flowId: string, outcome: string): Promise<void> {
    const handoff = this.#handoffs.get(contactId);
    if (!handoff || handoff.status !== 'connected') return;
    await this.#append(handoff, {
      id: `${contactId}:flow-result:${this.#now()}`,
      sender: 'system',
      agentId: null,
      text: `${flowId}: ${outcome}`,
    });
  }

  /** What an agent's desk shows on (re)connecting: their state, the offers ringing and the contacts they hold. */
  async deskSnapshot(agentId: string): Promise<Record<string, unknown>> {
    const agent = this.router.agent(agentId);
    if (!agent) throw ApiError.notFound('agent', agentId);
    const offers = this.router
      .waitingContacts()
      .filter((entry) => entry.offer?.agentId === agentId)
      .map((entry) => {
        const timeoutMs = (this.router.queue(entry.queueId)?.offerTimeoutSeconds ?? 0) * 1000;
        const expiresAt = entry.offer?.expiresAt ?? 0;
        return this.#offerEvent(entry.contactId, entry.queueId, expiresAt, expiresAt - timeoutMs);
      });
    const contacts: ContactView[] = [];
    for (const contactId of agent.contacts) contacts.push(await this.openContact(agentId, contactId, 'reconnect'));
    const wrapUps: ContactView[] = [];
    for (const [contactId, holder] of this.#wrapUps)
      if (holder === agentId) wrapUps.push(await this.openContact(agentId, contactId, 'reconnect'));
    // Where this agent may transfer to: every queue, and the agents with their state.
    const directory = {
      queues: this.router.queues().map((queue) => ({ id: queue.id, name: queue.name })),
      agents: this.router
        .agents()
        .filter((other) => other.definition.id !== agentId)
        .map((other) => ({ id: other.definition.id, name: other.definition.name, queues: other.definition.queues })),
    };
    return { type: 'desk', agent: this.agentState(agentId), offers, contacts, wrapUps, directory };
  }

  /** An agent's state as the desk and supervisors see it. */
  agentState(agentId: string): Record<string, unknown> {
    const agent = this.router.agent(agentId);
    if (!agent) return { id: agentId, state: 'offline' };
    return {
      id: agentId,
      name: agent.definition.name,
      role: agent.definition.role,
      state: agent.state,
      reason: agent.reason ?? null,
      since: new Date(agent.stateSince).toISOString(),
      acwUntil: agent.acwUntil === undefined ? null : new Date(agent.acwUntil).toISOString(),
      contacts: [...agent.contacts],
      queues: agent.definition.queues,
    };
  }

  /** The audit log of contact openings, newest first. */
  async auditLog(contactId?: string): Promise<unknown[]> {
    return this.#store.listAudit(contactId);
  }

  queueIds(): string[] {
    return this.router.queues().map((queue) => queue.id);
  }

  /** The supervisor view: every queue live, every agent by state and time in state, the waiting contacts. */
  overview(): Record<string, unknown> {
    const now = this.#now();
    const waiting = this.router.waitingContacts();
    const positions = this.router.positions();
    return {
      at: new Date(now).toISOString(),
      queues: this.router.queues().map((queue) => {
        const here = waiting.filter((entry) => entry.queueId === queue.id);
        const counts = this.stats.counts(queue.id);
        return {
          id: queue.id,
          name: queue.name,
          waiting: here.length,
          longestWaitSeconds:
            here.length === 0 ? 0 : Math.round((now - Math.min(...here.map((e) => e.enqueuedAt))) / 1000),
          answered: counts.answered,
          serviceLevel: this.stats.serviceLevel(queue.id),
          abandoned: counts.abandoned,
        };
      }),
      agents: this.router.agents().map((agent) => ({
        ...this.agentState(agent.definition.id),
        secondsInState: Math.round((now - agent.stateSince) / 1000),
      })),
      waiting: waiting.map((entry) => ({
        contactId: entry.contactId,
        queueId: entry.queueId,
        locale: entry.locale,
        waitedSeconds: Math.round((now - entry.enqueuedAt) / 1000),
        position: positions.get(entry.contactId)?.position ?? null,
        offeredTo: entry.offer?.agentId ?? null,
      })),
      connected: [...this.#handoffs.values()]
        .filter((handoff) => handoff.status === 'connected')
        .map((handoff) => ({ contactId: handoff.id, queueId: handoff.queueId, agentId: handoff.agentId })),
    };
  }

  /** A supervisor moves a waiting contact to another queue (it keeps its age). */
  move(contactId: string, queueId: string): void {
    const handoff = this.#handoffOrRefuse(contactId);
    this.#refusing(() => this.router.move(contactId, queueId));
    handoff.queueId = queueId;
    void this.#store
      .saveHandoff(handoff)
      .catch((error: unknown) => this.#logger.error({ err: String(error), contactId }, 'storing a move failed'));
    this.#publishPosition(contactId);
  }

  // ---- internals ------------------------------------------------------------------------------------------------

  async #append(handoff: Handoff, message: Omit<ChatMessage, 'seq' | 'at' | 'contactId'>): Promise<ChatMessage> {
    const text = this.#redact ? this.#redact(message.text, handoff.context.locale) : message.text;
    const { message: stored, fresh } = await this.#store.appendMessage({ ...message, text, contactId: handoff.id });
    if (fresh)
      this.#events.publish(`contact:${handoff.id}`, { type: 'message', contactId: handoff.id, message: stored });
    if (fresh && this.#chatLineObservers.size > 0 && handoff.agentId !== null) {
      const leg: AgentLegView = {
        queueId: handoff.queueId,
        answeredAt: handoff.answeredAt,
        endedAt: handoff.endedAt,
        agentId: handoff.agentId,
        messages: await this.#store.messagesAfter(handoff.id, 0),
      };
      for (const observer of this.#chatLineObservers) observer(handoff.id, leg);
    }
    return stored;
  }

  async #endChat(handoff: Handoff, by: 'customer' | 'agent'): Promise<void> {
    const agentId = handoff.agentId;
    if (!agentId || handoff.status !== 'connected') return;
    const queue = this.router.queue(handoff.queueId);
    const handleMs = handoff.answeredAt ? this.#now() - Date.parse(handoff.answeredAt) : 0;
    this.router.release(agentId, handoff.id, {
      afterCallWorkMs: (queue?.afterCallWorkSeconds ?? 0) * 1000,
      handleMs,
      queueId: handoff.queueId,
    });
    this.#metrics?.handled(handoff.queueId, handleMs / 1000);
    this.#wrapUps.set(handoff.id, agentId);
    handoff.endedAt = new Date(this.#now()).toISOString();
    await this.#setStatus(handoff, 'ended');
    this.#events.publish(`contact:${handoff.id}`, { type: 'chatEnded', contactId: handoff.id, by });
  }

  async #setStatus(handoff: Handoff, status: Handoff['status']): Promise<void> {
    handoff.status = status;
    await this.#store.saveHandoff(handoff);
  }

  #onDecision(decision: RoutingDecision): void {
    this.#logger.info({ decision }, `routing: ${decision.kind}`);
    this.stats.record(decision);
    this.#metrics?.decided(decision);
    switch (decision.kind) {
      case 'offered':
        this.#events.publish(
          `agent:${decision.agentId}`,
          this.#offerEvent(decision.contactId, decision.queueId, decision.expiresAt, this.#now()),
        );
        break;
      case 'offerLapsed':
      case 'declined':
        this.#events.publish(`agent:${decision.agentId}`, { type: 'offerWithdrawn', contactId: decision.contactId });
        break;
      case 'agentState':
        this.#events.publish(`agent:${decision.agentId}`, { type: 'state', agent: this.agentState(decision.agentId) });
        if (!this.#keepsState(decision.agentId, decision.state, decision.reason)) break;
        // One write after the other: the last state an agent took is the one kept.
        this.#stateWrites = this.#stateWrites.then(() =>
          this.#store
            .saveAgentState(
              decision.agentId,
              decision.state,
              decision.reason ?? null,
              new Date(decision.at).toISOString(),
            )
            .catch((error: unknown) => this.#logger.warn({ err: String(error) }, 'agent state not kept')),
        );
        break;
      case 'overflowed':
        if (decision.target.kind !== 'queue') void this.#overflowed(decision.contactId, decision.target);
        break;
      case 'abandoned':
      case 'enqueued':
      case 'moved':
      case 'accepted':
      case 'released':
        break;
    }
    this.#positionsDue = true;
  }

  async #overflowed(contactId: string, target: OverflowTarget): Promise<void> {
    const handoff = this.#handoffs.get(contactId);
    if (!handoff) return;
    this.#events.publish(`contact:${contactId}`, { type: 'overflow', contactId, target });
    await this.#setStatus(handoff, 'overflowed').catch((error: unknown) =>
      this.#logger.error({ err: String(error), contactId }, 'storing an overflow failed'),
    );
    this.#handoffs.delete(contactId);
  }

  /** An offer as the desk sees it; `offeredAt` (epoch ms) is when the router decided it. */
  #offerEvent(
    contactId: string,
    queueId: string,
    expiresAt: number,
    offeredAt: number,
  ): Record<string, unknown> & { type: string } {
    const handoff = this.#handoffs.get(contactId);
    return {
      type: 'offer',
      contactId,
      queueId,
      offeredAt,
      expiresAt: new Date(expiresAt).toISOString(),
      locale: handoff?.context.locale ?? null,
      channel: handoff?.context.channel ?? null,
      reason: handoff?.context.reason ?? null,
      callback: handoff?.context.callback !== undefined,
      enqueuedAt: handoff?.enqueuedAt ?? null,
    };
  }

  /** Tells one waiting customer their place now (they just joined or moved). */
  #publishPosition(contactId: string): void {
    const place = this.router.position(contactId);
    if (!place) return;
    this.#lastPositions.set(contactId, `${place.position}/${place.estimatedWaitSeconds}`);
    this.#events.publish(`contact:${contactId}`, { type: 'queue', contactId, ...place });
  }

  /** Tells every waiting customer whose place or estimate changed. */
  #publishPositions(): void {
    if (!this.#positionsDue) return;
    this.#positionsDue = false;
    this.#positionsAt = this.#now();
    const positions = this.router.positions();
    for (const contactId of this.#lastPositions.keys())
      if (!positions.has(contactId)) this.#lastPositions.delete(contactId);
    for (const [contactId, place] of positions) {
      const key = `${place.position}/${place.estimatedWaitSeconds}`;
      if (this.#lastPositions.get(contactId) === key) continue;
      this.#lastPositions.set(contactId, key);
      this.#events.publish(`contact:${contactId}`, { type: 'queue', contactId, ...place });
    }
  }

  #queueOfAgent(agentId: string | undefined): string {
    const agent = agentId ? this.router.agent(agentId) : undefined;
    return agent?.definition.queues[0] ?? '';
  }

  #handoffOrRefuse(contactId: string): Handoff {
    const handoff = this.#handoffs.get(contactId);
    if (!handoff) throw ApiError.notFound('contact', contactId);
    return handoff;
  }

  #heldBy(agentId: string, contactId: string): Handoff {
    const handoff = this.#handoffs.get(contactId);
    if (!handoff || handoff.agentId !== agentId || handoff.status !== 'connected')
      throw new ApiError(409, {
        code: 'NOT_YOUR_CONTACT',
        message: `You are not in a chat with contact "${contactId}".`,
        pointer: '',
      });
    return handoff;
  }

  /** Runs a router call, turning its refusals into 409s that say what to do. */
  #refusing<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof RoutingRefusal)
        throw new ApiError(409, { code: error.code, message: error.message, pointer: '' });
      throw error;
    }
  }
}

/** What the contact center needs from the runtime. */
export interface ContactCenterDeps {
  store: AgentStore;
  flows: FlowStore;
  events: ContactCenterEvents;
  logger: Logger;
  now?: () => number;
  /** The transcript redactor (cards, national ids) applied to every chat line before it is stored. */
  redact?: TranscriptRedactor;
  metrics?: ContactCenterMetrics;
  /**
   * Take up the open hand-overs of a previous run at start. Only safe when this is the one process routing them
   * (SQLite): with several processes on one PostgreSQL each would route the others' contacts too.
   */
  takeUp?: boolean;
}

/** How a hand-over queues (again): its own priority, and a voice call alone with its agent. */
function routingOf(context: HandoffContext): { priority: number; exclusive?: true } {
  return { priority: context.priority ?? 0, ...(context.voice ? { exclusive: true as const } : {}) };
}

/** The nodes a bot conversation went through, from its transcript. */
function pathOf(transcript: readonly unknown[]): string[] {
  const path: string[] = [];
  for (const entry of transcript) {
    const nodeId = typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'nodeId') : undefined;
    if (typeof nodeId === 'string' && path.at(-1) !== nodeId) path.push(nodeId);
  }
  return path;
}
