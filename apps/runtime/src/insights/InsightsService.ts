import { evaluateCategoryRules, scoreQuality, summarizeContact, type CategoryRule } from '@omniflow/analytics';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import type { CenterRelay } from '../agents/CenterRelay.ts';
import type { ContactCenterEvents } from '../agents/ContactCenterEvents.ts';
import type { StoredTurn } from '../sessions/SessionService.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import type { AlertHub } from './AlertHub.ts';
import { deriveContact, type FinishedContact, type NodeInfo } from './deriveContact.ts';
import { checkInsightRuleSet, type InsightRuleSet } from './insightRuleSet.ts';
import type { InsightsStore } from './InsightsStore.ts';
import { LiveAlerter } from './LiveAlerter.ts';
import { TurnBatcher } from './TurnBatcher.ts';
import { withAgentLeg, type AgentLeg } from './withAgentLeg.ts';
import { sharedRead } from '../store/sharedRead.ts';

/** The scope of rules that apply to every flow. */
export const GLOBAL_SCOPE = '*';

const RULES_TTL_MS = 5000;
const CATCH_UP_EVERY_MS = 60_000;
/** Contacts that started in the last 6 hours: sessions idle out after an hour by default. */
const CATCH_UP_WINDOW_MS = 6 * 3_600_000;
const CATCH_UP_BATCH = 100;

/** The alerting rules of a flow's contacts and the webhooks their alerts go to. */
interface Alerting {
  alerting: CategoryRule[];
  webhooks: string[];
}

/**
 * The runtime's analytics pipeline (issue 17): after stored turns it checks the alerting category rules of the live
 * contacts, and when a session ends it stores the contact's figures, categories, summary and QA score. It runs after
 * the replies, in batches ({@link TurnBatcher}: once per event-loop turn, each session once, each flow's rules read once),
 * never in a turn's way: failures are logged, and what a stopped process left unanalyzed is caught up from the store.
 */
export class InsightsService {
  readonly #store: FlowStore;
  readonly #insights: InsightsStore;
  readonly #alerts: AlertHub;
  readonly #registry: NodeTypeRegistry;
  readonly #logger: Logger;
  readonly #rules = new Map<string, { set: InsightRuleSet; at: number }>();
  readonly #reading = new Map<string, Promise<InsightRuleSet>>();
  readonly #live: LiveAlerter;
  readonly #nodes = new Map<string, Map<string, NodeInfo>>();
  #pending = new Set<Promise<void>>();
  #catchUpTimer: NodeJS.Timeout | undefined;
  readonly #batcher: TurnBatcher;

  constructor(deps: {
    store: FlowStore;
    insights: InsightsStore;
    alerts: AlertHub;
    registry: NodeTypeRegistry;
    logger: Logger;
  }) {
    this.#batcher = new TurnBatcher((turns) => this.#afterTurns(turns));
    this.#store = deps.store;
    this.#insights = deps.insights;
    this.#alerts = deps.alerts;
    this.#live = new LiveAlerter({ store: deps.insights, hub: deps.alerts });
    this.#registry = deps.registry;
    this.#logger = deps.logger;
  }

  get store(): InsightsStore {
    return this.#insights;
  }

  get alerts(): AlertHub {
    return this.#alerts;
  }

  /**
   * The session service's turn observer: queues the stored turn for the next batch, so nothing of its analysis runs
   * before its reply is sent. Draft runs (version 0, the designer's simulator) are not counted.
   */
  readonly observe = (turn: StoredTurn): void => {
    if (turn.version === 0) return;
    this.#batcher.add(turn);
  };

