import type { Snapshot } from 'xstate';
import type { HandlerLogger } from '../nodeTypes/handlerTypes.ts';
import type { EngineState } from '../compile/engineContext.ts';
import { isRecord } from '@omniflow/flow-schema';

/** What {@link SessionHost} is built from. */
export interface SessionHostParts {
  sessionId: string;
  now(): number;
  /** The session's live state (handlers read variables from it). */
  state(): EngineState;
  /** Adds a `system` transcript line (a handler that failed). */
  note(nodeId: string, text: string, port?: string): void;
  logger: HandlerLogger;
  secret(name: string): string | undefined;
  /** Contact fields shown masked (prompts, turn results, transfers). */
  contactMask: ReadonlySet<string>;
}

/**
 * The per-session dependencies of a running machine (clock, secrets, logger, transcript notes), passed to the actor
 * as input and kept in its context, so the compiled machine stays shared; a class, so that an invoked handler that
 * finds it in its session's context can tell it from any other value. FlowSession leaves it out of persisted snapshots.
 */
export class SessionHost implements SessionHostParts {
  readonly sessionId: string;
  readonly now: () => number;
  readonly state: () => EngineState;
  readonly note: (nodeId: string, text: string, port?: string) => void;
  readonly logger: HandlerLogger;
  readonly secret: (name: string) => string | undefined;
  readonly contactMask: ReadonlySet<string>;

  constructor(parts: SessionHostParts) {
    this.contactMask = parts.contactMask;
    this.sessionId = parts.sessionId;
    this.now = parts.now;
    this.state = parts.state;
    this.note = parts.note;
    this.logger = parts.logger;
    this.secret = parts.secret;
  }
}

/** The `systemId` of a session's root actor: how a handler invoked by the machine finds its session's host. */
export const SESSION_SYSTEM_ID = 'flowSession';

/** A machine's persisted snapshot without what its context holds for the running actor only (the host, the last effects): plain JSON. */
export function storedSnapshot(persisted: Snapshot<unknown>): Snapshot<unknown> {
  if (!('context' in persisted) || !isRecord(persisted.context)) return persisted;
  const { host: _host, effects: _effects, ...context } = persisted.context;
  const stored = { ...persisted, context };
  return stored;
}

/** A stored machine snapshot with a session's host (and no effects yet) back in its context, to restore the actor from. */
export function runnableSnapshot(stored: Snapshot<unknown>, host: SessionHost): Snapshot<unknown> {
  if (!('context' in stored) || !isRecord(stored.context)) return stored;
  const runnable = { ...stored, context: { ...stored.context, host, effects: [] } };
  return runnable;
}
