import type { ContactFacts } from '../compile/contactState.ts';
import type { Channel } from '@omniflow/flow-schema';
import type { AnyStateMachine, AnyStateNode, EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { isRecord } from '@omniflow/flow-schema';
import type { CompiledFlow } from '../compile/compiledFlowTypes.ts';

/** Options of {@link walkFlowGraph}. */
export interface WalkFlowGraphOptions {
  channel?: Channel;
  locale?: string;
  /** Caller data the walk starts with. */
  variables?: Record<string, unknown>;
  /** Flow variables an async node's handler answers with on success, by node key (so conditions on them can branch). */
  handlerVariables?: Readonly<Record<string, Record<string, unknown>>>;
  /** Answers an ask node may collect, each sent as a `port.next` with these flow variables (e.g. two PINs that differ). */
  answers?: readonly Record<string, unknown>[];
  /** The contact the walked session starts with (`contact.previousContacts` for a repeat-caller branch). */
  contact?: ContactFacts;
}

/** What {@link walkFlowGraph} found. */
export interface FlowGraphWalk {
  /** Shortest paths, one per distinct resting state reached. */
  paths: number;
  /** Event types along each path, e.g. `xstate.init > port.1 > xstate.done.actor.… `. */
  routes: string[];
  /** Compiled node keys entered on some path, including nodes passed through without input. */
  reached: ReadonlySet<string>;
  /** Compiled node keys no path enters. */
  unreached: string[];
}

/**
 * Enumerates the shortest paths of a compiled flow's machine with `xstate/graph`, driven by every event the machine
 * listens to: each port and global intent, each async node's outcomes (done with every port, error, timeout) and
 * backoff timers. Handlers are not called; their outcomes are events of the walk.
 */
export function walkFlowGraph(compiled: CompiledFlow, options: WalkFlowGraphOptions = {}): FlowGraphWalk {
  const machine: AnyStateMachine = compiled.machine;
  const byNode = walkEvents(compiled, machine, options.handlerVariables ?? {}, options.answers ?? []);
  const intents: EventObject[] = compiled.intents.map(({ intent }) => ({ type: `intent.${intent.id}` }));
  // Only the events the resting node listens to (plus global intents): the walk stays fast on real flows.
  const events = (state: { context: unknown }): EventObject[] => {
    const node = engineStateOf(state.context)['node'];
    return [...(typeof node === 'string' ? (byNode.get(node) ?? []) : []), ...intents];
  };
  const input = {
    channel: options.channel ?? 'dtmf',
    locale: options.locale ?? compiled.info.defaultLocale,
    variables: { ...compiled.info.defaults, ...options.variables },
    startedAt: 0,
    ...(options.contact ? { contact: options.contact } : {}),
  };
  const paths = getShortestPaths(machine, { events, input, serializeState: restingState });
  const reached = new Set<string>();
  for (const path of paths) {
    const engineState = engineStateOf(path.state.context);
    if (typeof engineState['node'] === 'string') reached.add(engineState['node']);
    // Nodes left without input in the same step are counted in `loops` until the next caller input.
    if (isRecord(engineState['loops'])) for (const key of Object.keys(engineState['loops'])) reached.add(key);
  }
  return {
    paths: paths.length,
    routes: paths.map((path) => path.steps.map((step) => step.event.type).join(' > ')),
    reached,
    unreached: [...compiled.tables.nodes.keys()].filter((key) => !reached.has(key)),
  };
}

/** A resting state: where the session is, what it holds and which nodes it just passed through. */
function restingState(state: { value: unknown; status: string; context: unknown }): string {
  const engineState = engineStateOf(state.context);
  const loops = isRecord(engineState['loops']) ? Object.keys(engineState['loops']).toSorted() : [];
  return JSON.stringify([
    state.value,
    state.status,
    engineState['variables'],
    engineState['noInput'],
    engineState['noMatch'],
    engineState['attempt'],
    engineState['confirm'],
    loops,
  ]);
}

/** The engine's state record in a machine context the graph walk hands over untyped (`{}` if there is none). */
function engineStateOf(context: unknown): Record<string, unknown> {
  return isRecord(context) && isRecord(context['state']) ? context['state'] : {};
}

/** Per compiled node key, the events the walk sends while the session rests there. */
function walkEvents(
  compiled: CompiledFlow,
  machine: AnyStateMachine,
  handlerVariables: Readonly<Record<string, Record<string, unknown>>>,
  answers: readonly Record<string, unknown>[],
): Map<string, EventObject[]> {
  const byNode = new Map<string, EventObject[]>();
  for (const node of compiled.tables.nodes.values()) {
    const events: EventObject[] = [];
    byNode.set(node.key, events);
    if (node.behaviour === 'interactive') {
      for (const port of node.edges.keys()) events.push({ type: `port.${port}` });
      if (node.edges.has('next')) {
        for (const variables of answers) {
          const answer = { type: 'port.next', outputs: [], variables };
          events.push(answer);
        }
      }
    }
    if (node.behaviour !== 'async') continue;
    for (const state of descendants(machine.getStateNodeById(node.stateId))) {
      for (const invoked of state.invoke) {
        for (const port of node.ports) {
          const variables = port === 'success' ? (handlerVariables[node.key] ?? {}) : {};
          const done = { type: `xstate.done.actor.${invoked.id}`, output: { port, variables } };
          events.push(done);
        }
        const failed = { type: `xstate.error.actor.${invoked.id}`, error: new Error('walk: handler failed') };
        events.push(failed);
      }
      for (const delayed of state.after) events.push({ type: delayed.eventType });
    }
  }
  return byNode;
}

function descendants(state: AnyStateNode): AnyStateNode[] {
  return [state, ...Object.values(state.states).flatMap((child) => descendants(child))];
}
