import { evaluateExpression, parseExpression, type ExpressionAst, type FlowDocument } from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import { buildMachine } from './buildMachine.ts';
import type { CompiledFlow, CompiledIntent, CompiledNode, CompiledTables, EngineLimits } from './compiledFlowTypes.ts';
import { hashFlow } from './hashFlow.ts';
import { compileNodes, flowInfo, type CompileIssue } from './compileNodes.ts';
import { checkFlow } from './checkFlow.ts';
import { PhraseIntentMatcher } from '../matching/PhraseIntentMatcher.ts';
import { compileEscalations } from '../escalation/compileEscalations.ts';

/** Options of {@link compileFlow}. */
export interface CompileFlowOptions {
  /** Finds the flow a `subflow` node calls; its nodes are inlined into the caller's machine. */
  resolveFlow?: (flowId: string) => FlowDocument | undefined;
  /** Guard limits (defaults: 200 node steps per turn, 25 entries of one node per turn). */
  limits?: Partial<EngineLimits>;
  /**
   * The flow (and every flow `resolveFlow` returns) is the `flow` of a successful `validateFlow` against this
   * registry's catalog — e.g. validated when it was published — so compile skips validating it again. A document
   * that is not even shaped like a current-version flow is still validated in full.
   */
  validated?: boolean;
  /**
   * What else names this compiled flow besides its document — e.g. the subflow versions a published version pinned —
   * so that a snapshot taken on one machine is refused by a machine built from other subflow versions. Part of `hash`.
   */
  identity?: Record<string, unknown>;
}

/** What {@link compileFlow} answers: a compiled flow, or the problems that stop it from running. */
export type CompileFlowResult = { ok: true; compiled: CompiledFlow } | { ok: false; issues: CompileIssue[] };

const DEFAULT_LIMITS: EngineLimits = { maxStepsPerTurn: 200, maxSameNodeVisits: 25 };

/**
 * Validates a flow against the registry's catalog and compiles it into one xstate machine, shared by all
 * sessions of this flow version. Never throws on user data: problems come back as issues with JSON pointers.
 */
export function compileFlow(
  input: unknown,
  registry: NodeTypeRegistry,
  options: CompileFlowOptions = {},
): CompileFlowResult {
  const validated = options.validated === true;
  const checked = checkFlow(input, registry, { validated });
  if (!checked.ok) return checked;
  const flow = checked.flow;
  const issues: CompileIssue[] = [];
  const nodes = new Map<string, CompiledNode>();
  compileNodes(flow, registry, {
    nodes,
    issues,
    resolveFlow: options.resolveFlow,
    validated,
    parent: null,
    prefix: '',
    stack: [flow.id],
    usedIds: new Set(),
  });
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues };
  const intents: CompiledIntent[] = (flow.globalIntents ?? []).flatMap((intent) =>
    nodes.has(intent.target) ? [{ intent, target: intent.target }] : [],
  );
  const limits: EngineLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const tables: CompiledTables = {
    nodes,
    handlers: (name) => registry.handler(name),
    limits,
    evaluate: createEvaluator(),
  };
  const escalations = compileEscalations(flow, (id) => nodes.has(id));
  const machine = buildMachine(tables, flow.start, intents, escalations);
  const intentMatcher = new PhraseIntentMatcher(intents.map(({ intent }) => intent));
  let hash: string | undefined;
  const compiled: CompiledFlow = {
    flow,
    // Hashing serializes the whole document: done on the first snapshot or restore, not on every compile.
    get hash() {
      hash ??= hashFlow(options.identity === undefined ? flow : { flow, identity: options.identity });
      return hash;
    },
    machine,
    info: flowInfo(flow),
    tables,
    intents,
    escalations,
    intentMatcher,
  };
  return { ok: true, compiled };
}

/** An expression evaluator that parses each distinct expression once; an unparsable one evaluates to `null`. */
function createEvaluator(): CompiledTables['evaluate'] {
  const cache = new Map<string, ExpressionAst | null>();
  return (expression, scope, now) => {
    let ast = cache.get(expression);
    if (ast === undefined) {
      const parsed = parseExpression(expression);
      ast = parsed.ok ? parsed.ast : null;
      cache.set(expression, ast);
    }
    return ast === null ? null : evaluateExpression(ast, scope, { now });
  };
}
