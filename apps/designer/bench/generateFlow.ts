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

/**
 * A flow that branches and loops back: menus send option 1 on, option 2 a few steps ahead and a no-match back
 * to an earlier menu, so auto-layout leaves edges that must find their way between the cards.
 */
export function generateBranchingFlow(count: number): FlowDocument {
  const nodes: FlowNode[] = [{ id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} }];
  const edges: FlowEdge[] = [];
  const text = (i: number) => ({ text: { 'en-US': `Step ${i}` } });
  for (let i = 1; i < count; i += 1) {
    const kind = i % 3 === 0 ? 'menu' : i % 3 === 1 ? 'message' : 'ask';
    const config: Record<string, unknown> =
      kind === 'menu'
        ? {
            prompt: text(i),
            options: [
              { key: '1', label: { 'en-US': 'On' } },
              { key: '2', label: { 'en-US': 'Skip' } },
            ],
          }
        : kind === 'ask'
          ? { prompt: text(i), variable: 'answer', slot: { type: 'digits', maxLength: 4 } }
          : { prompt: text(i) };
    nodes.push({ id: `${kind}${i}`, type: kind, label: `${kind} ${i}`, position: { x: i * 10, y: 0 }, config });
  }
  const link = (from: FlowNode | undefined, port: string, to: FlowNode | undefined) => {
    if (from && to) edges.push({ id: `${from.id}:${port}`, source: from.id, port, target: to.id });
  };
  nodes.forEach((node, i) => {
    if (node.type === 'menu') {
      link(node, '1', nodes[i + 1]);
      link(node, '2', nodes[i + 4]);
      if (i > 6) link(node, 'noMatch', nodes[i - 6]);
    } else link(node, 'next', nodes[i + 1]);
  });
  return {
    id: `branching-${count}`,
    name: `Branching ${count}`,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locales: ['en-US'],
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
