import { assign, emit, fromPromise, setup } from 'xstate';
import { isRecord } from '@omniflow/flow-schema';
import type { EndReason } from '../session/sessionEvents.ts';
import { SESSION_SYSTEM_ID, SessionHost } from '../session/sessionHost.ts';
import { callNodeHandler } from './callNodeHandler.ts';
import type { CompiledNode, CompiledTables } from './compiledFlowTypes.ts';
import {
  engineTypes,
  type AsyncOutcome,
  type EngineContext,
  type EngineEffect,
  type EngineEmitted,
  type EngineEvent,
  type EngineState,
} from './engineContext.ts';
import { readContactChanges } from './contactState.ts';
import { assignDeclared, enterNode, isVariables, outputsTo, type Arrival } from './enterNode.ts';
import { createNodeScope, DETACHED_SCOPE_ENV, type ScopeEnv } from './nodeScope.ts';
import { retryPolicyOf } from './retryPolicyOf.ts';

function nodeOf(tables: CompiledTables, key: string): CompiledNode {
  const node = tables.nodes.get(key);
  if (!node) throw new Error(`No compiled node "${key}"; the snapshot does not belong to this compiled flow.`);
  return node;
}

function outcomeOf(event: unknown): AsyncOutcome | undefined {
  if (!isRecord(event) || !isRecord(event.output)) return undefined;
  const { port, variables, contact } = event.output;
  if (typeof port !== 'string' || !isVariables(variables)) return undefined;
  // callNodeHandler checked the contact changes already; a graph walk's synthetic outcome has none.
  const changes = contact === undefined ? undefined : readContactChanges(contact);
  return changes?.ok ? { port, variables, contact: changes.changes } : { port, variables };
}

/** The session's scope environment (its clock, its contact mask), or the detached one for a run without a session. */
function envOf(context: EngineContext): ScopeEnv {
  return context.host ?? DETACHED_SCOPE_ENV;
}

/**
 * The host of the session whose root actor runs in `system` (FlowSession gives it {@link SESSION_SYSTEM_ID}), or
 * `undefined` outside a session. Read when a handler starts, so a restored session's re-run handler finds it too.
 */
function hostIn(system: { get(systemId: string): { getSnapshot(): unknown } | undefined }): SessionHost | undefined {
  const snapshot: unknown = system.get(SESSION_SYSTEM_ID)?.getSnapshot();
  if (!isRecord(snapshot) || !isRecord(snapshot.context)) return undefined;
  const host = snapshot.context.host;
  return host instanceof SessionHost ? host : undefined;
}

/** A state that ends the session, with the `end` output it says. */
function endWith(state: EngineState, effects: EngineEffect[], reason: EndReason, nodeId?: string): EngineState {
  effects.push({
    kind: 'output',
    output: nodeId === undefined ? { type: 'end', reason } : { type: 'end', nodeId, reason },
  });
  return { ...state, end: { reason } };
}

/** The state after caller input that a node answers itself (no port taken): a new turn, with fresh per-turn guards. */
const afterInput = (state: EngineState, changes: Partial<EngineState>): EngineState => ({
  ...state,
  turn: state.turn + 1,
  steps: 0,
  loops: {},
  ...changes,
});

/**
 * The engine's xstate setup for one compiled flow: named implementations over the flow's node tables, so
 * the machine config stays plain data (state per node, transitions per port, params naming nodes and ports).
 * Actions are pure: an `assign` computes the next state and, as data, what the session must do (outputs, transcript
 * lines, logs); the `emitEffects` action after it emits those as one `effects` event, which FlowSession handles with
 * `actor.on`. (One `enqueueActions` doing both measured slower per turn: see the README's bench section.)
 */
