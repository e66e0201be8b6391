import { isRecord } from '@omniflow/flow-schema';
import type { HandlerArgs, HandlerResult, NodeHandler } from '../nodeTypes/handlerTypes.ts';
import type { SessionHost } from '../session/sessionHost.ts';
import type { CompiledNode, CompiledTables } from './compiledFlowTypes.ts';
import type { AsyncOutcome } from './engineContext.ts';
import { createNodeScope, resolveLocale } from './nodeScope.ts';
import { readContactChanges } from './contactState.ts';

/**
 * Calls an async node's handler once and normalises what comes back: a throw, a rejected promise, a
 * non-object result or a port the node does not have all become the `error` port with a log line.
 */
export async function callNodeHandler(
  node: CompiledNode,
  tables: CompiledTables,
  host: SessionHost,
  signal: AbortSignal,
): Promise<AsyncOutcome> {
  const state = host.state();
  const nodeId = node.node.id;
  const fail = (reason: string): AsyncOutcome => {
    host.logger.error({ nodeId, reason }, `node "${nodeId}" took its error port: ${reason}`);
    host.note(nodeId, reason, 'error');
    return { port: 'error', variables: {} };
  };
  const runtime = node.impl.runtime?.kind === 'async' ? node.impl.runtime : undefined;
  const handler: NodeHandler | undefined = runtime
    ? runtime.handler(node.node.config, tables.handlers)
    : node.impl.handler?.bind(node.impl);
  if (!handler) return fail(`no handler registered for node type "${node.node.type}"${handlerName(node)}`);
  let result: unknown;
  try {
    const scope = createNodeScope(node, state, tables, host);
    const args: HandlerArgs = {
      config: node.node.config,
      variables: state.variables,
      args: runtime?.args ? runtime.args(node.node.config, scope) : {},
      secret: host.secret,
      signal,
      logger: host.logger,
      idempotencyKey: `${host.sessionId}:${nodeId}:${state.visit}`,
      session: { id: host.sessionId, channel: state.channel, locale: resolveLocale(node.flow, state.locale) },
    };
    result = await handler(args);
  } catch (error) {
    return fail(`handler threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (signal.aborted) return { port: 'timeout', variables: {} };
  if (!isHandlerResult(result)) return fail(`handler returned ${describe(result)} instead of { port?, variables? }`);
  const port = result.port ?? 'success';
  if (!node.ports.has(port))
    return fail(`handler returned unknown port "${port}" (known: ${[...node.ports].join(', ')})`);
  const variables = runtime?.results ? runtime.results(node.node.config, result) : (result.variables ?? {});
  if (result.contact === undefined) return { port, variables };
  const contact = readContactChanges(result.contact);
  if (!contact.ok) return fail(`handler returned a bad contact: ${contact.reason}`);
  return { port, variables, contact: contact.changes };
}

function isHandlerResult(value: unknown): value is HandlerResult {
  if (!isRecord(value)) return false;
  if (value.port !== undefined && typeof value.port !== 'string') return false;
  return value.variables === undefined || isRecord(value.variables);
}

function handlerName(node: CompiledNode): string {
  const name = node.node.config.handler;
  return typeof name === 'string' ? ` (handler "${name}")` : '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object with bad fields' : `a ${typeof value}`;
}
