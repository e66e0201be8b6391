import type { Channel } from '@omniflow/flow-schema';
import { createActor, type Actor } from 'xstate';
import type { EngineMachine } from '../compile/buildMachine.ts';
import type { CompiledFlow, CompiledNode } from '../compile/compiledFlowTypes.ts';
import type { EngineEffect, EngineEvent, EngineState } from '../compile/engineContext.ts';
import { resolveLocale } from '../compile/nodeScope.ts';
import { contactValue, SENTIMENT_WINDOW, type ContactState } from '../compile/contactState.ts';
import type { HandlerLogger } from '../nodeTypes/handlerTypes.ts';
import { DEFAULT_SENSITIVE_CONTACT_FIELDS, exhaustive } from '@omniflow/flow-schema';
import { decideTurn } from './decideTurn.ts';
import { escalateTurn } from '../escalation/escalateTurn.ts';
import { maskVariables, SessionRecorder } from './SessionRecorder.ts';
import { runnableSnapshot, SESSION_SYSTEM_ID, SessionHost, storedSnapshot } from './sessionHost.ts';
import type { InputEvent, OutputEvent, TranscriptEntry } from './sessionEvents.ts';
import { migrateSnapshot, SNAPSHOT_FORMAT } from './migrateSnapshot.ts';
import type {
  FlowSessionOptions,
  LegacySessionSnapshot,
  SessionClock,
  SessionSnapshot,
  TranscriptLoader,
  TurnResult,
} from './sessionTypes.ts';

type TransferOutput = Extract<OutputEvent, { type: 'transfer' }>;

const silentLogger: HandlerLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * One conversation on a compiled flow: feeds caller input to the flow's machine and answers each turn
 * with rendered outputs, transcript entries and masked variables. Never throws on caller input.
 */
export class FlowSession {
  readonly id: string;
  readonly #compiled: CompiledFlow;
  readonly #actor: Actor<EngineMachine>;
  readonly #recorder: SessionRecorder;
  readonly #options: FlowSessionOptions;
  readonly #now: () => number;
  readonly #logger: HandlerLogger;
  readonly #host: SessionHost;
  /** The contact as last shown, rebuilt only when the state's contact or locale changes (rarely: most turns share it). */
  #shown: { contact: ContactState; locale: string; value: Readonly<Record<string, unknown>> } | null = null;
  /** Loads earlier turns' transcript for a transfer, when the host keeps it (else the recorder does). */
  readonly #loadEarlier: TranscriptLoader | null;
  /** Transfers of this turn still to be given the earlier turns' transcript the host keeps. */
  #incomplete: TransferOutput[] = [];
  #wake: (() => void) | null = null;
  #failure: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #inFlight = 0;

