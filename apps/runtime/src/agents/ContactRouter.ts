import type { AgentDefinition, AgentStateName, OverflowTarget, QueueDefinition } from './contactCenterTypes.ts';
import { isQueueOpen } from './isQueueOpen.ts';

/** A contact waiting in (or being offered from) a queue. */
export interface WaitingContact {
  contactId: string;
  queueId: string;
  /** The contact's locale (`en-US`, `zh-CN`): an agent must serve its language. */
  locale: string;
  /** Added to the queue's priority: a flow may raise one contact (e.g. a premium customer). */
  priority: number;
  enqueuedAt: number;
  /** The agent the contact is being offered to, and until when. */
  offer?: { agentId: string; expiresAt: number };
  /** Agents who let an offer of this contact lapse or declined it: it moves on to someone else. */
  passed: Set<string>;
  /** A voice call: offered only to an agent with no other contact, and it fills all of their slots. */
  exclusive?: boolean;
}

/** An agent as the router sees it. */
export interface RoutedAgent {
  definition: AgentDefinition;
  state: AgentStateName;
  stateSince: number;
  reason?: string;
  /** When the agent last became free (for longest-idle first). */
  idleSince: number;
  contacts: Set<string>;
  acwUntil?: number;
  /** The contact ringing at this agent's desk. */
  ringing?: string;
}

/** Every decision the router takes, in order; the runtime logs each and turns them into messages. */
export type RoutingDecision =
  | { kind: 'enqueued'; contactId: string; queueId: string; at: number }
  | { kind: 'offered'; contactId: string; queueId: string; agentId: string; expiresAt: number; why: string }
  | { kind: 'offerLapsed'; contactId: string; queueId: string; agentId: string; at: number }
  | { kind: 'declined'; contactId: string; queueId: string; agentId: string; at: number }
  | { kind: 'accepted'; contactId: string; queueId: string; agentId: string; waitedMs: number; at: number }
  | {
      kind: 'overflowed';
      contactId: string;
      queueId: string;
      target: OverflowTarget;
      why: 'closed' | 'maxWait';
      at: number;
    }
  | { kind: 'moved'; contactId: string; fromQueueId: string; queueId: string; at: number }
  | { kind: 'abandoned'; contactId: string; queueId: string; waitedMs: number; at: number }
  | { kind: 'released'; contactId: string; agentId: string; at: number }
  | { kind: 'agentState'; agentId: string; state: AgentStateName; reason?: string; at: number };

/** A waiting contact's place in its queue (1 = next) and its estimated wait. */
export interface QueuePosition {
  position: number;
  estimatedWaitSeconds: number;
}

/** Why an operation could not be done: the runtime turns it into a 404/409. */
export class RoutingRefusal extends Error {
  override readonly name = 'RoutingRefusal';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_HANDLE_MS = 120_000;

/**
 * Queues and agents in memory, and the routing policy: the oldest contact of the most urgent queue first, offered
 * to the longest-idle available agent with the queue's skills and the contact's language (the best level on a
 * tie); an offer that lapses moves on. Pure: time comes from `now`, decisions go to `decide`.
 */
export class ContactRouter {
  readonly #queues = new Map<string, QueueDefinition>();
  readonly #agents = new Map<string, RoutedAgent>();
  readonly #waiting = new Map<string, WaitingContact>();
  readonly #now: () => number;
  readonly #decide: (decision: RoutingDecision) => void;
  /** Recent handle times per queue (ms), for the estimated wait. */
  readonly #handleMs = new Map<string, number>();
  /** Contacts held by agents that take an agent whole (voice calls). */
  readonly #exclusive = new Set<string>();

  constructor(options: { now: () => number; decide: (decision: RoutingDecision) => void }) {
    this.#now = options.now;
    this.#decide = options.decide;
  }

  /** Adds or replaces a queue definition. */
  setQueue(queue: QueueDefinition): void {
    this.#queues.set(queue.id, queue);
    this.dispatch();
  }

  removeQueue(queueId: string): void {
    this.#queues.delete(queueId);
  }

