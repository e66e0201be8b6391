import { assign, fromPromise, setup } from 'xstate';
import type { EndReason } from '../session/sessionEvents.ts';
import { hostOf } from '../session/sessionHost.ts';
import { callNodeHandler } from './callNodeHandler.ts';
import type { CompiledNode, CompiledTables } from './compiledFlowTypes.ts';
import { engineTypes, type AsyncOutcome, type EngineContext, type EngineEvent, type EngineState } from './engineContext.ts';
import type { SessionHost } from '../session/sessionHost.ts';
import { assignDeclared, emitAll, enterNode, isVariables, type Arrival } from './enterNode.ts';
import { createNodeScope, isRecord } from './nodeScope.ts';
import { retryPolicyOf } from './retryPolicyOf.ts';

function nodeOf(tables: CompiledTables, key: string): CompiledNode {
  const node = tables.nodes.get(key);
  if (!node) throw new Error(`No compiled node "${key}"; the snapshot does not belong to this compiled flow.`);
  return node;
}

function outcomeOf(event: unknown): AsyncOutcome | undefined {
  if (!isRecord(event) || !isRecord(event.output)) return undefined;
  const { port, variables } = event.output;
  return typeof port === 'string' && isVariables(variables) ? { port, variables } : undefined;
}

function endWith(state: EngineState, system: object, reason: EndReason, nodeId?: string): EngineContext {
  hostOf(system)?.output(nodeId === undefined ? { type: 'end', reason } : { type: 'end', nodeId, reason });
  return { state: { ...state, end: { reason } } };
}

/** The state after caller input that a node answers itself (no port taken): a new turn, with fresh per-turn guards. */
const afterInput = (state: EngineState, changes: Partial<EngineState>): EngineContext => ({ state: { ...state, turn: state.turn + 1, steps: 0, loops: {}, ...changes } });

/**
 * The engine's xstate setup for one compiled flow: named implementations over the flow's node tables, so
 * the machine config stays plain data (state per node, transitions per port, params naming nodes and ports).
 */
