import type { Channel, Locale } from '@omniflow/flow-schema';

/** A minimal structured logger handed to handlers (pino-compatible shape). */
export interface HandlerLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** What an async node handler (transaction, HTTP, plugin node) is given for one call. */
export interface HandlerArgs<Config = Record<string, unknown>> {
  /** The node's config, already migrated and validated against the node type's schema. */
  config: Config;
  /** Values of the flow variables at the time of the call (sensitive ones in clear: handle with care). */
  variables: Readonly<Record<string, unknown>>;
  /** Arguments evaluated from the node's `args` expressions (transaction nodes), else empty. */
  args: Readonly<Record<string, unknown>>;
  /** Looks up a named secret supplied by runtime configuration; never put the value in a result or log. */
  secret(name: string): string | undefined;
  /**
   * The runtime's outbound HTTP: use it (not the global `fetch`) for every call, so the runtime can refuse private
   * addresses and destinations a secret may not reach. Absent outside a runtime (tests, simulations).
   */
  fetch?: (input: string | URL, init?: RequestInit) => Promise<Response>;
  /** Aborted when the node's timeout passes or the session ends. Pass it to every external call. */
  signal: AbortSignal;
  logger: HandlerLogger;
  /** `session:node:visit` — stable across a crash-restart re-run; send it to back ends as the idempotency key. */
  idempotencyKey: string;
  session: { id: string; channel: Channel; locale: Locale };
}

/** What a handler answers: the port to take (default `success`) and variables to set. */
export interface HandlerResult {
  port?: string;
  variables?: Record<string, unknown>;
  /**
   * What the handler establishes about the contact, read by the flow as `contact.*`: only `customerId`, set by a
   * successful verification (a non-empty string of at most 128 characters; anything else takes the `error` port).
   */
  contact?: { customerId: string };
}

/** An async node handler. Throwing, hanging past the timeout or naming an unknown port takes `error`/`timeout`. */
export type NodeHandler<Config = Record<string, unknown>> = (args: HandlerArgs<Config>) => Promise<HandlerResult>;
