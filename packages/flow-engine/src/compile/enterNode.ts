import { isRecord, type Locale } from '@omniflow/flow-schema';
import type { NodeRuntime, NodeScope } from '../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../session/sessionEvents.ts';
import type { CompiledNode, CompiledTables } from './compiledFlowTypes.ts';
import type { EngineEffect, EngineState } from './engineContext.ts';
import { createNodeScope, type ScopeEnv } from './nodeScope.ts';

/** A caller's input arriving with the entry: a new turn, with the variables its answer set (and a new locale, if it chose one). */
export interface Arrival {
  turn: number;
  variables: Record<string, unknown>;
  locale?: Locale;
}

/**
 * The state after entering a node: the step counters, then the node's own work by behaviour (run an automatic node,
 * ask at an interactive one, end at a terminal one, open a subflow frame). An `arrival` (caller input) starts a new
 * turn, so the per-turn counters start again from it. A runtime that throws is state: the node takes `error`, logged
 * with the node id. What the session must do (outputs, transcript lines, logs) is added to `effects`, in order.
 */
export function enterNode(
  state: EngineState,
  arrival: Arrival | null,
  node: CompiledNode,
  tables: CompiledTables,
  env: ScopeEnv,
  effects: EngineEffect[],
): EngineState {
  const key = node.key;
  // Only nodes that leave without input can form a loop, so only they are counted per turn.
  const counts = node.behaviour !== 'interactive';
  const loops = arrival ? {} : state.loops;
  const variables = arrival ? arrival.variables : state.variables;
  // The whole record in one literal: cheaper than merging the fields entering changes into a copy.
  const entered: EngineState = {
    channel: state.channel,
    locale: arrival?.locale ?? state.locale,
    node: key,
    variables,
    visit: state.visit + 1,
    turn: arrival ? arrival.turn : state.turn,
    startedAt: state.startedAt,
    contact: state.contact,
    steps: arrival ? 1 : state.steps + 1,
    loops: counts ? { ...loops, [key]: (loops[key] ?? 0) + 1 } : loops,
    noInput: 0,
    noMatch: 0,
    confirm: null,
    confirmVariables: null,
    port: null,
    attempt: 0,
    frames: state.frames,
    end: state.end,
    mood: state.mood,
  };
  const runtime = node.impl.runtime;
  if (!runtime || node.behaviour === 'async') return entered;
  // The scope reads the entered state, so a locale switched by the caller's answer applies from this node on.
  const scope = createNodeScope(node, entered, tables, env, variables);
  try {
    runNode(runtime, node, scope, entered, effects);
  } catch (error) {
    const nodeId = node.node.id;
    effects.push({
      kind: 'log',
      level: 'error',
      fields: { nodeId, err: String(error) },
      message: `node "${nodeId}" failed while running: ${String(error)}`,
    });
    effects.push({ kind: 'note', nodeId, text: `node failed: ${String(error)}`, port: 'error' });
    if (node.behaviour === 'terminal' || node.behaviour === 'interactive') {
      // A question or goodbye that cannot be rendered ends the session, with an end event the transport can act on.
      effects.push({ kind: 'output', output: { type: 'end', nodeId, reason: 'error' } });
      entered.end = { reason: 'error' };
    } else {
      entered.port = 'error';
    }
  }
  return entered;
}

/** Runs the node's runtime and records its result in `entered`, the (not yet published) state of the entry. */
function runNode(
  runtime: NodeRuntime<unknown>,
  node: CompiledNode,
  scope: NodeScope,
  entered: EngineState,
  effects: EngineEffect[],
): void {
  const config = node.node.config;
  switch (runtime.kind) {
    case 'automatic': {
      const result = runtime.run(config, scope);
      outputsTo(effects, result.outputs);
      if (result.variables) entered.variables = assignDeclared(node, entered.variables, result.variables, effects);
      entered.port = result.port;
      return;
    }
    case 'interactive':
      outputsTo(effects, runtime.render(config, scope, { reason: 'enter', attempt: 0 }));
      return;
    case 'terminal': {
      const result = runtime.run(config, scope);
      outputsTo(effects, result.outputs);
      if (node.parent !== null && result.end.reason === 'completed') {
        // An end node inside a subflow returns to the caller instead of ending the session.
        entered.port = result.end.outcome === 'error' ? 'error' : 'next';
        return;
      }
      if (result.transfer)
        effects.push({
          kind: 'transfer',
          nodeId: node.node.id,
          transfer: result.transfer,
          variables: entered.variables,
        });
      effects.push({ kind: 'output', output: { type: 'end', nodeId: node.node.id, ...result.end } });
      entered.end = result.end;
      return;
    }
    case 'subflow': {
      const inputs = runtime.inputs(config, scope);
      entered.frames = [...entered.frames, { node: node.key, variables: entered.variables }];
      entered.variables = { ...childDefaults(node), ...inputs };
      return;
    }
    case 'async':
      return;
  }
}

function childDefaults(node: CompiledNode): Record<string, unknown> {
  return { ...node.child?.defaults };
}

/** Copies values into declared variables only; undeclared names are dropped, with a log effect each. */
export function assignDeclared(
  node: CompiledNode,
  variables: Record<string, unknown>,
  values: Readonly<Record<string, unknown>>,
  effects: EngineEffect[],
): Record<string, unknown> {
  const next = { ...variables };
  for (const [name, value] of Object.entries(values)) {
    if (node.flow.declared.has(name)) next[name] = value;
    else
      effects.push({
        kind: 'log',
        level: 'warn',
        fields: { nodeId: node.node.id, variable: name },
        message: `node "${node.node.id}" set undeclared variable "${name}"; declare it in the flow's variables`,
      });
  }
  return next;
}

/** Adds an output effect per output, in order. */
export function outputsTo(effects: EngineEffect[], outputs: readonly OutputEvent[] | undefined): void {
  if (outputs) for (const output of outputs) effects.push({ kind: 'output', output });
}

/** Whether a value is a variables record from an event payload. */
export function isVariables(value: unknown): value is Record<string, unknown> {
  return isRecord(value);
}