export function createEngineSetup(tables: CompiledTables) {
  return setup({
    types: engineTypes,
    actors: {
      nodeHandler: fromPromise<AsyncOutcome, { key: string }>(async ({ input, signal, system }) => {
        const host = hostOf(system);
        if (!host) return { port: 'error', variables: {} };
        return callNodeHandler(nodeOf(host.tables, input.key), host, signal);
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
      enterNode: assign(({ context: { state }, event, system }, params: { key: string }) => {
        const host = hostOf(system);
        return { state: enterNode(state, arrive(tables, state, event, host), nodeOf(tables, params.key), tables, host) };
      }),
      took: ({ context, system }, params: { port: string }) => {
        hostOf(system)?.note(context.state.node, `took ${params.port}`, params.port);
      },
      applyOutcome: assign(({ context: { state }, event, system }) => {
        const outcome = outcomeOf(event);
        if (!outcome) return {};
        return { state: { ...state, port: outcome.port, variables: assignDeclared(nodeOf(tables, state.node), state.variables, outcome.variables, hostOf(system)) } };
      }),
      reprompt: assign(({ context: { state }, event, system }) => {
        if (event.type !== 'retry') return {};
        const host = hostOf(system);
        const node = nodeOf(tables, state.node);
        emitAll(host, event.outputs);
        const counted = event.reason === 'noInput' ? { noInput: state.noInput + 1 } : event.reason === 'repeat' ? {} : { noMatch: state.noMatch + 1 };
        const next = afterInput(state, { ...counted, confirm: null, confirmVariables: null });
        const runtime = node.impl.runtime;
        if (runtime?.kind === 'interactive') {
          const attempt = event.reason === 'noInput' ? next.state.noInput : event.reason === 'repeat' ? 0 : next.state.noMatch;
          const reprompt = repromptFor(node, event.reason, attempt);
          const scope = createNodeScope(node, next.state, tables, host ? host.now : Date.now);
          emitAll(host, runtime.render(node.node.config, scope, reprompt ? { reason: event.reason, attempt, reprompt } : { reason: event.reason, attempt }));
        }
        return next;
      }),
      askConfirm: assign(({ context: { state }, event, system }) => {
        if (event.type !== 'confirm') return {};
        emitAll(hostOf(system), event.outputs);
        return afterInput(state, { confirm: event.port, confirmVariables: event.variables ?? null });
      }),
      countAttempt: assign(({ context: { state } }) => ({ state: { ...state, attempt: state.attempt + 1 } })),
      jump: assign(({ context: { state } }) => {
        // A global intent may leave an inlined subflow: the caller's own variables come back.
        const outer = state.frames[0];
        return afterInput(state, outer ? { variables: outer.variables, frames: [] } : {});
      }),
      leaveSubflow: assign(({ context: { state } }, params: { key: string }) => {
        const frame = state.frames.at(-1);
        if (!frame) return {};
        const node = nodeOf(tables, params.key);
        const runtime = node.impl.runtime;
        const variables = { ...frame.variables };
        if (runtime?.kind === 'subflow') {
          for (const [parentVar, childVar] of Object.entries(runtime.outputs(node.node.config))) variables[parentVar] = state.variables[childVar];
        }
        return { state: { ...state, frames: state.frames.slice(0, -1), variables, node: params.key } };
      }),
      endSession: assign(({ context: { state }, system }, params: { reason: EndReason }) => endWith(state, system, params.reason)),
      endFromEvent: assign(({ context: { state }, event, system }) => (event.type === 'end' ? endWith(state, system, event.reason) : {})),
      dangling: assign(({ context: { state }, system }, params: { port: string | null }) => {
        const host = hostOf(system);
        const node = nodeOf(tables, state.node);
        const port = params.port ?? state.port ?? 'unknown';
        host?.logger.error({ nodeId: node.node.id, port }, `node "${node.node.id}" took port "${port}" which has no edge; connect it in the designer`);
        host?.note(node.node.id, `port ${port} has no edge`, port);
        return endWith(state, system, 'error', node.node.id);
      }),
    },
  });
}

/** A port event sent by the session for caller input (it always carries `outputs`, possibly empty). */
function isCallerPort(event: EngineEvent): event is Extract<EngineEvent, { type: `port.${string}` }> {
  return event.type.startsWith('port.') && 'outputs' in event;
}

/** `SessionHost.appliedInput` for a machine run without a session (graph walks, which carry no caller data). */
const hostless: { appliedInput: object | null } = { appliedInput: null };

/**
 * What arriving at a node brings, folded into the node's entry so a turn costs one assignment per node:
 * a caller's port event (once: its variables, its outputs, a new turn) or the port the previous node took.
 */
function arrive(tables: CompiledTables, state: EngineState, event: EngineEvent, host: SessionHost | undefined): Arrival | null {
  const applied = host ?? hostless;
  if (isCallerPort(event) && applied.appliedInput !== event) {
    applied.appliedInput = event;
    const port = event.type.slice('port.'.length);
    host?.note(state.node, `took ${port}`, port);
    emitAll(host, event.outputs);
    const variables = event.variables ? assignDeclared(nodeOf(tables, state.node), state.variables, event.variables, host) : state.variables;
    return event.locale === undefined ? { turn: state.turn + 1, variables } : { turn: state.turn + 1, variables, locale: event.locale };
  }
  if (state.port !== null) host?.note(state.node, `took ${state.port}`, state.port);
  return null;
}

function repromptFor(node: CompiledNode, reason: string, attempt: number) {
  if (reason !== 'noInput' && reason !== 'noMatch' && reason !== 'invalid') return undefined;
  const policy = retryPolicyOf(node, reason === 'noInput' ? 'noInput' : 'noMatch');
  const reprompts = policy.reprompts;
  if (!reprompts || reprompts.length === 0) return undefined;
  return reprompts[Math.min(attempt, reprompts.length) - 1];
}
