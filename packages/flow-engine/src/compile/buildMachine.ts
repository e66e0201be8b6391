import type { CompiledIntent, CompiledNode, CompiledTables } from './compiledFlowTypes.ts';
import type { CompiledEscalation } from '../escalation/compileEscalations.ts';
import { startState } from './engineContext.ts';
import { createEngineSetup } from './engineMachine.ts';

type EngineMachineConfig = Parameters<ReturnType<typeof createEngineSetup>['createMachine']>[0];
type EngineStates = NonNullable<EngineMachineConfig['states']>;
type EngineStateConfig = EngineStates[string];
type EngineOn = NonNullable<EngineMachineConfig['on']>;

/** The xstate machine type every compiled flow has. */
export type EngineMachine = ReturnType<typeof buildMachine>;

/** State id of the final state every session ends in. */
export const END_STATE_ID = '__end';

/**
 * Builds the flow's machine: one state per node (state id = compiled key), a transition per connected port,
 * `always` transitions for automatic nodes, an invoked promise actor with `after` timeout for async nodes,
 * a compound state per inlined subflow, and global intents at the root.
 */
export function buildMachine(
  tables: CompiledTables,
  startKey: string,
  intents: readonly CompiledIntent[],
  escalations: readonly CompiledEscalation[] = [],
) {
  const { nodes, limits } = tables;
  const children = new Map<string | null, CompiledNode[]>();
  for (const node of nodes.values()) {
    const siblings = children.get(node.parent) ?? [];
    siblings.push(node);
    children.set(node.parent, siblings);
  }
  const ctx: BuildContext = { nodes, children, limits };
  const on: EngineOn = {
    end: { target: `#${END_STATE_ID}`, actions: ['endFromEvent', 'emitEffects'] },
    retry: { actions: ['reprompt', 'emitEffects'] },
    confirm: { actions: ['askConfirm', 'emitEffects'] },
    sentiment: { actions: 'noteSentiment' },
  };
  for (const { intent, target } of intents) {
    on[`intent.${intent.id}`] = {
      target: `#${stateId(ctx, target)}`,
      actions: ['jump', { type: 'took', params: { port: `intent:${intent.id}` } }],
    };
  }
  on.mood = { actions: 'setMood' };
  for (const { rule } of escalations) {
    const action = rule.action;
    on[`escalate.${rule.id}`] =
      action.kind === 'goto'
        ? {
            target: `#${stateId(ctx, action.target)}`,
            actions: ['jump', { type: 'took', params: { port: `escalation:${rule.id}` } }],
          }
        : {
            target: `#${END_STATE_ID}`,
            actions: [
              named('escalateTransfer', {
                rule: rule.id,
                queue: action.queue,
                ...(action.priority === undefined ? {} : { priority: action.priority }),
              }),
              plain('emitEffects'),
            ],
          };
  }
  return createEngineSetup(tables).createMachine({
    id: 'flow',
    context: ({ input }) => ({ state: startState(input, startKey), host: input.host ?? null, effects: [] }),
    initial: localKey(startKey),
    on,
    states: { ...statesOf(ctx, null), [END_STATE_ID]: { id: END_STATE_ID, type: 'final' } },
  });
}

interface BuildContext {
  nodes: ReadonlyMap<string, CompiledNode>;
  children: ReadonlyMap<string | null, CompiledNode[]>;
  limits: CompiledTables['limits'];
}

function statesOf(ctx: BuildContext, parent: string | null): EngineStates {
  const states: EngineStates = {};
  for (const node of ctx.children.get(parent) ?? []) states[localKey(node.key)] = stateOf(ctx, node);
  return states;
}

