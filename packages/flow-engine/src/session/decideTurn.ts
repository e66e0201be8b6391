import type { CompiledFlow, CompiledNode } from '../compile/compiledFlowTypes.ts';
import type { EngineEvent, EngineState } from '../compile/engineContext.ts';
import { createNodeScope, resolveLocale, type ScopeEnv } from '../compile/nodeScope.ts';
import { retryPolicyOf } from '../compile/retryPolicyOf.ts';
import type { CallerInput, InputOutcome, NodeScope } from '../nodeTypes/nodeRuntime.ts';
import type { HandlerLogger } from '../nodeTypes/handlerTypes.ts';
import type { OutputEvent } from './sessionEvents.ts';
import type { IntentMatcher } from '../matching/IntentMatcher.ts';
import { parseYesNo } from '../matching/parseYesNo.ts';
import { confirmOutputs } from '../nodes/confirmOutputs.ts';

/** What the session needs to turn caller input into a machine event. */
export interface DecideTurnArgs {
  compiled: CompiledFlow;
  node: CompiledNode;
  state: EngineState;
  input: CallerInput | { type: 'noInput' };
  env: ScopeEnv;
  logger: HandlerLogger;
  intentMatcher: IntentMatcher;
}

/**
 * Maps one caller input at an interactive node to the machine event: a port, a retry under the node's
 * retry policy, or a global intent's jump (asynchronous only when an intent matcher must be asked).
 * A runtime that throws counts as no match (and is logged).
 */
export function decideTurn({
  compiled,
  node,
  state,
  input,
  env,
  logger,
  intentMatcher,
}: DecideTurnArgs): EngineEvent | Promise<EngineEvent> {
  const runtime = node.impl.runtime;
  if (runtime?.kind !== 'interactive') return { type: 'end', reason: 'error' };
  if (input.type === 'noInput') return retryOrLeave(node, state, 'noInput', [], logger);
  const scope = createNodeScope(node, state, compiled.tables, env);
  if (state.confirm !== null) {
    // Answering "Did you say …?": yes takes the heard port, anything else asks the question of the node again.
    const yes = readYesNo(input, scope.locale);
    if (yes === true) return leave(node, state.confirm, [], state.confirmVariables ?? undefined, logger);
    return keypadIntentEvent(compiled, input) ?? retryOrLeave(node, state, 'noMatch', [], logger);
  }
  if (runtime.freeForm?.(node.node.config) && input.type !== 'dtmf' && compiled.intents.length > 0) {
    // Free text would swallow "agent": give global intents the first word.
    return matchIntent(compiled, input, scope.locale, intentMatcher).then((intent) =>
      intent ? { type: `intent.${intent}` } : readInput(compiled, node, state, input, scope, logger, intentMatcher),
    );
  }
  return readInput(compiled, node, state, input, scope, logger, intentMatcher);
}

function readInput(
  compiled: CompiledFlow,
  node: CompiledNode,
  state: EngineState,
  input: CallerInput,
  scope: NodeScope,
  logger: HandlerLogger,
  intentMatcher: IntentMatcher,
): EngineEvent | Promise<EngineEvent> {
  const runtime = node.impl.runtime;
  if (runtime?.kind !== 'interactive') return { type: 'end', reason: 'error' };
  let outcome: InputOutcome;
  try {
    outcome = runtime.onInput(node.node.config, input, scope);
  } catch (error) {
    logger.error(
      { nodeId: node.node.id, err: String(error) },
      `node "${node.node.id}" failed to read input: ${String(error)}`,
    );
    outcome = { type: 'noMatch' };
  }
  switch (outcome.type) {
    case 'port':
      return leave(node, outcome.port, outcome.outputs ?? [], outcome.variables, logger, outcome.locale);
    case 'repeat':
      return { type: 'retry', reason: 'repeat' };
    case 'ignore':
      return { type: 'retry', reason: 'ignored' };
    case 'confirm':
      return {
        type: 'confirm',
        port: outcome.port,
        outputs: confirmOutputs(scope, outcome.heard),
        ...(outcome.variables ? { variables: outcome.variables } : {}),
      };
    case 'invalid':
      return keypadIntentEvent(compiled, input) ?? retryOrLeave(node, state, 'invalid', outcome.outputs, logger);
    case 'noMatch': {
      // A keypad entry that is not an answer here but is exactly a global intent's key takes the intent ("0#" = agent).
      const fallback = keypadIntentEvent(compiled, input) ?? retryOrLeave(node, state, 'noMatch', [], logger);
      if (compiled.intents.length === 0 || input.type === 'dtmf') return fallback;
      return matchIntent(compiled, input, resolveLocale(node.flow, state.locale), intentMatcher).then(
        (intent): EngineEvent => (intent ? { type: `intent.${intent}` } : fallback),
      );
    }
  }
}

function readYesNo(input: CallerInput, locale: string): boolean | null {
  if (input.type === 'dtmf') return input.digits.startsWith('1') ? true : input.digits.startsWith('2') ? false : null;
  return parseYesNo(input.type === 'speech' ? input.transcript : input.text, locale);
}

/**
 * The jump to the global intent whose keypad shortcut is exactly this entry (optionally ended by `#`), or `null`.
 * Callers ask only after the node found the entry is no answer of its own, so a menu option on that key keeps it.
 */
function keypadIntentEvent(compiled: CompiledFlow, input: CallerInput): EngineEvent | null {
  if (input.type !== 'dtmf') return null;
  const digits = input.digits;
  for (const { intent } of compiled.intents) {
    const key = intent.dtmf;
    if (key !== undefined && key !== '' && (digits === key || digits === `${key}#`))
      return { type: `intent.${intent.id}` };
  }
  return null;
}

async function matchIntent(
  compiled: CompiledFlow,
  input: Exclude<CallerInput, { type: 'dtmf' }>,
  locale: string,
  matcher: IntentMatcher,
): Promise<string | null> {
  const text = input.type === 'speech' ? input.transcript : input.text;
  try {
    const found = await matcher.match(text, locale);
    return found && compiled.intents.some(({ intent }) => intent.id === found.intentId) ? found.intentId : null;
  } catch {
    // An NLU service that fails must not cost the caller the turn: treat it as no intent.
    return null;
  }
}

function retryOrLeave(
  node: CompiledNode,
  state: EngineState,
  reason: 'noInput' | 'noMatch' | 'invalid',
  outputs: OutputEvent[],
  logger: HandlerLogger,
): EngineEvent {
  const kind = reason === 'noInput' ? 'noInput' : 'noMatch';
  const used = kind === 'noInput' ? state.noInput : state.noMatch;
  if (used < retryPolicyOf(node, kind).maxRetries) return { type: 'retry', reason, outputs };
  return leave(node, kind, outputs, undefined, logger);
}

/** The event leaving `node` by `port`; `locale` is the session's new locale when the answer chose one (a language menu). */
function leave(
  node: CompiledNode,
  port: string,
  outputs: OutputEvent[],
  variables: Record<string, unknown> | undefined,
  logger: HandlerLogger,
  locale?: string,
): EngineEvent {
  if (!node.edges.has(port)) {
    logger.error(
      { nodeId: node.node.id, port },
      `node "${node.node.id}" took port "${port}" which has no edge; connect it in the designer`,
    );
    return { type: 'end', reason: 'error' };
  }
  const event: EngineEvent = variables
    ? { type: `port.${port}`, outputs, variables }
    : { type: `port.${port}`, outputs };
  return locale === undefined ? event : { ...event, locale };
}
