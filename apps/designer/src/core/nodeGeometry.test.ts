import { describe, expect, it } from 'vitest';
import { handleBoxes, nodeSize } from './nodeGeometry.ts';

describe('node geometry', () => {
  it('places one source handle per port, top to bottom, inside the card', () => {
    const boxes = handleBoxes(['1', '2', 'noInput'], true);
    const sources = boxes.filter((b) => b.type === 'source');
    expect(sources.map((b) => b.id)).toEqual(['1', '2', 'noInput']);
    const ys = sources.map((b) => b.y);
    expect(ys).toEqual([...ys].toSorted((a, b) => a - b));
    const { height } = nodeSize(3);
    for (const b of sources) expect(b.y + b.height).toBeLessThan(height);
  });

  it('gives a node without ports no source handles and centres its input', () => {
    const [input, ...rest] = handleBoxes([], true);
    expect(rest).toEqual([]);
    expect(input?.y).toBeCloseTo(nodeSize(0).height / 2 - (input?.height ?? 0) / 2);
  });
});