/** The state key of a node within its parent (the last segment of its compiled key). */
export function localKey(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

function stateId(ctx: BuildContext, key: string): string {
  const node = ctx.nodes.get(key);
  if (!node) throw new Error(`Edge target "${key}" was not compiled; validate the flow before compiling.`);
  return node.stateId;
}

/** A named implementation reference without params. */
function plain<const T extends string>(type: T): T {
  return type;
}

/** A named implementation reference with params, typed by its literal name (keeps config as data). */
function named<const T extends string, const P>(type: T, params: P): { type: T; params: P } {
  return { type, params };
}

function stateOf(ctx: BuildContext, node: CompiledNode): EngineStateConfig {
  // Each action that computes effects is followed by `emitEffects`, which hands them to the session.
  const entry = [named('enterNode', { key: node.key }), plain('emitEffects')];
  const endTarget = `#${END_STATE_ID}`;
  const loopGuard = {
    guard: named('loopLimit', { steps: ctx.limits.maxStepsPerTurn, sameNode: ctx.limits.maxSameNodeVisits }),
    target: endTarget,
    actions: [named('endSession', { reason: 'loopLimit' }), plain('emitEffects')],
  };
  const leave = <const A>(port: string, before: readonly A[]) => {
    const target = node.edges.get(port);
    if (target === undefined)
      return { target: endTarget, actions: [...before, named('dangling', { port }), plain('emitEffects')] };
    // The target's entry notes the port taken (see `arrive`), so a connected port needs no action of its own.
    // `reenter` so an edge back to the same node asks again (xstate does not re-enter a state by default).
    return { target: `#${stateId(ctx, target)}`, reenter: true, actions: [...before] };
  };
  const ports = [...node.edges.keys()];
  switch (node.behaviour) {
    case 'automatic':
      return {
        id: node.stateId,
        entry,
        always: [
          loopGuard,
          ...ports.map((port) => ({ ...leave(port, []), guard: named('portIs', { port }) })),
          { target: endTarget, actions: [named('dangling', { port: null }), plain('emitEffects')] },
        ],
      };
    case 'interactive': {
      const on: NonNullable<EngineStateConfig['on']> = {};
      for (const port of ports) on[`port.${port}`] = leave(port, []);
      return { id: node.stateId, entry, on, always: { guard: 'endsSession', target: endTarget } };
    }
    case 'terminal':
      if (node.parent === null) return { id: node.stateId, entry, always: { target: endTarget } };
      return {
        id: node.stateId,
        entry,
        always: [{ guard: 'endsSession', target: endTarget }, { target: `#${doneId(ctx, node.parent)}` }],
      };
    case 'async': {
      const retries = { retries: node.retries };
      const retry =
        node.retries > 0 ? [{ guard: named('canRetry', retries), target: 'wait', actions: plain('countAttempt') }] : [];
      const retryOnFailure =
        node.retries > 0
          ? [{ guard: named('retryOnFailure', retries), target: 'wait', actions: plain('countAttempt') }]
          : [];
      return {
        id: node.stateId,
        entry,
        initial: 'call',
        states: {
          call: {
            invoke: {
              src: 'nodeHandler',
              input: { key: node.key },
              onDone: [
                loopGuard,
                ...retryOnFailure,
                ...ports.map((port) => ({
                  ...leave(port, ['applyOutcome', 'emitEffects']),
                  guard: named('outcomeIs', { port }),
                })),
                {
                  target: endTarget,
                  actions: ['applyOutcome', 'emitEffects', named('dangling', { port: null }), plain('emitEffects')],
                },
              ],
              // A rejected promise or a timeout sets no port in the context, so these transitions note theirs.
              onError: [...retry, leave('error', [named('took', { port: 'error' })])],
            },
            after: { [node.timeoutMs]: [...retry, leave('timeout', [named('took', { port: 'timeout' })])] },
          },
          wait: { after: { backoff: { target: 'call' } } },
        },
      };
    }
    case 'subflow': {
      const childStart = (ctx.children.get(node.key) ?? [])[0];
      if (!childStart) throw new Error(`Subflow node "${node.node.id}" has no child nodes.`);
      const back = named('leaveSubflow', { key: node.key });
      return {
        id: node.stateId,
        entry,
        initial: localKey(childStart.key),
        states: { ...statesOf(ctx, node.key), __done: { id: doneId(ctx, node.key), type: 'final' } },
        onDone: [
          {
            ...leave('error', []),
            guard: named('portIs', { port: 'error' }),
            actions: [back, ...leave('error', []).actions],
          },
          { ...leave('next', []), actions: [back, ...leave('next', []).actions] },
        ],
      };
    }
  }
}

function doneId(ctx: BuildContext, subflowKey: string): string {
  return `${stateId(ctx, subflowKey)}/__done`;
}
