import { CURRENT_SCHEMA_VERSION, type FlowDocument, type FlowEdge, type FlowNode } from '@omniflow/flow-schema';

/** A synthetic flow of `count` nodes in a grid: menus branching to messages and asks, every node reachable. */
export function generateFlow(count: number): FlowDocument {
  const nodes: FlowNode[] = [{ id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} }];
  const edges: FlowEdge[] = [];
  const columns = Math.ceil(Math.sqrt(count));
  for (let i = 1; i < count; i += 1) {
    const kind = i % 3 === 0 ? 'menu' : i % 3 === 1 ? 'message' : 'ask';
    const id = `${kind}${i}`;
    const position = { x: (i % columns) * 300, y: Math.floor(i / columns) * 220 };
    const text = { 'en-US': `Prompt ${i}`, 'zh-CN': `提示 ${i}` };
    const config: Record<string, unknown> =
      kind === 'menu'
        ? {
            prompt: { text },
            options: [
              { key: '1', label: { 'en-US': 'One', 'zh-CN': '一' } },
              { key: '2', label: { 'en-US': 'Two', 'zh-CN': '二' } },
            ],
          }
        : kind === 'ask'
          ? { prompt: { text }, variable: 'answer', slot: { type: 'digits', maxLength: 4 } }
          : { prompt: { text } };
    nodes.push({ id, type: kind, label: `${kind} ${i}`, position, config });
    const previous = nodes[i - 1];
    if (previous)
      edges.push({ id: `${previous.id}:${portOf(previous)}`, source: previous.id, port: portOf(previous), target: id });
  }
  return {
    id: `bench-${count}`,
    name: `Bench ${count}`,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locales: ['en-US', 'zh-CN'],
    defaultLocale: 'en-US',
    variables: [{ name: 'answer', type: 'string' }],
    start: 'start1',
    nodes,
    edges,
  };
}

function portOf(node: FlowNode): string {
  return node.type === 'menu' ? '1' : 'next';
}
