import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@omniflow/flow-schema';
import { diffFlowVersions, isEmptyDiff } from './diffFlowVersions.ts';
import { newFlow } from './newFlow.ts';

function withGreeting(text: string): FlowDocument {
  const flow = newFlow('f', 'Flow');
  return {
    ...flow,
    nodes: [
      ...flow.nodes,
      {
        id: 'greet',
        type: 'message',
        label: 'Greeting',
        position: { x: 200, y: 0 },
        config: { prompt: { text: { 'en-US': text } } },
      },
      { id: 'bye', type: 'end', label: 'Bye', position: { x: 400, y: 0 }, config: { outcome: 'completed' } },
    ],
    edges: [
      { source: 'start1', port: 'next', target: 'greet' },
      { source: 'greet', port: 'next', target: 'bye' },
    ],
  };
}

describe('diffFlowVersions', () => {
  it('finds no difference between a flow and its copy', () => {
    const flow = withGreeting('Hello');
    expect(isEmptyDiff(diffFlowVersions(flow, structuredClone(flow)))).toBe(true);
  });

  it('reports a changed prompt by its JSON pointer inside the node, with both values', () => {
    const diff = diffFlowVersions(withGreeting('Hello'), withGreeting('Hi there'));
    expect(diff.nodesChanged).toEqual([
      {
        id: 'greet',
        label: 'Greeting',
        changes: [{ pointer: '/config/prompt/text/en-US', before: 'Hello', after: 'Hi there' }],
      },
    ]);
    expect(diff.nodesAdded).toEqual([]);
    expect(diff.edgesAdded).toEqual([]);
  });

  it('lists nodes and edges added and removed when a node is replaced', () => {
    const a = withGreeting('Hello');
    const b = structuredClone(a);
    b.nodes = b.nodes.filter((n) => n.id !== 'bye');
    b.nodes.push({
      id: 'agent',
      type: 'transfer',
      label: 'Agent',
      position: { x: 400, y: 100 },
      config: { queue: 'general' },
    });
    b.edges = [b.edges[0]!, { source: 'greet', port: 'next', target: 'agent' }];
    const diff = diffFlowVersions(a, b);
    expect(diff.nodesAdded.map((n) => n.id)).toEqual(['agent']);
    expect(diff.nodesRemoved.map((n) => n.id)).toEqual(['bye']);
    expect(diff.edgesAdded).toEqual([{ source: 'greet', port: 'next', target: 'agent' }]);
    expect(diff.edgesRemoved).toEqual([{ source: 'greet', port: 'next', target: 'bye' }]);
  });

  it('reports flow-level changes such as a renamed flow apart from the nodes', () => {
    const a = withGreeting('Hello');
    const diff = diffFlowVersions(a, { ...a, name: 'Renamed' });
    expect(diff.flowChanges).toEqual([{ pointer: '/name', before: 'Flow', after: 'Renamed' }]);
    expect(diff.nodesChanged).toEqual([]);
  });
});
