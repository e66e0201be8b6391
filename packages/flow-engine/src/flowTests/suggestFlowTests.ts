import type { FlowDocument, FlowNode, FlowTestCase, FlowTestStep } from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';
import { isRecord } from '@omniflow/flow-schema';
import type { FlowSuiteReport } from './runFlowSuite.ts';

/** A proposed test for an end or transfer node no test reaches; `complete` is false when an answer must be filled in. */
export interface FlowTestSuggestion {
  nodeId: string;
  complete: boolean;
  test: FlowTestCase;
}

interface Hop {
  node: FlowNode;
  port: string;
}

// Retry ports need several inputs and hide the happy path: a walk takes them only when nothing else leads there.
const RETRY_PORTS = new Set(['noInput', 'noMatch']);
const RETRY_COST = 10;

/**
 * Walks the flow graph from its start and proposes one test per terminal node (end, transfer) that no test of
 * `report` reached: the cheapest path becomes steps (a choice per menu port, a mock per handler node's port, an
 * answer the suite already gave at that node, no-input or no-match retries when needed) and the terminal's
 * expectation. Conditions are passed as the walk found them; the analyst checks the proposal by running it.
 */
export function suggestFlowTests(
  flow: FlowDocument,
  registry: NodeTypeRegistry,
  report?: FlowSuiteReport,
): FlowTestSuggestion[] {
  const covered = new Set(report?.coverage.nodes ?? []);
  const answers = answersFrom(report);
  const paths = cheapestPaths(flow);
  const suggestions: FlowTestSuggestion[] = [];
  for (const node of flow.nodes) {
    if (covered.has(node.id) || registry.get(node.type)?.spec.behaviour !== 'terminal') continue;
    const path = paths.get(node.id);
    if (path === undefined) continue;
    const steps: FlowTestStep[] = [];
    const mocks: NonNullable<FlowTestCase['mocks']> = {};
    let complete = true;
    for (const hop of path) {
      const behaviour = registry.get(hop.node.type)?.spec.behaviour;
      if (behaviour === 'async') mocks[hop.node.id] = { port: hop.port };
      if (behaviour !== 'interactive') continue;
      const input = inputFor(hop, flow, answers);
      complete &&= input.complete;
      steps.push(...input.steps);
    }
    steps.push({ expectNode: node.id }, terminalExpectation(node));
    const test: FlowTestCase = { id: `reach-${node.id}`, name: `reaches ${node.label ?? node.id}`, steps };
    if (Object.keys(mocks).length > 0) test.mocks = mocks;
    suggestions.push({ nodeId: node.id, complete, test });
  }
  return suggestions;
}

/** The steps that make an interactive node take a port. */
function inputFor(
  hop: Hop,
  flow: FlowDocument,
  answers: ReadonlyMap<string, FlowTestStep>,
): { steps: FlowTestStep[]; complete: boolean } {
  const tries = retriesOf(hop.node, hop.port, flow) + 1;
  if (hop.port === 'noInput')
    return { steps: Array.from({ length: tries }, () => ({ noInput: true })), complete: true };
  if (hop.port === 'noMatch')
    return { steps: Array.from({ length: tries }, () => ({ say: 'something else entirely' })), complete: true };
  if (listsChoice(hop.node.config, hop.port)) return { steps: [{ choose: hop.port }], complete: true };
  const answer = answers.get(hop.node.id);
  return answer === undefined ? { steps: [{ say: '' }], complete: false } : { steps: [answer], complete: true };
}

function terminalExpectation(node: FlowNode): FlowTestStep {
  const { queue, outcome } = node.config;
  if (typeof queue === 'string') return { expectTransfer: { queue } };
  return typeof outcome === 'string' ? { expectEnd: { outcome } } : { expectEnd: {} };
}

/** Shortest paths (retry ports cost more) from the start to every node, as the hops taken. */
function cheapestPaths(flow: FlowDocument): Map<string, Hop[]> {
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  const best = new Map<string, { cost: number; path: Hop[] }>([[flow.start, { cost: 0, path: [] }]]);
  const open = new Set([flow.start]);
  while (open.size > 0) {
    const current = [...open].reduce((a, b) =>
      (best.get(a)?.cost ?? Infinity) <= (best.get(b)?.cost ?? Infinity) ? a : b,
    );
    open.delete(current);
    const from = best.get(current);
    const node = nodes.get(current);
    if (from === undefined || node === undefined) continue;
    for (const edge of flow.edges) {
      if (edge.source !== current) continue;
      const cost = from.cost + (RETRY_PORTS.has(edge.port) ? RETRY_COST : 1);
      if (cost >= (best.get(edge.target)?.cost ?? Infinity)) continue;
      best.set(edge.target, { cost, path: [...from.path, { node, port: edge.port }] });
      open.add(edge.target);
    }
  }
  return new Map([...best].map(([id, { path }]) => [id, path]));
}

/** The first free answer (say or digits) each node received in the suite, to reuse in proposals. */
function answersFrom(report: FlowSuiteReport | undefined): Map<string, FlowTestStep> {
  const answers = new Map<string, FlowTestStep>();
  for (const run of report?.runs ?? []) {
    for (const step of run.steps) {
      if (step.nodeId !== undefined && !answers.has(step.nodeId) && ('say' in step.step || 'digits' in step.step))
        answers.set(step.nodeId, step.step);
    }
  }
  return answers;
}

/** Whether a config lists a choice keyed `port` (an option `key` or a choice `value`). */
function listsChoice(config: unknown, port: string): boolean {
  if (Array.isArray(config))
    return config.some(
      (item) => (isRecord(item) && (item['key'] === port || item['value'] === port)) || listsChoice(item, port),
    );
  return isRecord(config) && Object.values(config).some((value) => listsChoice(value, port));
}

/** Retries before a retry port is taken: the node's policy, else the flow's, else the engine's two. */
function retriesOf(node: FlowNode, port: string, flow: FlowDocument): number {
  if (!RETRY_PORTS.has(port)) return 0;
  const own = node.config[port];
  if (isRecord(own) && typeof own['maxRetries'] === 'number') return own['maxRetries'];
  const settings = port === 'noInput' ? flow.settings?.noInput : flow.settings?.noMatch;
  // The engine's own default when neither the node nor the flow sets a policy.
  return settings?.maxRetries ?? 2;
}