export function createEngineSetup(tables: CompiledTables) {
  return setup({
    types: engineTypes,
    actors: {
      nodeHandler: fromPromise<AsyncOutcome, { key: string }>(async ({ input, signal, system }) => {
        const host = hostIn(system);
        if (!host) return { port: 'error', variables: {} };
        return callNodeHandler(nodeOf(tables, input.key), tables, host, signal);
      }),
    },
    delays: {
      backoff: ({ context }) => Math.min(250 * 2 ** Math.max(context.state.attempt - 1, 0), 8000),
    },
    guards: {
      loopLimit: ({ context: { state } }, params: { steps: number; sameNode: number }) =>
        state.steps > params.steps || (state.loops[state.node] ?? 0) > params.sameNode,
      portIs: ({ context }, params: { port: string }) => context.state.port === params.port,
      outcomeIs: ({ event }, params: { port: string }) => outcomeOf(event)?.port === params.port,
      canRetry: ({ context }, params: { retries: number }) => context.state.attempt < params.retries,
      retryOnFailure: ({ context, event }, params: { retries: number }) => {
        const port = outcomeOf(event)?.port;
        return (port === 'error' || port === 'timeout') && context.state.attempt < params.retries;
      },
      endsSession: ({ context }) => context.state.end !== null,
    },
    actions: {
      enterNode: assign(({ context, event }, params: { key: string }) => {
        const effects: EngineEffect[] = [];
        const state = context.state;
        return {
          state: enterNode(
            state,
            arrive(tables, state, event, effects),
            nodeOf(tables, params.key),
            tables,
            envOf(context),
            effects,
          ),
          effects,
        };
      }),
      emitEffects: emit(({ context }) => effectsEvent(context.effects)),
      took: emit(({ context }, params: { port: string }) => effectsEvent([took(context.state.node, params.port)])),
      applyOutcome: assign(({ context: { state }, event }) => {
        const effects: EngineEffect[] = [];
        const outcome = outcomeOf(event);
        if (!outcome) return { effects };
        return {
          state: {
            ...state,
            port: outcome.port,
            variables: assignDeclared(nodeOf(tables, state.node), state.variables, outcome.variables, effects),
            ...(outcome.contact ? { contact: { ...state.contact, ...outcome.contact } } : {}),
          },
          effects,
        };
      }),
      reprompt: assign(({ context, event }) => {
        const effects: EngineEffect[] = [];
        if (event.type !== 'retry') return { effects };
        const state = context.state;
        const node = nodeOf(tables, state.node);
        outputsTo(effects, event.outputs);
        const counted =
          event.reason === 'noInput'
            ? { noInput: state.noInput + 1 }
            : event.reason === 'repeat' || event.reason === 'ignored'
              ? {}
              : { noMatch: state.noMatch + 1 };
        const next = afterInput(state, { ...counted, confirm: null, confirmVariables: null });
        const runtime = node.impl.runtime;
        if (runtime?.kind === 'interactive') {
          const scope = createNodeScope(node, next, tables, envOf(context));
          const reason = event.reason;
          if (reason === 'ignored') {
            // Silent: only the expectation goes out again, because a host closes a call on a turn that expects nothing.
            outputsTo(
              effects,
              runtime
                .render(node.node.config, scope, { reason: 'repeat', attempt: 0 })
                .filter((output) => output.type === 'prompt'),
            );
          } else {
            const attempt = reason === 'noInput' ? next.noInput : reason === 'repeat' ? 0 : next.noMatch;
            const reprompt = repromptFor(node, reason, attempt);
            outputsTo(
              effects,
              runtime.render(node.node.config, scope, reprompt ? { reason, attempt, reprompt } : { reason, attempt }),
            );
          }
        }
        return { state: next, effects };
      }),
      askConfirm: assign(({ context: { state }, event }) => {
        const effects: EngineEffect[] = [];
        if (event.type !== 'confirm') return { effects };
        outputsTo(effects, event.outputs);
        return {
          state: afterInput(state, { confirm: event.port, confirmVariables: event.variables ?? null }),
          effects,
        };
      }),
      noteSentiment: assign(({ context: { state }, event }) => {
        if (event.type !== 'sentiment') return {};
        return { state: { ...state, contact: { ...state.contact, moods: event.moods, trend: event.trend } } };
      }),
      countAttempt: assign(({ context: { state } }) => ({ state: { ...state, attempt: state.attempt + 1 } })),
      jump: assign(({ context: { state } }) => {
        // A global intent may leave an inlined subflow: the caller's own variables come back.
        const outer = state.frames[0];
        return { state: afterInput(state, outer ? { variables: outer.variables, frames: [] } : {}) };
      }),
      leaveSubflow: assign(({ context: { state } }, params: { key: string }) => {
        const frame = state.frames.at(-1);
        if (!frame) return {};
        const node = nodeOf(tables, params.key);
        const runtime = node.impl.runtime;
        const variables = { ...frame.variables };
        if (runtime?.kind === 'subflow') {
          for (const [parentVar, childVar] of Object.entries(runtime.outputs(node.node.config)))
            variables[parentVar] = state.variables[childVar];
        }
        return { state: { ...state, frames: state.frames.slice(0, -1), variables, node: params.key } };
      }),
      setMood: assign(({ context: { state }, event }) =>
        event.type === 'mood' ? { state: { ...state, mood: event.mood } } : {},
      ),
      escalateTransfer: assign(({ context: { state } }, params: { rule: string; queue: string; priority?: number }) => {
        const nodeId = nodeOf(tables, state.node).node.id;
        const transfer = { queue: params.queue, reason: `escalation: ${params.rule}` };
        const effects: EngineEffect[] = [
          took(state.node, `escalation:${params.rule}`),
          {
            kind: 'transfer',
            nodeId,
            // A queue node's routing shape (issue 16): the priority is added to the queue's own.
            transfer:
              params.priority === undefined ? transfer : { ...transfer, routing: { priority: params.priority } },
            variables: state.variables,
          },
        ];
        return { state: endWith(state, effects, 'transferred', nodeId), effects };
      }),
      endSession: assign(({ context: { state } }, params: { reason: EndReason }) => {
        const effects: EngineEffect[] = [];
        return { state: endWith(state, effects, params.reason), effects };
      }),
      endFromEvent: assign(({ context: { state }, event }) => {
        const effects: EngineEffect[] = [];
        if (event.type !== 'end') return { effects };
        return { state: endWith(state, effects, event.reason), effects };
      }),
      dangling: assign(({ context: { state } }, params: { port: string | null }) => {
        const node = nodeOf(tables, state.node);
        const nodeId = node.node.id;
        const port = params.port ?? state.port ?? 'unknown';
        const effects: EngineEffect[] = [
          {
            kind: 'log',
            level: 'error',
            fields: { nodeId, port },
            message: `node "${nodeId}" took port "${port}" which has no edge; connect it in the designer`,
          },
          { kind: 'note', nodeId, text: `port ${port} has no edge`, port },
        ];
        return { state: endWith(state, effects, 'error', nodeId), effects };
      }),
    },
  });
}

