import type { Channel, ContactSentimentTrend, Locale } from '@omniflow/flow-schema';
import { startContact, type ContactChanges, type ContactFacts, type ContactState } from './contactState.ts';
import type { EndReason, OutputEvent } from '../session/sessionEvents.ts';
import type { SessionHost } from '../session/sessionHost.ts';
import type { TerminalResult } from '../nodeTypes/nodeRuntime.ts';
import type { CallerMood } from '../escalation/callerMood.ts';

/** A parent flow's variables saved while an inlined subflow runs. */
export interface SubflowFrame {
  node: string;
  variables: Record<string, unknown>;
}

/**
 * Where a session is and what it has collected: everything it needs to resume, kept small because it is persisted
 * with every snapshot. Node keys are compiled state keys (`node` or `subflowNode/childNode`).
 */
export interface EngineState {
  channel: Channel;
  locale: Locale;
  /** The node the session is at. */
  node: string;
  variables: Record<string, unknown>;
  /** Node entries since the session started: the `visit` part of handler idempotency keys. */
  visit: number;
  /** Caller turns so far. */
  turn: number;
  startedAt: number;
  /** The read-only `contact` of the session: facts known at start, the verified customer, recent sentiment. */
  contact: ContactState;
  /** Node entries since the last caller input (the per-turn step guard). */
  steps: number;
  /** Entries per node since the last caller input (the same-node loop guard). */
  loops: Record<string, number>;
  /** Retries used at the current interactive node. */
  noInput: number;
  noMatch: number;
  /** Port awaiting the caller's yes after a low-confidence recognition, or null. */
  confirm: string | null;
  /** Variables the answer awaiting confirmation sets on yes (an ask's slot value), or null. */
  confirmVariables: Record<string, unknown> | null;
  /** Port chosen by the last automatic or async node. */
  port: string | null;
  /** Attempts used at the current async node. */
  attempt: number;
  frames: SubflowFrame[];
  end: { reason: EndReason; outcome?: string } | null;
  /**
   * The caller's mood so far (issue 17): sentiment, the no-match run, escalations fired. `undefined` reads as calm, so a
   * session whose caller has not spoken (and every snapshot stored before moods were kept) persists without one.
   */
  mood: CallerMood | undefined;
}

/**
 * The machine context. Only `state` is the session's state, persisted: one {@link EngineState} record, replaced whole by
 * every action that changes it (the engine builds each new record as one object literal: a node entry changes most of
 * its fields anyway). The host and the effects are left out of persisted snapshots (see FlowSession).
 */
export interface EngineContext {
  state: EngineState;
  /** The running session's dependencies (passed as input), or null for a machine run without a session (graph walks). */
  host: SessionHost | null;
  /**
   * What the last assignment asked the session to do, as data; the `emitEffects` action that follows it emits them.
   * Computing a node's outputs and its next state is one step (a node's runtime answers both), so it is one `assign`.
   */
  effects: EngineEffect[];
}

/** What a session starts its machine with. */
export interface EngineInput {
  channel: Channel;
  locale: Locale;
  variables: Record<string, unknown>;
  startedAt: number;
  /** The session id (`contact.id`); none for a machine run without a session (graph walks). */
  sessionId?: string;
  /** What the channel knows about the contact. */
  contact?: ContactFacts;
  host?: SessionHost;
}

/** What a machine action asks its session to do; the machine itself has no side effects. */
export type EngineEffect =
  /** Send an output to the caller (and the transcript). */
  | { kind: 'output'; output: OutputEvent }
  /** Send a transfer output, once the session has added the masked variables and the transcript so far. */
  | {
      kind: 'transfer';
      nodeId: string;
      transfer: NonNullable<TerminalResult['transfer']>;
      variables: Record<string, unknown>;
    }
  /** Add a `system` transcript line (a port taken, an error). */
  | { kind: 'note'; nodeId: string; text: string; port?: string }
  /** Log a problem the flow's author can fix. */
  | { kind: 'log'; level: 'warn' | 'error'; fields: Record<string, unknown>; message: string };

/** The one event the machine emits: the effects of one action, in order (see `actor.on('effects', …)`). */
export interface EngineEmitted {
  type: 'effects';
  effects: EngineEffect[];
}

/** Why an interactive node asks again. */
export type RetryReason = 'noInput' | 'noMatch' | 'invalid' | 'repeat' | 'ignored';

/** Events the session sends to the machine. */
export type EngineEvent =
  /** Leave the current interactive node by a port, after setting variables and saying `outputs`; `locale` switches the session's. */
  | { type: `port.${string}`; variables?: Record<string, unknown>; outputs?: OutputEvent[]; locale?: Locale }
  /** Ask again at the current interactive node. */
  | { type: 'retry'; reason: RetryReason; outputs?: OutputEvent[] }
  /** Ask the caller to confirm a low-confidence match before taking `port`. */
  | { type: 'confirm'; port: string; outputs: OutputEvent[]; variables?: Record<string, unknown> }
  /** A global intent matched: jump to its target. */
  | { type: `intent.${string}` }
  /** The caller's mood after this turn's input, sent before the turn's own event so the nodes it enters see it. */
  | { type: 'mood'; mood: CallerMood }
  /** An escalation rule fired: go to its node or transfer to its queue. */
  | { type: `escalate.${string}` }
  /** End the session now (hang-up, max turns, max duration). */
  | { type: 'end'; reason: EndReason }
  /** The caller's last turns were scored (`contact.sentiment`, `contact.sentimentTrend`); sent before the turn's own event. */
  | { type: 'sentiment'; moods: number[]; trend: ContactSentimentTrend };

/** The result an async node's promise actor resolves with (already checked against the node's ports). */
export interface AsyncOutcome {
  port: string;
  variables: Record<string, unknown>;
  /** What the handler set on the contact (a verified customer). */
  contact?: ContactChanges;
}

/** The state a session starts in, at its start node before entering it. */
export function startState(input: EngineInput, node: string): EngineState {
  const { channel, locale, variables, startedAt } = input;
  const contact = startContact(input.sessionId ?? '', input.contact);
  // Fields in the order of every other state literal (enterNode), so all states share one object shape.
  return {
    channel,
    locale,
    node,
    variables,
    visit: 0,
    turn: 0,
    startedAt,
    contact,
    steps: 0,
    loops: {},
    noInput: 0,
    noMatch: 0,
    confirm: null,
    confirmVariables: null,
    port: null,
    attempt: 0,
    frames: [],
    end: null,
    mood: undefined,
  };
}

const witnessInput: EngineInput = { channel: 'chat', locale: '', variables: {}, startedAt: 0 };

/** Type witnesses for `setup({ types })`: real values of the declared types, so no casts are needed. */
export const engineTypes: { context: EngineContext; events: EngineEvent; input: EngineInput; emitted: EngineEmitted } =
  {
    context: { state: startState(witnessInput, ''), host: null, effects: [] },
    events: { type: 'end', reason: 'completed' },
    input: witnessInput,
    emitted: { type: 'effects', effects: [] },
  };
