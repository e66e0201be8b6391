import type { NodeTypeDefinition } from '@omniflow/flow-schema';
import type { HandlerArgs, HandlerResult } from './handlerTypes.ts';
import type { NodeRuntime } from './nodeRuntime.ts';

/**
 * A node type as the engine runs it: its spec definition (JSON spec, migrations, validation hook — see
 * `defineNodeSpec`), and either an async `handler` (transactions and plugin nodes) or a synchronous `runtime`
 * (built-in flow logic). `Config` defaults to `unknown` so implementations with different configs share one registry.
 */
export interface NodeTypeImplementation<Config = unknown> extends NodeTypeDefinition<Config> {
  /** For `behaviour: 'async'` types: runs with a timeout and an AbortSignal; failures take `error`/`timeout`. */
  handler?(args: HandlerArgs<Config>): Promise<HandlerResult>;
  /** For built-in automatic, interactive, terminal and subflow types. */
  runtime?: NodeRuntime<Config>;
}

/** Declares a node type from its spec and its runtime or handler; built-ins and plugins use this one API. */
export function defineNodeType<Config = Record<string, unknown>>(
  definition: NodeTypeImplementation<Config>,
): NodeTypeImplementation<Config> {
  return definition;
}
