import { createHash, randomUUID } from 'node:crypto';
import {
  FlowSession,
  type CompiledFlow,
  type ContactFacts,
  type InputEvent,
  type OutputEvent,
  type SentimentScorer,
  type SessionSnapshot,
  type TranscriptEntry,
  type TranscriptRedactor,
} from '@omniflow/flow-engine';
import type { Channel } from '@omniflow/flow-schema';
import type { Logger } from 'pino';
import { contactTurnOf } from '../contacts/contactTurnOf.ts';
import { ApiError } from '../http/ApiError.ts';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import type { FlowStore, SessionRecord, StoredInput } from '../store/FlowStore.ts';
import { assertKnownLocale } from './assertKnownLocale.ts';
import type { SessionCaller, SessionCaps } from './LiveSessionCaps.ts';
import type { FlowCompiler } from './FlowCompiler.ts';
import { TranscriptAnalyzer, type StoredTranscriptEntry } from './TranscriptAnalyzer.ts';
import { SnapshotUnreadableError, type SnapshotCipher } from './SnapshotCipher.ts';
import { storeUnavailable } from './storeUnavailable.ts';
import { repeatedReply, type KeyedInput } from './idempotentInput.ts';
import type { ContactInput } from '../contact/contactInput.ts';
import { contactSentimentScorer } from '../contact/contactSentimentScorer.ts';
import { NUMBER_NAMES } from '../voice/mediaStreamContact.ts';
import {
  noPreviousContacts,
  PREVIOUS_CONTACTS_DAYS,
  type PreviousContactsLookup,
} from '../contact/previousContacts.ts';

/** What the runtime answers for one turn of a session. */
export interface SessionTurn {
  sessionId: string;
  flowId: string;
  version: number;
  channel: Channel;
  locale: string;
  status: 'active' | 'ended';
  nodeId: string | null;
  outputs: OutputEvent[];
  /** Flow variables with sensitive ones masked. */
  variables: Record<string, unknown>;
  /** The `contact` system variable as the flow reads it, its sensitive fields masked. */
  contact: Record<string, unknown>;
}

/** How a session is started. */
export interface StartSessionRequest {
  flowId: string;
  channel: Channel;
  locale?: string;
  /** Initial values of the flow's own variables (e.g. a campaign row's fields). */
  callerData?: Record<string, unknown>;
  /** What the channel knows about the contact (`contact.*`): direction, numbers, attributes. */
  contact?: ContactInput;
  /** Run the current draft (designer test run) instead of the live version. */
  draft?: boolean;
  /** Enter the live version at this node instead of its start (an agent sends the customer there). */
  startNodeId?: string;
  /** A caller-chosen id (e.g. derived from a Twilio CallSid); random when absent. */
  sessionId?: string;
  /** A public channel's caller, whose live sessions are capped; management callers are not. */
  caller?: SessionCaller;
  /**
   * A start sent with an idempotency key (REST `Idempotency-Key`, a chat socket's `inputId`) by the token `scope`:
   * the same key answers the same session and first reply, on any process, and never starts a second session.
   */
  idempotency?: { keyed: KeyedInput; scope: string };
}

/** One stored turn as the analytics pipeline sees it (issue 17): handed over once the store committed it. */
export interface StoredTurn extends Pick<
  SessionTurn,
  'sessionId' | 'flowId' | 'version' | 'channel' | 'locale' | 'status'
> {
  entries: readonly StoredTranscriptEntry[];
}

/**
 * Watches stored turns (real-time alerts, contact summaries); called before the reply is sent, so it must only queue
 * its work for later (InsightsService batches it), never block or throw into the turn.
 */
export type TurnObserver = (turn: StoredTurn) => void;

interface LiveSession {
  session: FlowSession;
  logger: Logger;
  turn: number;
  /** The head this process saved last and the store's sessions mark then; while the mark holds, no re-read is needed. */
  saved?: { head: SessionRecord; mark: number };
  /** When it was last remembered (its last turn), for {@link SessionService.evictIdle}. */
  at?: number;
}

const MAX_LIVE_SESSIONS = 20_000;

/**
 * The id of the session a keyed start creates: a hash of the token that sent it and its key, shaped as a UUID, so
 * every process derives the same id and a second start with the key meets the first (issue 22).
 */