/** The event the machine emits for the effects of one action. */
function effectsEvent(effects: EngineEffect[]): EngineEmitted {
  return { type: 'effects', effects };
}

/** The transcript line for a port taken at a node. */
function took(nodeKey: string, port: string): EngineEffect {
  return { kind: 'note', nodeId: nodeKey, text: `took ${port}`, port };
}

/** A port event sent by the session for caller input (it always carries `outputs`, possibly empty). */
function isCallerPort(event: EngineEvent): event is Extract<EngineEvent, { type: `port.${string}` }> {
  return event.type.startsWith('port.') && 'outputs' in event;
}

/**
 * What arriving at a node brings, folded into the node's entry so a turn costs one assignment per node:
 * a caller's port event (its variables, its outputs, a new turn) or the port the previous node took. A caller's
 * event is seen again by every node entered in its macrostep; only the first of them is entered from the interactive
 * node that asked, so the event's effects are applied there, once.
 */
function arrive(
  tables: CompiledTables,
  state: EngineState,
  event: EngineEvent,
  effects: EngineEffect[],
): Arrival | null {
  if (isCallerPort(event)) {
    const from = nodeOf(tables, state.node);
    if (from.behaviour === 'interactive') {
      effects.push(took(state.node, event.type.slice('port.'.length)));
      outputsTo(effects, event.outputs);
      const variables = event.variables
        ? assignDeclared(from, state.variables, event.variables, effects)
        : state.variables;
      return event.locale === undefined
        ? { turn: state.turn + 1, variables }
        : { turn: state.turn + 1, variables, locale: event.locale };
    }
  }
  if (state.port !== null) effects.push(took(state.node, state.port));
  return null;
}

function repromptFor(node: CompiledNode, reason: string, attempt: number) {
  if (reason !== 'noInput' && reason !== 'noMatch' && reason !== 'invalid') return undefined;
  const policy = retryPolicyOf(node, reason === 'noInput' ? 'noInput' : 'noMatch');
  const reprompts = policy.reprompts;
  if (!reprompts || reprompts.length === 0) return undefined;
  return reprompts[Math.min(attempt, reprompts.length) - 1];
}
