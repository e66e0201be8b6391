import { describe, expect, it } from 'vitest';
import {
  drawFlowOverview,
  overviewFrame,
  overviewNodeAt,
  type OverviewContext,
  type OverviewEdge,
  type OverviewNode,
} from './drawFlowOverview.ts';

function card(id: string, x: number, y: number, extra: Partial<OverviewNode> = {}): OverviewNode {
  return {
    id,
    x,
    y,
    width: 220,
    height: 75,
    label: `Label ${id}`,
    icon: '☰',
    selected: false,
    active: false,
    hasErrors: false,
    isStart: false,
    ...extra,
  };
}

/** Records the drawing calls that matter (strokes with their style, texts) instead of drawing. */
function recordingContext(): { ctx: OverviewContext; strokes: { style: string; width: number }[]; texts: string[] } {
  const strokes: { style: string; width: number }[] = [];
  const texts: string[] = [];
  const ctx: OverviewContext = {
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '',
    font: '',
    textBaseline: 'alphabetic',
    setTransform: () => undefined,
    clearRect: () => undefined,
    beginPath: () => undefined,
    moveTo: () => undefined,
    bezierCurveTo: () => undefined,
    stroke: () => {
      strokes.push({ style: String(ctx.strokeStyle), width: ctx.lineWidth });
    },
    fill: () => undefined,
    rect: () => undefined,
    fillText: (text: string) => {
      texts.push(text);
    },
    save: () => undefined,
    restore: () => undefined,
    clip: () => undefined,
  };
  return { ctx, strokes, texts };
}

const edge = (highlighted = false): OverviewEdge => ({ from: { x: 220, y: 40 }, to: { x: 300, y: 40 }, highlighted });

describe('the zoomed-out flow overview', () => {
  const nodes = [card('a', 0, 0), card('b', 300, 0, { selected: true }), card('c', 600, 220, { hasErrors: true })];

  it('covers every card with a margin, at the screen resolution for the zoom', () => {
    const frame = overviewFrame(nodes, 0.3, 2);
    expect(frame.x).toBeLessThan(0);
    expect(frame.y).toBeLessThan(0);
    expect(frame.x + frame.width).toBeGreaterThan(820);
    expect(frame.y + frame.height).toBeGreaterThan(295);
    expect(frame.scale).toBeCloseTo(0.6);
  });

  it('lowers the resolution of a huge flow so the canvas stays within browser limits', () => {
    const huge = Array.from({ length: 400 }, (_, i) => card(`n${i}`, (i % 20) * 3000, Math.floor(i / 20) * 3000));
    const frame = overviewFrame(huge, 0.4, 2);
    expect(frame.width * frame.scale).toBeLessThanOrEqual(8192);
    expect(frame.width * frame.scale * frame.height * frame.scale).toBeLessThanOrEqual(16_000_001);
  });

  it('strokes all plain edges as one path and highlights the active one separately', () => {
    const rec = recordingContext();
    drawFlowOverview(rec.ctx, overviewFrame(nodes, 0.3, 1), nodes, [edge(), edge(), edge(), edge(true)]);
    const edgeStrokes = rec.strokes.filter((s) => s.style === '#a3aab8' || s.style === '#16a34a');
    expect(edgeStrokes).toHaveLength(2);
  });

  it('outlines the selected and the failing node in their own colours', () => {
    const rec = recordingContext();
    drawFlowOverview(rec.ctx, overviewFrame(nodes, 0.3, 1), nodes, []);
    const styles = rec.strokes.map((s) => s.style);
    expect(styles).toContain('#2f6fed');
    expect(styles).toContain('#d93025');
  });

  it('writes icons and labels while they are legible and leaves them out when too small', () => {
    const legible = recordingContext();
    drawFlowOverview(legible.ctx, overviewFrame(nodes, 0.3, 1), nodes, []);
    expect(legible.texts).toEqual(['☰ Label a', '☰ Label b', '☰ Label c']);
    const tiny = recordingContext();
    drawFlowOverview(tiny.ctx, overviewFrame(nodes, 0.1, 1), nodes, []);
    expect(tiny.texts).toEqual([]);
  });

  it('finds the card under a point, the topmost when cards overlap, and nothing between cards', () => {
    const overlapping = [...nodes, card('d', 350, 10)];
    expect(overviewNodeAt(overlapping, { x: 10, y: 10 })).toBe('a');
    expect(overviewNodeAt(overlapping, { x: 400, y: 20 })).toBe('d');
    expect(overviewNodeAt(overlapping, { x: 260, y: 10 })).toBeNull();
  });
});