export function keyedSessionId(scope: string, key: string): string {
  const hex = createHash('sha256').update(`${scope}\n${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Runs conversations: starts sessions on the live version, feeds input, and stores the snapshot and the
 * new transcript entries of every turn in one transaction before answering, so any process can continue.
 */
export class SessionService {
  readonly #store: FlowStore;
  readonly #compiler: FlowCompiler;
  readonly #logger: Logger;
  readonly #metrics: RuntimeMetrics;
  readonly #secrets: (name: string) => string | undefined;
  readonly #cipher: SnapshotCipher;
  readonly #caps: SessionCaps | undefined;
  readonly #draftSecrets: (name: string) => string | undefined;
  readonly #analyzer: TranscriptAnalyzer;
  readonly #observer: TurnObserver | undefined;
  readonly #previousContacts: PreviousContactsLookup;
  readonly #contactMask: readonly string[] | undefined;
  /** Sessions kept in memory between turns; the stored turn count decides whether one is still current. */
  readonly #live = new Map<string, LiveSession>();
  /** Per-session turn queue: one turn at a time per session in this process. */
  readonly #queues = new Map<string, Promise<unknown>>();
  #inFlight = 0;
  #idle: (() => void)[] = [];

  constructor(deps: {
    store: FlowStore;
    compiler: FlowCompiler;
    logger: Logger;
    metrics: RuntimeMetrics;
    secrets: (name: string) => string | undefined;
    /** The secrets of draft sessions (sandbox values): drafts never touch the real back ends; none when absent. */
    draftSecrets?: (name: string) => string | undefined;
    /** Seals every stored snapshot (sensitive variables are in it in clear). */
    cipher: SnapshotCipher;
    /** Live-session caps that {@link StartSessionRequest.caller} counts against; none when absent. */
    caps?: SessionCaps;
    /** Redacts caller text and scores its sentiment before storage; redaction on, no account patterns by default. */
    analyzer?: TranscriptAnalyzer;
    /** Sees every stored turn (the insights pipeline); none when absent. */
    observer?: TurnObserver;
    /** Counts a caller's contacts since a date (`contact.previousContacts`); every caller is new (0) when absent. */
    previousContacts?: PreviousContactsLookup;
    /** Contact fields masked wherever shown; the engine's default (callerNumber, dialedNumber, customerId) when absent. */
    contactMask?: readonly string[];
  }) {
    this.#observer = deps.observer;
    this.#previousContacts = deps.previousContacts ?? noPreviousContacts;
    this.#contactMask = deps.contactMask;
    this.#caps = deps.caps;
    this.#draftSecrets = deps.draftSecrets ?? (() => undefined);
    this.#store = deps.store;
    this.#compiler = deps.compiler;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics;
    this.#secrets = deps.secrets;
    this.#cipher = deps.cipher;
    this.#analyzer = deps.analyzer ?? new TranscriptAnalyzer({ enabled: true, accountPatterns: [] });
  }

  /** Starts a session on the flow's live version (or its draft) and runs it to the first prompt. */
  async start(request: StartSessionRequest): Promise<SessionTurn> {
    const { idempotency, ...rest } = request;
    if (idempotency === undefined) return this.#admitted(rest);
    const { keyed, scope } = idempotency;
    // The key decides the session id, so a repeat on any process names the same session and finds its first reply.
    const sessionId = keyedSessionId(scope, keyed.key);
    return this.#serialize(sessionId, async () => {
      const earlier = await this.#repeated(sessionId, keyed);
      if (earlier) return earlier;
      try {
        return await this.#admitted({ ...rest, sessionId }, keyed);
      } catch (error) {
        // The same key started it on another process at the same time (its id is taken): that start's reply is ours.
        const winner = await this.#repeated(sessionId, keyed).catch(() => undefined);
        if (winner) return winner;
        throw error;
      }
    });
  }

  /** A start counted against its caller's live-session caps, when it has a caller and caps are set. */
  async #admitted(request: StartSessionRequest, keyed?: KeyedInput): Promise<SessionTurn> {
    if (request.caller === undefined || this.#caps === undefined) return this.#start(request, keyed);
    const sessionId = request.sessionId ?? randomUUID();
    // A second start under a counted id (a voice call repeating a CallSid) would release the first one's slot on failing.
    if (await this.#caps.counts(sessionId))
      throw new ApiError(409, {
        code: 'SESSION_EXISTS',
        message: `Session "${sessionId}" is already live; start the call with a new CallSid.`,
        pointer: '',
      });
    await this.#caps.admit(request.caller, sessionId);
    try {
      const turn = await this.#start({ ...request, sessionId }, keyed);
      if (turn.status === 'ended') await this.#caps.release(sessionId);
      return turn;
    } catch (error) {
      await this.#caps.release(sessionId);
      throw error;
    }
  }

  async #start(request: StartSessionRequest, keyed?: KeyedInput): Promise<SessionTurn> {
    return this.#track(request.channel, async () => {
      const flow = await this.#store.getFlow(request.flowId);
      if (!flow) throw ApiError.notFound('flow', request.flowId);
      let compiled: CompiledFlow;
      let version = 0;
      if (request.draft) {
        compiled = await this.#compiler.draft(flow.draft);
      } else {
        if (flow.liveVersion === null) {
          throw new ApiError(409, {
            code: 'NOT_PUBLISHED',
            message: `Flow "${flow.id}" has no published version yet; publish it first.`,
            pointer: '/flowId',
          });
        }
        version = flow.liveVersion;
        compiled =
          request.startNodeId === undefined
            ? await this.#compiler.version(flow.id, version)
            : await this.#compiler.fromNode(flow.id, version, request.startNodeId);
      }
      assertKnownLocale(compiled.flow.locales, request.locale);
      const sessionId = request.sessionId ?? randomUUID();
      const logger = this.#logger.child({ sessionId, flowId: flow.id, version });
      const contact = await contactFacts(request.contact, this.#previousContacts, logger);
      const { session, turn } = await FlowSession.start(compiled, {
        sessionId,
        channel: request.channel,
        ...(request.locale ? { locale: request.locale } : {}),
        variables: withLegacyCallerNumber(request.callerData, request.contact, compiled),
        contact,
        ...this.#contactOptions(),
        secrets: request.draft ? this.#draftSecrets : this.#secrets,
        logger,
        transcript: this.#storedTranscript(sessionId),
        ...this.#redaction(),
      });
      const snapshot = session.snapshot();
      const entries = this.#analyzer.annotate(turn.transcript, snapshot.locale);
      const outputs = this.#analyzer.forward(turn.outputs, snapshot.locale);
      const reply: SessionTurn = {
        sessionId,
        flowId: flow.id,
        version,
        channel: request.channel,
        locale: snapshot.locale,
        status: turn.status,
        nodeId: turn.nodeId,
        outputs,
        variables: turn.variables,
        contact: turn.contact,
      };
      await this.#store.createSession(
        {
          id: sessionId,
          flowId: flow.id,
          version,
          draftDocument: request.draft ? flow.draft : null,
          channel: request.channel,
          locale: snapshot.locale,
          status: turn.status,
          snapshot: this.#cipher.seal(snapshot, { sessionId, turn: 0 }),
        },
        entries,
        {
          ...(request.contact?.direction ? { direction: request.contact.direction } : {}),
          callerNumber: request.contact?.callerNumber ?? null,
          dialedNumber: request.contact?.dialedNumber ?? null,
          turn: contactTurnOf(turn),
        },
        keyed ? { ...keyed, reply } : undefined,
      );
      this.#observe(reply, entries);
      this.#remember(sessionId, { session, logger, turn: 0 });
      logger.info(
        { channel: request.channel, locale: snapshot.locale, status: turn.status, nodeId: turn.nodeId },
        'session started',
      );
      return reply;
    });
  }

  /**
   * Feeds one caller input; 404 for an unknown session, 409 once it has ended or when another process moved it on.
   * An input with an idempotency key ({@link keyedInput}) runs at most once: a repeat answers the stored reply.
   */
  async input(
    sessionId: string,
    input: InputEvent,
    options: { flowId?: string; keyed?: KeyedInput } = {},
  ): Promise<SessionTurn> {
    const { keyed } = options;
    return this.#serialize(sessionId, async () => {
      const read = await this.#turnHead(sessionId, keyed);
      const record = read?.head;
      if (!record || (options.flowId !== undefined && record.flowId !== options.flowId))
        throw ApiError.notFound('session', sessionId);
      const channel = asChannel(record.channel);
      // Written by this method from a SessionTurn in an earlier turn.
      const repeated = keyed ? (repeatedReply(read?.input, keyed) as SessionTurn | undefined) : undefined;
      if (repeated) return repeated;
      return this.#track(channel, async () => {
        if (record.status === 'ended') {
          throw new ApiError(409, {
            code: 'SESSION_ENDED',
            message: `Session "${sessionId}" has ended; start a new session to talk again.`,
            pointer: '',
          });
        }
        const { session, logger } = await this.#resume(record);
        const turn = await session.send(input);
        const plain = session.snapshot();
        const snapshot = this.#cipher.seal(plain, { sessionId, turn: record.turn + 1 });
        const entries = this.#analyzer.annotate(turn.transcript, turn.locale);
        const reply: SessionTurn = {
          sessionId,
          flowId: record.flowId,
          version: record.version,
          channel,
          // The locale the session now speaks: a language node may have switched it during this turn.
          locale: turn.locale,
          status: turn.status,
          nodeId: turn.nodeId,
          outputs: this.#analyzer.forward(turn.outputs, turn.locale),
          variables: turn.variables,
          contact: turn.contact,
        };
        const write = {
          sessionId,
          expectedTurn: record.turn,
          status: turn.status,
          snapshot,
          entries,
          contact: contactTurnOf(turn, input),
        };
        const saved = await this.#stored(
          () => this.#store.saveTurn(keyed ? { ...write, input: { ...keyed, reply } } : write),
          logger,
        );
        if (!saved.ok) {
          // The same keyed input, sent to another process at the same time, won: its reply is this input's reply.
          const winner = await this.#repeated(sessionId, keyed);
          if (winner) return winner;
          throw new ApiError(409, {
            code: 'SESSION_MOVED_ON',
            message: `Session "${sessionId}" took another turn at the same time; send the input again.`,
            pointer: '',
          });
        }
        if (turn.status === 'ended') await this.#caps?.release(sessionId);
        else this.#caps?.touch(sessionId);
        this.#observe(reply, entries);
        if (turn.status === 'ended') this.#live.delete(sessionId);
        else {
          const head = { ...record, turn: record.turn + 1 };
          this.#remember(sessionId, {
            session,
            logger,
            turn: head.turn,
            ...(saved.mark === undefined ? {} : { saved: { head, mark: saved.mark } }),
          });
        }
        // Debug, not info: a line per turn cost ~5% of a turn's CPU; omniflow_turns_total counts turns per channel.
        if (logger.isLevelEnabled('debug'))
          logger.debug(
            { channel, input: input.type, status: turn.status, nodeId: turn.nodeId, outputs: turn.outputs.length },
            'turn',
          );
        return reply;
      });
    });
  }

  /** The stored reply of a keyed input that was already taken, or `undefined` (also without a key). */
  async #repeated(sessionId: string, keyed: KeyedInput | undefined): Promise<SessionTurn | undefined> {
    if (keyed === undefined) return undefined;
    const stored = await this.#stored(() => this.#store.getInput(sessionId, keyed.key));
    // Written by this method's caller from a SessionTurn in an earlier turn.
    return repeatedReply(stored, keyed) as SessionTurn | undefined;
  }

  /** Ends a session as a hangup; ending an ended session is a 409. */
  async end(sessionId: string, options: { flowId?: string; keyed?: KeyedInput } = {}): Promise<SessionTurn> {
    return this.input(sessionId, { type: 'hangup' }, options);
  }

  /** The stored record of a session; 404 when unknown. */
  async get(sessionId: string): Promise<SessionRecord> {
    const record = await this.#store.getSession(sessionId);
    if (!record) throw ApiError.notFound('session', sessionId);
    return record;
  }

  /** The session's transcript (sensitive values were masked by the engine before storing). */
  async transcript(sessionId: string): Promise<unknown[]> {
    await this.get(sessionId);
    return this.#store.getTranscript(sessionId);
  }

  /** Number of sessions held in memory (for the idle-memory benchmark). */
  get liveCount(): number {
    return this.#live.size;
  }

  /** Resolves once no turn is in flight (graceful shutdown). */
  async drain(): Promise<void> {
    if (this.#inFlight === 0) return;
    await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  /**
   * The session's head and the input stored under the turn's key: from memory while the store vouches for it
   * ({@link SessionService.#currentHead}), else in one read of the store.
   */
  async #turnHead(
    sessionId: string,
    keyed: KeyedInput | undefined,
  ): Promise<{ head: SessionRecord; input?: StoredInput } | undefined> {
    const cached = this.#currentHead(sessionId);
    if (cached === undefined) return this.#stored(() => this.#store.getTurnHead(sessionId, keyed?.key));
    const input = keyed ? await this.#stored(() => this.#store.getInput(sessionId, keyed.key)) : undefined;
    return input ? { head: cached, input } : { head: cached };
  }

  /**
   * The head of a session kept in memory when the store vouches that nothing changed it since this process saved it
   * (SQLite: no other connection committed, no expiry or deletion), so a turn skips reading it. Otherwise `undefined`
   * and the turn reads the head from the store: a session never runs on a snapshot another process moved on from.
   */
  #currentHead(sessionId: string): SessionRecord | undefined {
    const saved = this.#live.get(sessionId)?.saved;
    if (saved === undefined || this.#store.sessionsMark === undefined) return undefined;
    return this.#store.sessionsMark() === saved.mark ? saved.head : undefined;
  }

  /**
   * The in-memory session if it is at the stored turn, else one restored from the stored snapshot. Either way it
   * leaves the cache: a turn mutates it, and only a turn the store confirmed puts it back (no ghost turns, issue 22).
   */
  async #resume(head: SessionRecord): Promise<LiveSession> {
    const live = this.#live.get(head.id);
    this.#live.delete(head.id);
    if (live && live.turn === head.turn) return live;
    const record = await this.#stored(() => this.get(head.id));
    const logger = this.#logger.child({ sessionId: record.id, flowId: record.flowId, version: record.version });
    const compiled = record.draftDocument
      ? await this.#compiler.draft(record.draftDocument)
      : await this.#compiler.version(record.flowId, record.version);
    let stored: unknown;
    try {
      stored = this.#cipher.open(record.snapshot, { sessionId: record.id, turn: record.turn });
    } catch (error) {
      if (!(error instanceof SnapshotUnreadableError)) throw error;
      this.#live.delete(record.id);
      logger.warn({ reason: error.message }, 'stored session snapshot cannot be opened');
      throw new ApiError(410, {
        code: 'SESSION_UNREADABLE',
        message: `Session "${record.id}" cannot be resumed: ${error.message} Start a new session.`,
        pointer: '',
      });
    }
    const session = FlowSession.restore(compiled, snapshotOf(stored), {
      sessionId: record.id,
      channel: asChannel(record.channel),
      locale: record.locale,
      secrets: record.draftDocument ? this.#draftSecrets : this.#secrets,
      logger,
      transcript: this.#storedTranscript(record.id),
      ...this.#redaction(),
      ...this.#contactOptions(),
    });
    return { session, logger, turn: record.turn };
  }

  /**
   * Every turn's entries are stored with the turn, so a session keeps no transcript in memory: a transfer loads the
   * earlier turns from the store (and resuming a session reads none).
   */
  #storedTranscript(sessionId: string): () => Promise<TranscriptEntry[]> {
    return async () => (await this.#store.getTranscript(sessionId)).filter(isTranscriptEntry);
  }

  /** The session option that redacts caller text, absent when redaction is off (exact optional properties). */
  #redaction(): { redact?: TranscriptRedactor } {
    const redact = this.#analyzer.redact;
    return redact ? { redact } : {};
  }

  #observe(reply: SessionTurn, entries: readonly StoredTranscriptEntry[]): void {
    if (!this.#observer) return;
    const { sessionId, flowId, version, channel, locale, status } = reply;
    try {
      this.#observer({ sessionId, flowId, version, channel, locale, status, entries });
    } catch (error) {
      this.#logger.error({ sessionId, err: String(error) }, 'turn observer failed');
    }
  }

  /** The session options of the contact: its mask and the sentiment scorer of `contact.sentiment`. */
  #contactOptions(): { contactMask?: readonly string[]; sentiment: SentimentScorer } {
    const mask = this.#contactMask;
    return mask === undefined
      ? { sentiment: contactSentimentScorer }
      : { contactMask: mask, sentiment: contactSentimentScorer };
  }

  #remember(sessionId: string, live: LiveSession): void {
    this.#live.delete(sessionId);
    if (this.#live.size >= MAX_LIVE_SESSIONS) {
      const oldest = this.#live.keys().next();
      if (!oldest.done) this.#live.delete(oldest.value);
    }
    this.#live.set(sessionId, { ...live, at: Date.now() });
  }

  /**
   * Drops the in-memory sessions without a turn since `cutoff` (epoch ms): the idle sweeper ends them in the store,
   * and without this the cache kept up to 20,000 ended machines (issue 14: ~200 MB after 20,000 sessions expired).
   * A later turn of one still resumes it from its stored snapshot.
   */
  evictIdle(cutoff: number): number {
    let evicted = 0;
    // Remembering moves a session to the end, so the map runs from the longest idle to the most recent.
    for (const [sessionId, live] of this.#live) {
      if ((live.at ?? 0) >= cutoff) break;
      this.#live.delete(sessionId);
      evicted += 1;
    }
    return evicted;
  }

  /** One store call of a turn: a failure is logged and answered 503 with Retry-After ({@link storeUnavailable}). */
  async #stored<T>(call: () => Promise<T>, logger: Logger = this.#logger): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError)) logger.warn({ err: error }, 'session store failed; the turn was not stored');
      throw storeUnavailable(error);
    }
  }

  async #serialize<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(sessionId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.#queues.set(sessionId, tail);
    void tail.then(() => {
      if (this.#queues.get(sessionId) === tail) this.#queues.delete(sessionId);
    });
    return run;
  }

  async #track<T>(channel: Channel, work: () => Promise<T>): Promise<T> {
    this.#inFlight += 1;
    const stop = this.#metrics.turnSeconds.startTimer({ channel });
    try {
      const result = await work();
      this.#metrics.turns.inc({ channel });
      return result;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) this.#metrics.errors.inc({ kind: 'turn' });
      throw error;
    } finally {
      stop();
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }
}

const PREVIOUS_CONTACTS_TIMEOUT_MS = 2000;

/**
 * The flow's starting variables. Before the contact system variable, the Twilio webhook passed the caller's number
 * as a `callerNumber` variable that only flows declaring it kept; such flows still get it (from
 * `contact.callerNumber`, unless the caller data sets it), others read `contact.callerNumber` instead.
 */
function withLegacyCallerNumber(
  callerData: Record<string, unknown> | undefined,
  contact: ContactInput | undefined,
  compiled: CompiledFlow,
): Record<string, unknown> {
  const variables = { ...callerData };
  // A value the channel also gave as the contact (its numbers and direction, or the attribute of that name) is kept
  // there: it sets a variable only where the flow declares one, without the warning about undeclared caller data.
  for (const [name, value] of Object.entries(variables))
    if (!compiled.info.declared.has(name) && (NUMBER_NAMES.has(name) || contact?.attributes?.[name] === value))
      delete variables[name];
  const number = contact?.callerNumber;
  if (number !== undefined && compiled.info.declared.has('callerNumber') && !('callerNumber' in variables))
    variables['callerNumber'] = number;
  return variables;
}

/**
 * The engine's contact facts for a session start: the channel's input plus the caller's previous contacts, looked up
 * when the number is known. A lookup that fails or is slow counts the caller as new (0) rather than failing the call;
 * the log names neither the number nor anything else about the caller.
 */
async function contactFacts(
  input: ContactInput | undefined,
  lookup: PreviousContactsLookup,
  logger: Logger,
): Promise<ContactFacts> {
  const facts: ContactFacts = { ...input };
  const caller = input?.callerNumber;
  if (caller === undefined) return facts;
  const since = new Date(Date.now() - PREVIOUS_CONTACTS_DAYS * 24 * 3600 * 1000);
  let timer: NodeJS.Timeout | undefined;
  try {
    const count = await Promise.race([
      lookup(caller, since),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${PREVIOUS_CONTACTS_TIMEOUT_MS} ms`)),
          PREVIOUS_CONTACTS_TIMEOUT_MS,
        );
      }),
    ]);
    if (Number.isInteger(count) && count >= 0) facts.previousContacts = count;
    else logger.warn({ answer: typeof count }, 'previous contacts lookup answered no count; the caller reads as new');
  } catch (error) {
    // The error's name only: a store's message may quote the number it was asked about.
    logger.warn(
      { err: error instanceof Error ? error.name : typeof error },
      'previous contacts lookup failed or timed out; the caller reads as new',
    );
  } finally {
    clearTimeout(timer);
  }
  return facts;
}

function asChannel(value: string): Channel {
  if (value === 'dtmf' || value === 'voice' || value === 'chat') return value;
  throw new Error(`Stored session has unknown channel "${value}".`);
}

function isTranscriptEntry(value: unknown): value is TranscriptEntry {
  return typeof value === 'object' && value !== null && 'text' in value && 'from' in value;
}

function snapshotOf(value: unknown): SessionSnapshot {
  if (typeof value === 'object' && value !== null && 'format' in value && 'machine' in value && 'flowHash' in value) {
    // Written by FlowSession.snapshot() on an earlier turn; the engine checks the flow hash on restore.
    return value as SessionSnapshot;
  }
  throw new Error('Stored session snapshot is not an engine snapshot; the sessions table was edited by hand.');
}
