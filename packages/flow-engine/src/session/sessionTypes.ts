import type { Channel, ContactSentimentTrend, Locale } from '@omniflow/flow-schema';
import type { ContactFacts } from '../compile/contactState.ts';
import type { Snapshot } from 'xstate';
import type { HandlerLogger } from '../nodeTypes/handlerTypes.ts';
import type { IntentMatcher } from '../matching/IntentMatcher.ts';
import type { OutputEvent, TranscriptEntry } from './sessionEvents.ts';

/** A clock: `now()` for timestamps and durations; with `setTimeout`/`clearTimeout` it also drives handler timeouts. */
export interface SessionClock {
  now(): number;
  setTimeout?(fn: () => void, ms: number): unknown;
  clearTimeout?(id: unknown): void;
}

/** How a session is started or restored. */
export interface FlowSessionOptions {
  sessionId: string;
  channel: Channel;
  locale?: Locale;
  /** Caller data (e.g. a campaign row's fields); only declared variables are kept. */
  variables?: Record<string, unknown>;
  /** What the channel knows about the contact, read by the flow as `contact.*` (ignored on restore: the snapshot has it). */
  contact?: ContactFacts;
  /** Contact fields shown masked in prompts, turn results and transfers; callerNumber, dialedNumber, customerId by default. */
  contactMask?: readonly string[];
  /** Scores each typed or spoken caller turn, for `contact.sentiment` and `contact.sentimentTrend`; none: they stay null/stable. */
  sentiment?: SentimentScorer;
  secrets?: (name: string) => string | undefined;
  logger?: HandlerLogger;
  clock?: SessionClock;
  intentMatcher?: IntentMatcher;
  /**
   * The transcript of earlier turns (kept outside the snapshot), which transfers carry: the entries themselves, kept
   * in memory with every new one; or, for a host that stores each turn's entries anyway, a function that loads them
   * when a transfer needs them (the session then keeps none).
   */
  transcript?: TranscriptEntry[] | TranscriptLoader;
  /**
   * Rewrites caller input and spoken prompts before they are recorded (transcript, transfer payloads), e.g. card
   * numbers to `[CARD]`; the flow still matches and stores what the caller said. None: recorded as heard.
   */
  redact?: TranscriptRedactor;
}

/** Scores a caller's turn for the contact's sentiment (the runtime uses @omniflow/analytics). */
export interface SentimentScorer {
  /** The turn's sentiment in −1..1, or null when the text carries none. */
  score(text: string, locale: Locale): number | null;
  /** Where the scores of the last turns (oldest first) are heading. */
  trend(scores: readonly number[]): ContactSentimentTrend;
}

/** Rewrites a caller's free text (typed, spoken or keyed) for the record, in the session's current locale. */
export type TranscriptRedactor = (text: string, locale: Locale) => string;

/** Loads the transcript of a session's earlier turns, oldest first. */
export type TranscriptLoader = () => Promise<readonly TranscriptEntry[]>;

/** What one turn produced. */
export interface TurnResult {
  outputs: OutputEvent[];
  /** Entries added this turn. */
  transcript: TranscriptEntry[];
  status: 'active' | 'ended';
  /** The node now waiting for input, or null once ended. */
  nodeId: string | null;
  /** Flow variables, sensitive ones masked. */
  variables: Record<string, unknown>;
  /** The `contact` system variable as the flow reads it, its sensitive fields masked. */
  contact: Record<string, unknown>;
  /** The session's locale after the turn (a language node may have switched it). */
  locale: Locale;
  /** Set when the input could not be taken (e.g. the session has ended). */
  error?: string;
}

/** A session's persisted state: plain JSON, small, without the transcript. */
export interface SessionSnapshot {
  /** 2 since the machine context holds the session's state as one record; `FlowSession.restore` also takes format 1. */
  format: 2;
  flowId: string;
  /** The compiled flow version's hash; restoring into another version is refused. */
  flowHash: string;
  sessionId: string;
  channel: Channel;
  locale: Locale;
  machine: Snapshot<unknown>;
}

/** A snapshot written before format 2, whose machine context was the state record itself; restoring migrates it. */
export interface LegacySessionSnapshot extends Omit<SessionSnapshot, 'format'> {
  format: 1;
}
