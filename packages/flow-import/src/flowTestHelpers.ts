import { evaluateExpression, parseExpression, type FlowDocument, type FlowNode } from '@omniflow/flow-schema';

/** The node of that id; fails the test when it is missing. */
export function nodeOf(flow: FlowDocument, id: string): FlowNode {
  const node = flow.nodes.find((candidate) => candidate.id === id);
  if (node === undefined)
    throw new Error(`node "${id}" is missing; nodes are ${flow.nodes.map((n) => n.id).join(', ')}`);
  return node;
}

/** The outgoing edges of a node as `{ port: target }`. */
export function portsOf(flow: FlowDocument, id: string): Record<string, string> {
  return Object.fromEntries(flow.edges.filter((edge) => edge.source === id).map((edge) => [edge.port, edge.target]));
}

/** Parses and evaluates an imported expression; a syntax error fails the test with the message. */
export function evaluate(source: unknown, scope: Record<string, unknown>): unknown {
  if (typeof source !== 'string') throw new Error(`expected an expression string, got ${JSON.stringify(source)}`);
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`"${source}" does not parse: ${parsed.error.message}`);
  return evaluateExpression(parsed.ast, scope);
}

/** Which case of a condition node is taken for `scope` (the first true one), or `default`. */
export function conditionPort(node: FlowNode, scope: Record<string, unknown>): string {
  const cases = Array.isArray(node.config['cases']) ? node.config['cases'] : [];
  for (const item of cases) {
    if (
      typeof item === 'object' &&
      item !== null &&
      'when' in item &&
      'id' in item &&
      evaluate(item.when, scope) === true
    )
      return String(item.id);
  }
  return 'default';
}

/** The prompt text of a node's config in a locale. */
export function promptText(node: FlowNode, locale = 'en-US'): string | undefined {
  const prompt = node.config['prompt'];
  if (typeof prompt !== 'object' || prompt === null || !('text' in prompt)) return undefined;
  const text = prompt.text;
  return typeof text === 'object' && text !== null && locale in text
    ? String(Object.getOwnPropertyDescriptor(text, locale)?.value)
    : undefined;
}

/** The `{ variable, value }` assignments of a set node. */
export function assignmentsOf(node: FlowNode): { variable: string; value: string }[] {
  const assignments = node.config['assignments'];
  if (!Array.isArray(assignments)) return [];
  return assignments.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'variable' in item && 'value' in item
      ? [{ variable: String(item.variable), value: String(item.value) }]
      : [],
  );
}
