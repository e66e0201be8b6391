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

/** A seeded pseudo-random number generator in [0, 1), so fuzz tests repeat. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A random item of a non-empty list. */
export function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Replaces or deletes one random value deep inside a document with a value of another JSON type. */
export function damage(doc: unknown, next: () => number): unknown {
  const replacement = (): unknown =>
    pick([null, 7, '7', 'x', true, [], {}, '{{widgets.a.b | x}}', '$.Attributes.9 lives'], next);
  if (Array.isArray(doc)) {
    if (doc.length === 0) return replacement();
    const index = Math.floor(next() * doc.length);
    return doc.map((item, i) => (i === index ? damage(item, next) : item));
  }
  if (typeof doc === 'object' && doc !== null) {
    const entries = Object.entries(doc);
    if (entries.length === 0 || next() < 0.08) return replacement();
    const index = Math.floor(next() * entries.length);
    return Object.fromEntries(
      entries.flatMap(([key, value], i) =>
        i !== index ? [[key, value]] : next() < 0.2 ? [] : [[key, damage(value, next)]],
      ),
    );
  }
  return replacement();
}