  queues(): QueueDefinition[] {
    return [...this.#queues.values()];
  }

  queue(queueId: string): QueueDefinition | undefined {
    return this.#queues.get(queueId);
  }

  /** Adds or updates an agent (an update keeps the agent's state and contacts). */
  setAgent(definition: AgentDefinition): void {
    const known = this.#agents.get(definition.id);
    if (known) known.definition = definition;
    else {
      const now = this.#now();
      this.#agents.set(definition.id, {
        definition,
        state: 'offline',
        stateSince: now,
        idleSince: now,
        contacts: new Set(),
      });
    }
    this.dispatch();
  }

  removeAgent(agentId: string): void {
    const agent = this.#agents.get(agentId);
    if (agent) this.#changeState(agent, 'offline');
    this.#agents.delete(agentId);
  }

  agent(agentId: string): RoutedAgent | undefined {
    return this.#agents.get(agentId);
  }

  agents(): RoutedAgent[] {
    return [...this.#agents.values()];
  }

  waiting(contactId: string): WaitingContact | undefined {
    return this.#waiting.get(contactId);
  }

  /** Every waiting contact in routing order. */
  waitingContacts(): WaitingContact[] {
    return [...this.#waiting.values()].toSorted((a, b) => this.#compare(a, b));
  }

  /**
   * Puts a contact in a queue. A closed queue overflows at once; a queue without an overflow target queues anyway
   * (the contact hears the closed treatment and waits for the first agent).
   */
  enqueue(contact: {
    contactId: string;
    queueId: string;
    locale: string;
    priority?: number;
    enqueuedAt?: number;
    exclusive?: boolean;
  }): void {
    const queue = this.#queues.get(contact.queueId);
    if (!queue) throw new RoutingRefusal('UNKNOWN_QUEUE', `There is no queue "${contact.queueId}".`);
    if (this.#waiting.has(contact.contactId))
      throw new RoutingRefusal('ALREADY_QUEUED', `Contact "${contact.contactId}" is already waiting.`);
    const now = this.#now();
    const entry: WaitingContact = {
      contactId: contact.contactId,
      queueId: queue.id,
      locale: contact.locale,
      priority: contact.priority ?? 0,
      enqueuedAt: contact.enqueuedAt ?? now,
      passed: new Set(),
      ...(contact.exclusive ? { exclusive: true } : {}),
    };
    this.#waiting.set(entry.contactId, entry);
    this.#decide({ kind: 'enqueued', contactId: entry.contactId, queueId: queue.id, at: now });
    if (queue.overflow && !isQueueOpen(queue.hours, now)) return this.#overflow(entry, queue, 'closed');
    this.dispatch();
  }

  /** Moves a waiting contact to another queue, keeping its age (a supervisor's move, an overflow). */
  move(contactId: string, queueId: string): void {
    const entry = this.#waiting.get(contactId);
    if (!entry) throw new RoutingRefusal('NOT_WAITING', `Contact "${contactId}" is not waiting in a queue.`);
    if (!this.#queues.has(queueId)) throw new RoutingRefusal('UNKNOWN_QUEUE', `There is no queue "${queueId}".`);
    this.#withdrawOffer(entry);
    const fromQueueId = entry.queueId;
    entry.queueId = queueId;
    entry.passed.clear();
    this.#decide({ kind: 'moved', contactId, fromQueueId, queueId, at: this.#now() });
    this.dispatch();
  }

  /** The caller left while waiting (or while being offered). */
  abandon(contactId: string): boolean {
    const entry = this.#waiting.get(contactId);
    if (!entry) return false;
    this.#withdrawOffer(entry);
    this.#waiting.delete(contactId);
    const now = this.#now();
    this.#decide({ kind: 'abandoned', contactId, queueId: entry.queueId, waitedMs: now - entry.enqueuedAt, at: now });
    return true;
  }

  /** An agent chose a state (available, break with a reason, offline). */
  setState(agentId: string, state: 'offline' | 'available' | 'break', reason?: string): void {
    const agent = this.#agentOrRefuse(agentId);
    if (state === 'offline' && agent.contacts.size > 0)
      throw new RoutingRefusal('HAS_CONTACTS', 'Finish your open contacts before going offline.');
    this.#declineOffers(agent);
    agent.acwUntil = undefined;
    this.#changeState(agent, state === 'available' ? this.#workingState(agent) : state, reason);
    if (state === 'available') agent.idleSince = this.#now();
    this.dispatch();
  }

  /** A contact the agent already holds (taken up again after a restart): counts against their chats. */
  hold(agentId: string, contactId: string): void {
    const agent = this.#agentOrRefuse(agentId);
    agent.contacts.add(contactId);
    if (agent.state === 'available') this.#changeState(agent, this.#workingState(agent));
  }

  /** The agent takes the contact offered to them. */
  accept(agentId: string, contactId: string): WaitingContact {
    const agent = this.#agentOrRefuse(agentId);
    const entry = this.#waiting.get(contactId);
    if (!entry || entry.offer?.agentId !== agentId)
      throw new RoutingRefusal('NO_OFFER', `Contact "${contactId}" is not offered to you (it may have moved on).`);
    this.#withdrawOffer(entry);
    this.#waiting.delete(contactId);
    agent.contacts.add(contactId);
    if (entry.exclusive) this.#exclusive.add(contactId);
    const now = this.#now();
    this.#changeState(agent, this.#workingState(agent));
    this.#decide({
      kind: 'accepted',
      contactId,
      queueId: entry.queueId,
      agentId,
      waitedMs: now - entry.enqueuedAt,
      at: now,
    });
    // An agent with another free slot rings again at once, not at the next tick.
    this.dispatch();
    return entry;
  }

  /** The agent turns an offer down: it goes to the next agent at once. */
  decline(agentId: string, contactId: string): void {
    const entry = this.#waiting.get(contactId);
    if (!entry || entry.offer?.agentId !== agentId)
      throw new RoutingRefusal('NO_OFFER', `Contact "${contactId}" is not offered to you.`);
    this.#withdrawOffer(entry);
    entry.passed.add(agentId);
    this.#decide({ kind: 'declined', contactId, queueId: entry.queueId, agentId, at: this.#now() });
    this.dispatch();
  }

  /**
   * Gives a contact the agent holds straight to another available agent (a transfer to a person); the receiving
   * agent needs a free slot and the contact's queue.
   */
  handOver(fromAgentId: string, toAgentId: string, contactId: string): void {
    const from = this.#agentOrRefuse(fromAgentId);
    const to = this.#agentOrRefuse(toAgentId);
    if (!from.contacts.has(contactId)) throw new RoutingRefusal('NOT_YOURS', `Contact "${contactId}" is not yours.`);
    if (to.state !== 'available' || to.contacts.size >= to.definition.maxChats)
      throw new RoutingRefusal(
        'AGENT_UNAVAILABLE',
        `${to.definition.name} is not available; pick another agent or a queue.`,
      );
    this.release(fromAgentId, contactId, { afterCallWorkMs: 0 });
    to.contacts.add(contactId);
    this.#changeState(to, this.#workingState(to));
  }

  /**
   * The agent's contact ended (customer left, agent closed it, transferred on). With no contact left the agent
   * goes into after-call work for `afterCallWorkMs`, then back to available.
   */
  release(
    agentId: string,
    contactId: string,
    options: { afterCallWorkMs: number; handleMs?: number; queueId?: string },
  ): void {
    const agent = this.#agentOrRefuse(agentId);
    if (!agent.contacts.delete(contactId)) return;
    this.#exclusive.delete(contactId);
    const now = this.#now();
    if (options.handleMs !== undefined && options.queueId !== undefined) {
      const previous = this.#handleMs.get(options.queueId) ?? DEFAULT_HANDLE_MS;
      this.#handleMs.set(options.queueId, Math.round(previous * 0.8 + options.handleMs * 0.2));
    }
    this.#decide({ kind: 'released', contactId, agentId, at: now });
    if (agent.state === 'break' || agent.state === 'offline') return;
    if (agent.contacts.size === 0 && options.afterCallWorkMs > 0) {
      agent.acwUntil = now + options.afterCallWorkMs;
      this.#changeState(agent, 'afterCallWork');
      return;
    }
    if (agent.state !== 'afterCallWork') this.#changeState(agent, this.#workingState(agent));
    if (agent.contacts.size === 0) agent.idleSince = now;
    this.dispatch();
  }

  /** Ends after-call work now (the agent submitted the wrap-up). */
  endAfterCallWork(agentId: string): void {
    const agent = this.#agentOrRefuse(agentId);
    if (agent.state !== 'afterCallWork') return;
    agent.acwUntil = undefined;
    agent.idleSince = this.#now();
    this.#changeState(agent, this.#workingState(agent));
    this.dispatch();
  }

  /**
   * Applies the passing of time: lapsed offers move on (the agent who missed one goes on a break, so contacts stop
   * ringing at an empty desk), after-call work ends, contacts past their queue's maximum wait overflow.
   */
  tick(): void {
    const now = this.#now();
    for (const entry of this.#waiting.values()) {
      if (entry.offer && entry.offer.expiresAt <= now) {
        const agentId = entry.offer.agentId;
        this.#withdrawOffer(entry);
        entry.passed.add(agentId);
        this.#decide({ kind: 'offerLapsed', contactId: entry.contactId, queueId: entry.queueId, agentId, at: now });
        const agent = this.#agents.get(agentId);
        if (agent && agent.state === 'available') this.#changeState(agent, 'break', 'missed offer');
      }
    }
    for (const agent of this.#agents.values()) {
      if (agent.state === 'afterCallWork' && agent.acwUntil !== undefined && agent.acwUntil <= now) {
        agent.acwUntil = undefined;
        agent.idleSince = now;
        this.#changeState(agent, this.#workingState(agent));
      }
    }
    for (const entry of this.#waiting.values()) {
      const queue = this.#queues.get(entry.queueId);
      if (!queue?.overflow || entry.offer) continue;
      if (now - entry.enqueuedAt >= queue.maxWaitSeconds * 1000) this.#overflow(entry, queue, 'maxWait');
    }
    this.dispatch();
  }

  /** Offers waiting contacts to free agents; answers how many offers it made. */
  dispatch(): number {
    let free = 0;
    for (const agent of this.#agents.values()) if (this.#hasRoom(agent)) free += 1;
    if (free === 0 || this.#waiting.size === 0) return 0;
    let offers = 0;
    for (const entry of this.waitingContacts()) {
      if (entry.offer) continue;
      const queue = this.#queues.get(entry.queueId);
      if (!queue) continue;
      const agent = this.#pick(entry, queue);
      if (!agent) continue;
      const expiresAt = this.#now() + queue.offerTimeoutSeconds * 1000;
      entry.offer = { agentId: agent.definition.id, expiresAt };
      agent.ringing = entry.contactId;
      offers += 1;
      this.#decide({
        kind: 'offered',
        contactId: entry.contactId,
        queueId: queue.id,
        agentId: agent.definition.id,
        expiresAt,
        why: `idle ${Math.round((this.#now() - agent.idleSince) / 1000)} s, level ${skillScore(agent, queue)}, speaks ${entry.locale}`,
      });
      free -= 1;
      if (free <= 0) break;
    }
    return offers;
  }

  /** A waiting contact's place in its queue (1 = next) and the estimated wait in seconds. */
  position(contactId: string): QueuePosition | undefined {
    return this.positions().get(contactId);
  }

  /** Every waiting contact's place in its queue and estimated wait, in one pass. */
  positions(): Map<string, QueuePosition> {
    const capacity = new Map<string, number>();
    for (const agent of this.#agents.values()) {
      if (agent.state === 'offline') continue;
      for (const queueId of agent.definition.queues)
        capacity.set(queueId, (capacity.get(queueId) ?? 0) + agent.definition.maxChats);
    }
    const counts = new Map<string, number>();
    const positions = new Map<string, QueuePosition>();
    for (const entry of this.waitingContacts()) {
      const position = (counts.get(entry.queueId) ?? 0) + 1;
      counts.set(entry.queueId, position);
      const handleMs = this.#handleMs.get(entry.queueId) ?? DEFAULT_HANDLE_MS;
      const staffed = capacity.get(entry.queueId) ?? 0;
      const estimate = staffed === 0 ? handleMs * position : (handleMs * position) / staffed;
      positions.set(entry.contactId, { position, estimatedWaitSeconds: Math.round(estimate / 1000) });
    }
    return positions;
  }

  #pick(entry: WaitingContact, queue: QueueDefinition): RoutedAgent | undefined {
    let best: RoutedAgent | undefined;
    for (const agent of this.#agents.values()) {
      if (!this.#hasRoom(agent) || entry.passed.has(agent.definition.id)) continue;
      if (entry.exclusive && agent.contacts.size > 0) continue;
      if (!agent.definition.queues.includes(queue.id) || !speaks(agent, entry.locale) || !qualifies(agent, queue))
        continue;
      if (!best || better(agent, best, queue)) best = agent;
    }
    return best;
  }

  /** An agent who can take one more contact now: available (not busy, on break or in ACW) and not ringing. */
  #hasRoom(agent: RoutedAgent): boolean {
    return agent.state === 'available' && agent.ringing === undefined && this.#load(agent) < agent.definition.maxChats;
  }

  /** The slots an agent's contacts take: one per chat, all of them for a voice call. */
  #load(agent: RoutedAgent): number {
    for (const contactId of agent.contacts) if (this.#exclusive.has(contactId)) return agent.definition.maxChats;
    return agent.contacts.size;
  }

  #overflow(entry: WaitingContact, queue: QueueDefinition, why: 'closed' | 'maxWait'): void {
    const target = queue.overflow;
    if (!target) return;
    const now = this.#now();
    if (target.kind === 'queue' && this.#queues.has(target.queueId) && target.queueId !== queue.id) {
      this.#decide({ kind: 'overflowed', contactId: entry.contactId, queueId: queue.id, target, why, at: now });
      this.move(entry.contactId, target.queueId);
      return;
    }
    this.#withdrawOffer(entry);
    this.#waiting.delete(entry.contactId);
    this.#decide({ kind: 'overflowed', contactId: entry.contactId, queueId: queue.id, target, why, at: now });
  }