  /** One batch: each session's turns since the last batch at once, the alerting rules of each flow read once. */
  #afterTurns(turns: readonly StoredTurn[]): void {
    const alerting = new Map<string, Promise<Alerting>>();
    const alertingOf = (flowId: string): Promise<Alerting> => {
      let rules = alerting.get(flowId);
      if (rules === undefined) {
        rules = this.#alerting(flowId);
        alerting.set(flowId, rules);
      }
      return rules;
    };
    for (const turn of turns)
      this.#track(
        this.#afterTurn(turn, alertingOf).catch((error: unknown) =>
          this.#logger.error({ sessionId: turn.sessionId, err: String(error) }, 'insights of a turn failed'),
        ),
      );
  }

  #track(work: Promise<void>): void {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
  }

  /**
   * Joins the contact center: alerts travel its live-event bus (every process's supervisors hear them), wrapped-up
   * agent contacts are analyzed again whole, and the desk shows the stored summaries of a customer's earlier contacts.
   */
  join(running: { events: ContactCenterEvents; center: CenterRelay }): void {
    this.#alerts.connect(running.events);
    // The center runs in the process that routes; its observers move with it when another process takes over.
    running.center.whenRouting((center) => {
      center.observeWrapUps(this.observeWrapUp);
      center.observeChatLines((contactId, flowId, leg) =>
        this.#track(
          this.#afterChatLine(contactId, flowId, leg).catch((error: unknown) =>
            this.#logger.error({ sessionId: contactId, err: String(error) }, 'alerts of a chat line failed'),
          ),
        ),
      );
      center.summarizeWith((contactId) => this.#summaryOf(contactId));
    });
    this.startCatchUp();
  }

  async #summaryOf(contactId: string): Promise<{ reason: string; outcome: string } | undefined> {
    const stored = await this.#insights.getContact(contactId);
    const summary = stored?.['summary'];
    if (typeof summary !== 'object' || summary === null) return undefined;
    const reason: unknown = Reflect.get(summary, 'reason');
    const outcome: unknown = Reflect.get(summary, 'outcome');
    return typeof reason === 'string' && typeof outcome === 'string' ? { reason, outcome } : undefined;
  }

  /**
   * The contact center's wrap-up observer: the contact the bot handed over is stored again with its agent leg (the
   * chat, the wrap-up, the agent and handle time), so its summary, QA score and categories cover the whole contact.
   */
  readonly observeWrapUp = (contactId: string, leg: AgentLeg): void => {
    this.#live.forget(contactId);
    this.#track(
      this.#record({ sessionId: contactId }, leg).catch((error: unknown) =>
        this.#logger.error({ sessionId: contactId, err: String(error) }, 'insights of an agent contact failed'),
      ),
    );
  };

  /**
   * Analyzes the contacts that ended without a turn this process saw end (the idle sweeper abandons them, a process
   * may stop between a turn and its analysis): ended contacts started in the last 6 hours with no insights row, 100
   * at a time.
   * Answers how many it stored. Storing is idempotent, so two processes catching up the same contact agree.
   */
  async catchUp(now = Date.now()): Promise<number> {
    const ids = await this.#insights.unanalyzedContacts(
      new Date(now - CATCH_UP_WINDOW_MS).toISOString(),
      CATCH_UP_BATCH,
    );
    for (const id of ids) await this.#record({ sessionId: id });
    return ids.length;
  }

  /**
   * Runs {@link catchUp} at once (what a stopped process left unanalyzed: its last batch) and then every `everyMs`
   * until {@link close}.
   */
  startCatchUp(everyMs = CATCH_UP_EVERY_MS): void {
    clearInterval(this.#catchUpTimer);
    const pass = (): void =>
      this.#track(
        this.catchUp().then(
          () => undefined,
          (error: unknown) => this.#logger.warn({ err: String(error) }, 'catching up on ended contacts failed'),
        ),
      );
    pass();
    this.#catchUpTimer = setInterval(pass, everyMs);
    this.#catchUpTimer.unref();
  }

  /** Stops the batches (call {@link settle} first to analyze what waits), the catch-up and the alerts' bus subscription. */
  close(): void {
    this.#batcher.stop();
    clearInterval(this.#catchUpTimer);
    this.#alerts.close();
  }

  /** Resolves once every turn seen so far has been analyzed, the turns waiting for their batch too (tests, shutdown). */
  async settle(): Promise<void> {
    this.#batcher.flush();
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  /** A scope's rule set as stored, or an empty one. */
  async rules(scope: string): Promise<InsightRuleSet> {
    const cached = this.#rules.get(scope);
    if (cached !== undefined && Date.now() - cached.at < RULES_TTL_MS) return cached.set;
    // One read of an expired scope at a time: the turns arriving while it runs share it (under load every turn of
    // that moment read the rules again, issue 22).
    return sharedRead(this.#reading, scope, () => this.#readRules(scope));
  }

  async #readRules(scope: string): Promise<InsightRuleSet> {
    const stored = await this.#insights.getRules(scope);
    const checked = stored === undefined ? undefined : checkInsightRuleSet(stored);
    const set: InsightRuleSet = checked?.ok === true ? checked.set : { rules: [] };
    this.#rules.set(scope, { set, at: Date.now() });
    return set;
  }

  async putRules(scope: string, set: InsightRuleSet): Promise<void> {
    await this.#insights.putRules(scope, set);
    this.#rules.set(scope, { set, at: Date.now() });
  }

  async #afterTurn(turn: StoredTurn, alertingOf: (flowId: string) => Promise<Alerting>): Promise<void> {
    if (turn.status === 'ended') {
      // A contact handed to an agent goes on in the agent chat, where its alerts are still checked.
      if (!turn.entries.some((entry) => entry.kind === 'transfer')) this.#live.forget(turn.sessionId);
      await this.#record(turn);
      return;
    }
    const { alerting, webhooks } = await alertingOf(turn.flowId);
    if (alerting.length === 0) return;
    const contact = await this.#finished(turn, new Date().toISOString());
    if (contact === undefined) return;
    await this.#live.check(deriveContact(contact, await this.#nodeInfo(turn.flowId, turn.version)), alerting, webhooks);
  }

  /** A new line of the agent chat: the alerting rules are checked on the bot conversation and the chat so far. */
  async #afterChatLine(contactId: string, flowId: string, legOf: () => Promise<AgentLeg>): Promise<void> {
    // The rules first (cached): with no alert rule for the flow, the contact is not read again for every line.
    const { alerting, webhooks } = await this.#alerting(flowId);
    if (alerting.length === 0) return;
    const contact = await this.#finished({ sessionId: contactId });
    if (contact === undefined || contact.version === 0) return;
    const bot = deriveContact(contact, await this.#nodeInfo(contact.flowId, contact.version));
    await this.#live.check(withAgentLeg(bot, await legOf()), alerting, webhooks);
  }

  /** The alerting rules that apply to a flow's contacts (its own and every flow's) and where their alerts are posted. */
  async #alerting(flowId: string): Promise<Alerting> {
    const [global, own] = await Promise.all([this.rules(GLOBAL_SCOPE), this.rules(flowId)]);
    return {
      alerting: [...global.rules, ...own.rules].filter((rule) => rule.alert === true),
      webhooks: [...(global.webhooks ?? []), ...(own.webhooks ?? [])],
    };
  }

  /**
   * Stores a finished contact's insights: its figures, categories, summary and QA under the rules of its flow and of
   * every flow; with an agent leg, the agent's chat and wrap-up are part of the contact.
   */
  async #record(turn: { sessionId: string; locale?: string }, leg?: AgentLeg): Promise<void> {
    const contact = await this.#finished(turn);
    if (contact === undefined || contact.version === 0) return;
    const [global, own] = await Promise.all([this.rules(GLOBAL_SCOPE), this.rules(contact.flowId)]);
    const bot = deriveContact(contact, await this.#nodeInfo(contact.flowId, contact.version));
    const derived = leg === undefined ? bot : withAgentLeg(bot, leg);
    const { categories } = evaluateCategoryRules([...global.rules, ...own.rules], derived.facts);
    await this.#insights.saveContact({
      contact: derived,
      categories,
      summary: summarizeContact(derived.facts),
      qa: scoreQuality(derived.facts, own.scorecard ?? global.scorecard),
    });
  }

  /**
   * The contact as its record (issue 15) and transcript tell it: so far (`endedAt` now, for a live one) or as it
   * ended. The record's outcome, end node and transfer queue are taken as written by the turn that ended it.
   */
  async #finished(
    turn: { sessionId: string; locale?: string },
    endedAt?: string,
  ): Promise<FinishedContact | undefined> {
    const [record, transcript] = await Promise.all([
      this.#store.contacts.get(turn.sessionId),
      this.#store.getTranscript(turn.sessionId),
    ]);
    if (record === undefined) return undefined;
    const ended = endedAt ?? record.endedAt ?? new Date().toISOString();
    return {
      sessionId: record.id,
      flowId: record.flowId,
      version: record.version,
      channel: record.channel,
      locale: turn.locale ?? record.locale,
      startedAt: record.startedAt,
      endedAt: ended,
      transcript,
      turns: record.turns,
      ...(record.outcome === null
        ? {}
        : { end: { outcome: record.outcome, endNode: record.endNode, transferQueue: record.transferQueue } }),
    };
  }

  /** The node facts of a published version, read once per version (versions never change). */
  async #nodeInfo(flowId: string, version: number): Promise<(nodeId: string) => NodeInfo | undefined> {
    const key = `${flowId}@${version}`;
    let nodes = this.#nodes.get(key);
    if (nodes === undefined) {
      nodes = new Map();
      const record = await this.#store.getVersion(flowId, version);
      const list = record?.document['nodes'];
      for (const node of Array.isArray(list) ? list : []) {
        if (typeof node !== 'object' || node === null) continue;
        const { id, type, label } = node as { id?: unknown; type?: unknown; label?: unknown };
        if (typeof id !== 'string' || typeof type !== 'string') continue;
        const transaction = this.#registry.get(type)?.runtime?.kind === 'async';
        nodes.set(id, { type, transaction, ...(typeof label === 'string' && label !== '' ? { label } : {}) });
      }
      this.#nodes.set(key, nodes);
    }
    const found = nodes;
    return (nodeId) => found.get(nodeId);
  }
}