  private constructor(compiled: CompiledFlow, options: FlowSessionOptions, snapshot: SessionSnapshot | undefined) {
    this.id = options.sessionId;
    this.#compiled = compiled;
    this.#options = options;
    const clock = options.clock;
    this.#now = clock ? () => clock.now() : Date.now;
    const logger = options.logger ?? silentLogger;
    this.#logger = logger;
    const prior = options.transcript ?? [];
    this.#loadEarlier = typeof prior === 'function' ? prior : null;
    this.#recorder = new SessionRecorder(this.#now, typeof prior === 'function' ? null : prior, options.redact ?? null);
    const actorClock = toActorClock(clock);
    const channel: Channel = snapshot?.channel ?? options.channel;
    const host = new SessionHost({
      sessionId: this.id,
      now: this.#now,
      state: () => this.#state(),
      note: (nodeId, text, port) => this.#recorder.note(nodeId, text, port),
      logger,
      secret: options.secrets ?? (() => undefined),
      contactMask: new Set(options.contactMask ?? DEFAULT_SENSITIVE_CONTACT_FIELDS),
    });
    this.#host = host;
    const input = {
      channel,
      locale: resolveLocale(compiled.info, options.locale),
      variables: snapshot ? {} : this.#initialVariables(logger),
      startedAt: this.#now(),
      sessionId: this.id,
      ...(options.contact ? { contact: options.contact } : {}),
      host,
    };
    this.#actor = createActor(compiled.machine, {
      input,
      // The root's system id lets a handler the machine invokes find the host in this actor's context.
      systemId: SESSION_SYSTEM_ID,
      ...(snapshot ? { snapshot: runnableSnapshot(snapshot.machine, host) } : {}),
      ...(actorClock ? { clock: actorClock } : {}),
    });
    // Registered before the actor starts: the start node's entry effects are emitted when it does.
    this.#actor.on('effects', ({ effects }) => {
      // xstate reports a throwing listener as an uncaught error: a host that fails here (a logger) stops this session
      // only, without logging through what may be the failing part.
      try {
        for (const effect of effects) this.#effect(effect);
      } catch (error) {
        this.#stop(error);
      }
    });
    this.#actor.subscribe({
      next: () => {
        // A macrostep ended: entries of the next one (a handler settling later) read the clock again.
        this.#recorder.release();
        this.#wake?.();
      },
      error: (error) => {
        logger.error(
          { sessionId: this.id, err: String(error) },
          `session ${this.id} stopped on an engine error: ${String(error)}`,
        );
        this.#stop(error);
      },
    });
  }

  /** Ends the session on an engine error: later input is answered with an error, and the turn ends with `end`. */
  #stop(error: unknown): void {
    this.#failure = String(error);
    this.#recorder.release();
    this.#recorder.output({ type: 'end', reason: 'error' });
    this.#wake?.();
  }

  /** Starts a session at the flow's start node and runs it up to the first caller input (or its end). */
  static async start(
    compiled: CompiledFlow,
    options: FlowSessionOptions,
  ): Promise<{ session: FlowSession; turn: TurnResult }> {
    const session = new FlowSession(compiled, options, undefined);
    session.#actor.start();
    await session.#settle();
    return { session, turn: await session.#completed(session.#finishTurn()) };
  }

  /** Resumes a session from its snapshot; a handler in flight when it was taken runs again (same idempotency key). */
  static restore(
    compiled: CompiledFlow,
    stored: SessionSnapshot | LegacySessionSnapshot,
    options: FlowSessionOptions,
  ): FlowSession {
    const snapshot = migrateSnapshot(stored);
    if (snapshot.flowId !== compiled.flow.id || snapshot.flowHash !== compiled.hash) {
      throw new Error(
        `Snapshot of flow "${snapshot.flowId}" version ${snapshot.flowHash} cannot resume on "${compiled.flow.id}" version ${compiled.hash}; restore it with the flow version the session started on.`,
      );
    }
    const session = new FlowSession(compiled, options, snapshot);
    session.#actor.start();
    return session;
  }

  /** `active` while the flow waits for caller input, `ended` once it ended (or failed). */
  get status(): 'active' | 'ended' {
    return this.#failure === null && this.#actor.getSnapshot().status === 'active' ? 'active' : 'ended';
  }

  /** Takes one caller input and answers with this turn's outputs once in-flight handlers have settled. */
  send(input: InputEvent): Promise<TurnResult> {
    // Turns never interleave, except a hang-up, which ends the session at once (aborting a handler in flight).
    // An idle session runs the turn synchronously up to the first thing it must wait for (an intent matcher, a handler):
    // a turn that waits for nothing allocates one resolved promise and no queue entry.
    if (this.#inFlight === 0) {
      try {
        return this.#sendNow(input);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#track(input.type === 'hangup' ? this.#turn(input) : this.#queue.then(() => this.#turn(input)));
  }

  /** A turn of an idle session, answered without waiting when nothing is in flight. */
  #sendNow(input: InputEvent): Promise<TurnResult> {
    const refused = this.#refusal(input);
    if (refused) return Promise.resolve(refused);
    // A handler still running (a restored session) is waited for first, in the queued path.
    if (input.type !== 'hangup' && this.#busy()) return this.#track(this.#turn(input));
    const decided = this.#begin(input);
    if (decided instanceof Promise) return this.#track(decided.then((event) => this.#apply(event)));
    if ('outputs' in decided) return Promise.resolve(decided);
    this.#actor.send(decided.event);
    if (!this.#busy()) return this.#completed(this.#finishTurn());
    return this.#track(this.#settle().then(() => this.#completed(this.#finishTurn())));
  }

  /** Counts a turn that waits as in flight until it settles, so the next turn queues behind it. */
  #track(turn: Promise<TurnResult>): Promise<TurnResult> {
    this.#inFlight++;
    this.#queue = turn.then(
      () => this.#inFlight--,
      () => this.#inFlight--,
    );
    return turn;
  }

  /** The session's state as plain JSON (without the transcript). */
  snapshot(): SessionSnapshot {
    const state = this.#state();
    return {
      format: SNAPSHOT_FORMAT,
      flowId: this.#compiled.flow.id,
      flowHash: this.#compiled.hash,
      sessionId: this.id,
      channel: state.channel,
      locale: state.locale,
      machine: storedSnapshot(this.#actor.getPersistedSnapshot()),
    };
  }

  /** Does what a machine action asked for: an output, a transcript line, a log line. */
  #effect(effect: EngineEffect): void {
    switch (effect.kind) {
      case 'output':
        this.#recorder.output(effect.output);
        return;
      case 'transfer': {
        const variables = maskVariables(effect.variables, this.#compiled.info.sensitive);
        const transfer: TransferOutput = {
          type: 'transfer',
          nodeId: effect.nodeId,
          ...effect.transfer,
          variables,
          contact: this.#contact(),
          transcript: this.#recorder.sofar(),
        };
        if (this.#loadEarlier) this.#incomplete.push(transfer);
        this.#recorder.output(transfer);
        return;
      }
      case 'note':
        this.#recorder.note(effect.nodeId, effect.text, effect.port);
        return;
      case 'log':
        this.#logger[effect.level](effect.fields, effect.message);
        return;
      default:
        exhaustive(effect);
    }
  }

  async #turn(input: InputEvent): Promise<TurnResult> {
    const refused = this.#refusal(input);
    if (refused) return refused;
    if (input.type !== 'hangup' && this.#busy()) await this.#settle();
    const decided = this.#begin(input);
    if (decided instanceof Promise) return this.#apply(await decided);
    return 'outputs' in decided ? decided : this.#apply(decided.event);
  }

  /** The answer to input that is no event at all: a malformed event is refused rather than trusted to its static type. */
  #refusal(input: InputEvent): TurnResult | null {
    // Input arrives from the network.
    const problem = describeBadInput(input);
    if (problem === null) return null;
    return {
      ...this.#finishTurn(),
      error: `${problem}; send { type: 'dtmf', digits } | { type: 'speech', transcript } | { type: 'text', text } | { type: 'noInput' } | { type: 'hangup' }.`,
    };
  }

  /** Records the caller's input and decides the machine event for it (or answers an ended session at once). */
  #begin(input: InputEvent): TurnResult | { event: EngineEvent } | Promise<EngineEvent> {
    if (this.status === 'ended')
      return { ...this.#finishTurn(), error: `Session "${this.id}" has ended; start a new session to talk again.` };
    const node = this.#currentNode();
    const sensitive = node ? this.#isSensitive(node) : false;
    this.#recorder.hold();
    this.#recorder.caller(input, node?.node.id, sensitive, this.#state().locale);
    const score = sensitive ? null : this.#scoreSentiment(input);
    const state = this.#state();
    const decided = this.#decide(input, state, node, score);
    return decided instanceof Promise ? decided : { event: decided };
  }

  /** Sends the decided event and answers once in-flight handlers have settled. */
  async #apply(event: EngineEvent): Promise<TurnResult> {
    this.#actor.send(event);
    if (this.#busy()) await this.#settle();
    return this.#completed(this.#finishTurn());
  }

  /** The turn, once its transfers carry the transcript of earlier turns the host keeps. */
  #completed(turn: TurnResult): Promise<TurnResult> {
    const transfers = this.#incomplete;
    const load = this.#loadEarlier;
    if (transfers.length === 0 || !load) return Promise.resolve(turn);
    this.#incomplete = [];
    return prependEarlier(transfers, load, this.#options.logger ?? silentLogger, this.id).then(() => turn);
  }

  #decide(
    input: InputEvent,
    state: EngineState,
    node: CompiledNode | undefined,
    score: number | null = null,
  ): EngineEvent | Promise<EngineEvent> {
    if (input.type === 'hangup') return { type: 'end', reason: 'hangup' };
    const settings = this.#compiled.info.settings;
    if (settings.maxTurns !== undefined && state.turn >= settings.maxTurns) return { type: 'end', reason: 'maxTurns' };
    if (
      settings.maxDurationSeconds !== undefined &&
      this.#now() - state.startedAt > settings.maxDurationSeconds * 1000
    ) {
      return { type: 'end', reason: 'maxDuration' };
    }
    if (!node) return { type: 'end', reason: 'error' };
    const decided = decideTurn({
      compiled: this.#compiled,
      node,
      state,
      input,
      env: this.#host,
      logger: this.#options.logger ?? silentLogger,
      intentMatcher: this.#options.intentMatcher ?? this.#compiled.intentMatcher,
    });
    return decided instanceof Promise
      ? decided.then((event) => this.#escalate(input, state, event, score))
      : this.#escalate(input, state, decided, score);
  }

  /**
   * Folds the turn into the caller's mood (issue 17), sent to the machine before the turn's event so the nodes that
   * event enters render for it (empathetic prompts); answers the escalation a rule fired instead of the event, if any.
   */
  #escalate(input: InputEvent, state: EngineState, decided: EngineEvent, score: number | null): EngineEvent {
    // The session's scorer (the one `contact.sentiment` reads) wins; a host without one may send the score on the input.
    const sentiment = score ?? ('sentiment' in input && typeof input.sentiment === 'number' ? input.sentiment : null);
    const { mood, escalate } = escalateTurn(this.#compiled.escalations, state.mood, input, decided, {
      locale: state.locale,
      sentiment,
    });
    this.#actor.send({ type: 'mood', mood });
    return escalate ?? decided;
  }

  #isSensitive(node: CompiledNode): boolean {
    const runtime = node.impl.runtime;
    return (
      runtime?.kind === 'interactive' &&
      runtime.sensitive !== undefined &&
      runtime.sensitive(node.node.config, node.flow.sensitive)
    );
  }

  async #settle(): Promise<void> {
    while (this.#busy()) await new Promise<void>((resolve) => (this.#wake = resolve));
    this.#wake = null;
  }

  #busy(): boolean {
    if (this.#failure !== null || this.#actor.getSnapshot().status !== 'active') return false;
    return this.#currentNode()?.behaviour === 'async';
  }

  #finishTurn(): TurnResult {
    this.#recorder.release();
    const ended = this.status === 'ended';
    const node = ended ? undefined : this.#currentNode();
    const { outputs, transcript } = this.#recorder.flush();
    return {
      outputs,
      transcript,
      status: ended ? 'ended' : 'active',
      nodeId: node ? node.node.id : null,
      variables: maskVariables(this.#state().variables, this.#compiled.info.sensitive),
      contact: this.#contact(),
      locale: this.#state().locale,
    };
  }

  /** The `contact` as shown outside the flow: its sensitive fields masked. */
  #contact(): Readonly<Record<string, unknown>> {
    const { contact, locale } = this.#state();
    const shown = this.#shown;
    if (shown !== null && shown.contact === contact && shown.locale === locale) return shown.value;
    const value = Object.freeze(
      contactValue(this.#state(), resolveLocale(this.#compiled.info, locale), this.#host.contactMask),
    );
    this.#shown = { contact, locale, value };
    return value;
  }

  /**
   * Scores a typed or spoken caller turn and hands the machine the last scores with their trend, before the turn's own
   * event, so the nodes this turn enters read the new `contact.sentiment`. Keys and silences carry no sentiment.
   */
  #scoreSentiment(input: InputEvent): number | null {
    const scorer = this.#options.sentiment;
    if (!scorer || (input.type !== 'text' && input.type !== 'speech')) return null;
    const state = this.#state();
    const text = input.type === 'text' ? input.text : input.transcript;
    if (text.trim() === '') return null;
    try {
      const score = scorer.score(text, resolveLocale(this.#compiled.info, state.locale));
      if (score === null || !Number.isFinite(score)) return null;
      const clamped = Math.max(-1, Math.min(1, score));
      const moods = [...(state.contact.moods ?? []), clamped].slice(-SENTIMENT_WINDOW);
      this.#actor.send({ type: 'sentiment', moods, trend: scorer.trend(moods) });
      return clamped;
    } catch (error) {
      // A scorer that fails costs the turn its sentiment, never the turn.
      this.#logger.warn(
        { sessionId: this.id, err: String(error) },
        'sentiment scoring failed; contact.sentiment unchanged',
      );
    }
    return null;
  }

  #state(): EngineState {
    return this.#actor.getSnapshot().context.state;
  }

  #currentNode(): CompiledNode | undefined {
    return this.#compiled.tables.nodes.get(this.#state().node);
  }

  #initialVariables(logger: HandlerLogger): Record<string, unknown> {
    const info = this.#compiled.info;
    const variables: Record<string, unknown> = { ...info.defaults };
    for (const [name, value] of Object.entries(this.#options.variables ?? {})) {
      if (info.declared.has(name)) variables[name] = value;
      else
        logger.warn(
          { sessionId: this.id, variable: name },
          `caller data "${name}" is not a declared flow variable and was ignored`,
        );
    }
    return variables;
  }
}

