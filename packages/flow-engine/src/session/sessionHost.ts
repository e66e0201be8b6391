import type { HandlerLogger } from '../nodeTypes/handlerTypes.ts';
import type { EngineState } from '../compile/engineContext.ts';
import type { CompiledTables } from '../compile/compiledFlowTypes.ts';
import type { OutputEvent, TranscriptEntry } from './sessionEvents.ts';

/**
 * The per-session side of the machine: where a running machine's named actions send outputs and transcript
 * lines, and where handlers find secrets, the clock and the logger. Looked up by the actor system, so
 * the compiled machine itself stays shared and free of session state.
 */
export interface SessionHost {
  sessionId: string;
  tables: CompiledTables;
  now(): number;
  /** The session's live state (handlers read variables from it). */
  state(): EngineState;
  output(event: OutputEvent): void;
  /** Adds a `system` transcript line (a port taken, an error). */
  note(nodeId: string, text: string, port?: string): void;
  logger: HandlerLogger;
  secret(name: string): string | undefined;
  /**
   * The caller port event whose effects were applied last: an event is seen again by every node entered in its
   * (synchronous) macrostep, and a new caller event replaces it. Kept per session, so a collected value in its
   * variables is never held past the session.
   */
  appliedInput: object | null;
  /** Masked variables and the transcript so far (without earlier turns a host keeps: added once the turn ends), for a transfer output. */
  transferContext(variables: Readonly<Record<string, unknown>>): { variables: Record<string, unknown>; transcript: TranscriptEntry[] };
}

const hosts = new WeakMap<object, SessionHost>();
let constructing: SessionHost | undefined;

/**
 * Creates an actor with its session host attached. xstate runs the initial state's entry assignments
 * inside `createActor`, before the actor's system can be keyed, so the host is also reachable while
 * the (synchronous) constructor runs.
 */
export function createWithHost<T extends { system: object }>(host: SessionHost, create: () => T): T {
  constructing = host;
  try {
    const actor = create();
    hosts.set(actor.system, host);
    return actor;
  } finally {
    constructing = undefined;
  }
}

/** The host attached to an actor system, or `undefined` for a machine run outside a session (graph walks). */
export function hostOf(system: object): SessionHost | undefined {
  return hosts.get(system) ?? constructing;
}
