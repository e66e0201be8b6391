import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '@omniflow/flow-schema';
import { layoutFlow } from './layoutFlow.ts';
import { nodeSize } from './nodeGeometry.ts';

/** A 200-node survey-like flow: a 100-step main path, each step with a side branch — the shape that made one strip. */
function generatedFlow(steps: number): FlowDocument {
  const nodes: FlowNode[] = [];
  const edges: FlowDocument['edges'] = [];
  for (let i = 0; i < steps; i += 1) {
    nodes.push({ id: `q${i}`, type: 'menu', config: {} }, { id: `side${i}`, type: 'message', config: {} });
    edges.push({ source: `q${i}`, port: '2', target: `side${i}` });
    if (i + 1 < steps)
      edges.push(
        { source: `q${i}`, port: '1', target: `q${i + 1}` },
        { source: `side${i}`, port: 'next', target: `q${i + 1}` },
      );
  }
  return {
    id: 'gen',
    name: 'Generated',
    schemaVersion: 1,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'q0',
    nodes,
    edges,
  };
}

describe('layoutFlow', () => {
  it('wraps a 200-node flow into a 2-D layout no wider than 4:1 (issue 20: one 50,000 px strip)', async () => {
    const flow = generatedFlow(100);
    const size = nodeSize(3, true);
    const positions = await layoutFlow(flow, () => size);
    expect(positions.size).toBe(200);
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    const width = Math.max(...xs) - Math.min(...xs) + size.width;
    const height = Math.max(...ys) - Math.min(...ys) + size.height;
    expect(width / height).toBeLessThanOrEqual(4);
    expect(height / width).toBeLessThanOrEqual(4);
    // elk lays out 200 nodes in well under a second alone; on a shared CI machine it has taken 6 s.
  }, 30_000);

  it('keeps cards apart', async () => {
    const size = nodeSize(3, true);
    const positions = [...(await layoutFlow(generatedFlow(30), () => size)).values()];
    for (let i = 0; i < positions.length; i += 1) {
      for (let j = i + 1; j < positions.length; j += 1) {
        const [a, b] = [positions[i], positions[j]];
        if (!a || !b) continue;
        const overlap = Math.abs(a.x - b.x) < size.width && Math.abs(a.y - b.y) < size.height;
        expect(overlap).toBe(false);
      }
    }
  });
});
