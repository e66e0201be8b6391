import { CURRENT_SCHEMA_VERSION, type FlowDocument, type FlowEdge, type FlowNode } from '@omniflow/flow-schema';

/** A node for {@link buildTestFlow}: id, type and config, plus `next`-style edges as `{ port: target }`. */
export interface TestNode {
  id: string;
  type: string;
  config?: Record<string, unknown>;
  to?: Record<string, string>;
}

/**
 * Builds a small flow document for tests: nodes in order (the first is the start node unless `start` is
 * given), edges from each node's `to` map, one `en-US` locale unless others are given.
 */
export function buildTestFlow(nodes: TestNode[], extras: Partial<FlowDocument> = {}): FlowDocument {
  const flowNodes: FlowNode[] = nodes.map((node) => ({ id: node.id, type: node.type, config: node.config ?? {} }));
  const edges: FlowEdge[] = nodes.flatMap((node) =>
    Object.entries(node.to ?? {}).map(([port, target]) => ({ source: node.id, port, target })),
  );
  return {
    id: 'test-flow',
    name: 'Test flow',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [],
    start: nodes[0]?.id ?? 'start',
    nodes: flowNodes,
    edges,
    ...extras,
  };
}

/** `{ 'en-US': text }` — a prompt in the default test locale. */
export function en(text: string): { text: Record<string, string> } {
  return { text: { 'en-US': text } };
}