  #withdrawOffer(entry: WaitingContact): void {
    if (!entry.offer) return;
    const agent = this.#agents.get(entry.offer.agentId);
    if (agent?.ringing === entry.contactId) agent.ringing = undefined;
    entry.offer = undefined;
  }

  #declineOffers(agent: RoutedAgent): void {
    for (const entry of this.#waiting.values()) {
      if (entry.offer?.agentId !== agent.definition.id) continue;
      this.#withdrawOffer(entry);
      entry.passed.add(agent.definition.id);
      this.#decide({
        kind: 'declined',
        contactId: entry.contactId,
        queueId: entry.queueId,
        agentId: agent.definition.id,
        at: this.#now(),
      });
    }
  }

  /** Available while a slot is free, else busy. */
  #workingState(agent: RoutedAgent): AgentStateName {
    return this.#load(agent) >= agent.definition.maxChats ? 'busy' : 'available';
  }

  #changeState(agent: RoutedAgent, state: AgentStateName, reason?: string): void {
    if (agent.state === state && agent.reason === reason) return;
    const now = this.#now();
    agent.state = state;
    agent.stateSince = now;
    agent.reason = reason;
    this.#decide({ kind: 'agentState', agentId: agent.definition.id, state, ...(reason ? { reason } : {}), at: now });
  }

  #agentOrRefuse(agentId: string): RoutedAgent {
    const agent = this.#agents.get(agentId);
    if (!agent) throw new RoutingRefusal('UNKNOWN_AGENT', `There is no agent "${agentId}".`);
    return agent;
  }

  /** Higher queue priority first, then the contact's own priority, then the longest waiting. */
  #compare(a: WaitingContact, b: WaitingContact): number {
    const pa = (this.#queues.get(a.queueId)?.priority ?? 0) + a.priority;
    const pb = (this.#queues.get(b.queueId)?.priority ?? 0) + b.priority;
    return pb - pa || a.enqueuedAt - b.enqueuedAt || a.contactId.localeCompare(b.contactId);
  }
}

/** Whether the agent serves the locale: `zh-CN` matches `zh-CN` and `zh`, `en-US` matches `en`. */
function speaks(agent: RoutedAgent, locale: string): boolean {
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  return agent.definition.languages.some((tag) => {
    const have = tag.toLowerCase();
    return have === wanted || have === language;
  });
}

function qualifies(agent: RoutedAgent, queue: QueueDefinition): boolean {
  return queue.skills.every((need) =>
    agent.definition.skills.some((have) => have.skill === need.skill && have.level >= need.minLevel),
  );
}

/** The sum of the agent's levels in the queue's skills. */
function skillScore(agent: RoutedAgent, queue: QueueDefinition): number {
  let score = 0;
  for (const need of queue.skills)
    score += agent.definition.skills.find((have) => have.skill === need.skill)?.level ?? 0;
  return score;
}

/** Longest idle first; on equal idle time the better skilled. */
function better(candidate: RoutedAgent, best: RoutedAgent, queue: QueueDefinition): boolean {
  if (candidate.idleSince !== best.idleSince) return candidate.idleSince < best.idleSince;
  return skillScore(candidate, queue) > skillScore(best, queue);
}
