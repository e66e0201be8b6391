import { evaluateExpression, parseExpression, type ExpressionAst, type FlowDocument } from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import { buildMachine } from './buildMachine.ts';
import type { CompiledFlow, CompiledIntent, CompiledNode, CompiledTables, EngineLimits } from './compiledFlowTypes.ts';
import { hashFlow } from './hashFlow.ts';
import { compileNodes, flowInfo, type CompileIssue } from './compileNodes.ts';
import { checkFlow } from './checkFlow.ts';
import { PhraseIntentMatcher } from '../matching/PhraseIntentMatcher.ts';

/** Options of {@link compileFlow}. */
export interface CompileFlowOptions {
  /** Finds the flow a `subflow` node calls; its nodes are inlined into the caller's machine. */
  resolveFlow?: (flowId: string) => FlowDocument | undefined;
  /** Guard limits (defaults: 200 node steps per turn, 25 entries of one node per turn). */
  limits?: Partial<EngineLimits>;
}

/** What {@link compileFlow} answers: a compiled flow, or the problems that stop it from running. */
export type CompileFlowResult = { ok: true; compiled: CompiledFlow } | { ok: false; issues: CompileIssue[] };

const DEFAULT_LIMITS: EngineLimits = { maxStepsPerTurn: 200, maxSameNodeVisits: 25 };

/**
 * Validates a flow against the registry's catalog and compiles it into one xstate machine, shared by all
 * sessions of this flow version. Never throws on user data: problems come back as issues with JSON pointers.
 */
export function compileFlow(input: unknown, registry: NodeTypeRegistry, options: CompileFlowOptions = {}): CompileFlowResult {
  const checked = checkFlow(input, registry);
  if (!checked.ok) return checked;
  const flow = checked.flow;
  const issues: CompileIssue[] = [];
  const nodes = new Map<string, CompiledNode>();
  compileNodes(flow, registry, { nodes, issues, resolveFlow: options.resolveFlow, parent: null, prefix: '', stack: [flow.id], usedIds: new Set() });
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues };
  const intents: CompiledIntent[] = (flow.globalIntents ?? []).flatMap((intent) => (nodes.has(intent.target) ? [{ intent, target: intent.target }] : []));
  const limits: EngineLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const tables: CompiledTables = {
    nodes,
    handlers: (name) => registry.handler(name),
    limits,
    evaluate: createEvaluator(),
  };
  const machine = buildMachine(tables, flow.start, intents);
  const intentMatcher = new PhraseIntentMatcher(intents.map(({ intent }) => intent));
  return { ok: true, compiled: { flow, hash: hashFlow(flow), machine, info: flowInfo(flow), tables, intents, intentMatcher } };
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
