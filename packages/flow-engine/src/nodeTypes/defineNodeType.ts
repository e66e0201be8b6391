import type { NodeConfigMigration, NodeTypeSpec } from '@omniflow/flow-schema';
import type { HandlerArgs, HandlerResult } from './handlerTypes.ts';
import type { NodeRuntime } from './nodeRuntime.ts';

/**
 * A node type as the engine runs it: the JSON spec (served to the designer), config migrations, and either
 * an async `handler` (transactions and plugin nodes) or a synchronous `runtime` (built-in flow logic).
 * `Config` defaults to `unknown` so implementations with different config types share one registry.
 */
export interface NodeTypeImplementation<Config = unknown> {
  spec: NodeTypeSpec;
  migrations?: NodeConfigMigration[];
  /** For `behaviour: 'async'` types: runs with a timeout and an AbortSignal; failures take `error`/`timeout`. */
  handler?(args: HandlerArgs<Config>): Promise<HandlerResult>;
  /** For built-in automatic, interactive, terminal and subflow types. */
  runtime?: NodeRuntime<Config>;
}

/** Declares a node type; built-ins and plugins use this one API. */
export function defineNodeType<Config = Record<string, unknown>>(
  definition: NodeTypeImplementation<Config>,
): NodeTypeImplementation<Config> {
  return definition;
}
