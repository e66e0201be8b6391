import type { NodeRuntime, NodeScope } from '../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../session/sessionEvents.ts';
import type { SessionHost } from '../session/sessionHost.ts';
import type { CompiledNode, CompiledTables } from './compiledFlowTypes.ts';
import type { EngineContext } from './engineContext.ts';
import { createNodeScope, isRecord } from './nodeScope.ts';

/** A caller's input arriving with the entry: a new turn, with the variables its answer set. */
export interface Arrival {
  turn: number;
  variables: Record<string, unknown>;
}

/**
 * The context update for entering a node: the step counters, then the node's own work by behaviour
 * (run an automatic node, ask at an interactive one, end at a terminal one, open a subflow frame).
 * An `arrival` (caller input) starts a new turn, so the per-turn counters start again from it.
 * A runtime that throws is state: the node takes `error`, logged with the node id.
 */
export function enterNode(context: EngineContext, arrival: Arrival | null, node: CompiledNode, tables: CompiledTables, host: SessionHost | undefined): Partial<EngineContext> {
  const key = node.key;
  // Only nodes that leave without input can form a loop, so only they are counted per turn.
  const counts = node.behaviour !== 'interactive';
  const loops = arrival ? {} : context.loops;
  // Only what entering changes: xstate merges it into the context, so a node entry copies the context once.
  const entered: Partial<EngineContext> = {
    node: key,
    visit: context.visit + 1,
    steps: arrival ? 1 : context.steps + 1,
    loops: counts ? { ...loops, [key]: (loops[key] ?? 0) + 1 } : loops,
    noInput: 0,
    noMatch: 0,
    confirm: null,
    confirmVariables: null,
    attempt: 0,
    port: null,
  };
  const variables = arrival ? arrival.variables : context.variables;
  if (arrival) {
    entered.turn = arrival.turn;
    entered.variables = variables;
  }
  const runtime = node.impl.runtime;
  if (!runtime || node.behaviour === 'async') return entered;
  const scope = createNodeScope(node, context, tables, host ? host.now : Date.now, variables);
  try {
    return Object.assign(entered, runNode(runtime, node, scope, variables, context.frames, host));
  } catch (error) {
    host?.logger.error({ nodeId: node.node.id, err: String(error) }, `node "${node.node.id}" failed while running: ${String(error)}`);
    host?.note(node.node.id, `node failed: ${String(error)}`, 'error');
    if (node.behaviour === 'terminal' || node.behaviour === 'interactive') {
      // A question or goodbye that cannot be rendered ends the session, with an end event the transport can act on.
      host?.output({ type: 'end', nodeId: node.node.id, reason: 'error' });
      return { ...entered, end: { reason: 'error' } };
    }
    return { ...entered, port: 'error' };
  }
}

function runNode(
  runtime: NodeRuntime<unknown>,
  node: CompiledNode,
  scope: NodeScope,
  variables: Record<string, unknown>,
  frames: EngineContext['frames'],
  host: SessionHost | undefined,
): Partial<EngineContext> {
  const config = node.node.config;
  switch (runtime.kind) {
    case 'automatic': {
      const result = runtime.run(config, scope);
      emitAll(host, result.outputs);
      return result.variables ? { port: result.port, variables: assignDeclared(node, variables, result.variables, host) } : { port: result.port };
    }
    case 'interactive':
      emitAll(host, runtime.render(config, scope, { reason: 'enter', attempt: 0 }));
      return {};
    case 'terminal': {
      const result = runtime.run(config, scope);
      emitAll(host, result.outputs);
      if (node.parent !== null && result.end.reason === 'completed') {
        // An end node inside a subflow returns to the caller instead of ending the session.
        return { port: result.end.outcome === 'error' ? 'error' : 'next' };
      }
      if (result.transfer && host) {
        host.output({ type: 'transfer', nodeId: node.node.id, ...result.transfer, ...host.transferContext(variables) });
      }
      host?.output({ type: 'end', nodeId: node.node.id, ...result.end });
      return { end: result.end };
    }
    case 'subflow': {
      const inputs = runtime.inputs(config, scope);
      return {
        frames: [...frames, { node: node.key, variables }],
        variables: { ...childDefaults(node), ...inputs },
      };
    }
    case 'async':
      return {};
  }
}

function childDefaults(node: CompiledNode): Record<string, unknown> {
  return { ...node.child?.defaults };
}

/** Copies values into declared variables only; undeclared names are logged and dropped. */
export function assignDeclared(
  node: CompiledNode,
  variables: Record<string, unknown>,
  values: Readonly<Record<string, unknown>>,
  host: SessionHost | undefined,
): Record<string, unknown> {
  const next = { ...variables };
  for (const [name, value] of Object.entries(values)) {
    if (node.flow.declared.has(name)) next[name] = value;
    else host?.logger.warn({ nodeId: node.node.id, variable: name }, `node "${node.node.id}" set undeclared variable "${name}"; declare it in the flow's variables`);
  }
  return next;
}

/** Sends each output to the session host (no-op outside a session). */
export function emitAll(host: SessionHost | undefined, outputs: readonly OutputEvent[] | undefined): void {
  if (!host || !outputs) return;
  for (const output of outputs) host.output(output);
}

/** Whether a value is a variables record from an event payload. */
export function isVariables(value: unknown): value is Record<string, unknown> {
  return isRecord(value);
}