/** Puts the earlier turns' transcript before each transfer's own; a failed load still lets the transfer go out. */
async function prependEarlier(
  transfers: TransferOutput[],
  load: TranscriptLoader,
  logger: HandlerLogger,
  sessionId: string,
): Promise<void> {
  let earlier: readonly TranscriptEntry[] = [];
  try {
    earlier = await load();
  } catch (error) {
    logger.warn(
      { sessionId, err: String(error) },
      `the transfer carries this turn's transcript only: earlier turns could not be loaded (${String(error)})`,
    );
  }
  for (const transfer of transfers) transfer.transcript = [...earlier, ...transfer.transcript];
}

function describeBadInput(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || !('type' in input)) return 'Input is not an event object';
  const event: {
    type: unknown;
    digits?: unknown;
    transcript?: unknown;
    text?: unknown;
    confidence?: unknown;
    sentiment?: unknown;
  } = input;
  switch (event.type) {
    case 'dtmf':
      return typeof event.digits === 'string' && /^[0-9*#]{0,64}$/.test(event.digits)
        ? null
        : 'A dtmf event needs `digits` made of 0-9, * and #';
    case 'speech':
      if (typeof event.transcript !== 'string') return 'A speech event needs a `transcript` string';
      if (event.confidence !== undefined && typeof event.confidence !== 'number')
        return 'A speech `confidence` must be a number';
      return sentimentProblem(event.sentiment);
    case 'text':
      return typeof event.text === 'string' ? sentimentProblem(event.sentiment) : 'A text event needs a `text` string';
    case 'noInput':
    case 'hangup':
      return null;
    default:
      return `Unknown input type ${JSON.stringify(event.type)}`;
  }
}

function sentimentProblem(sentiment: unknown): string | null {
  if (sentiment === undefined) return null;
  return typeof sentiment === 'number' && sentiment >= -1 && sentiment <= 1
    ? null
    : 'An input `sentiment` must be a number from -1 to 1';
}

interface ActorClock {
  setTimeout(fn: (...args: unknown[]) => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

function toActorClock(clock: SessionClock | undefined): ActorClock | undefined {
  if (!clock?.setTimeout || !clock.clearTimeout) return undefined;
  const { setTimeout, clearTimeout } = clock;
  return {
    setTimeout: (fn: () => void, ms: number) => setTimeout.call(clock, fn, ms),
    clearTimeout: (id: unknown) => clearTimeout.call(clock, id),
  };
}
