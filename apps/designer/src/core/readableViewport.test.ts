import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, readableViewport } from './readableViewport.ts';

const pane = { width: 1000, height: 600 };
const toScreen = (v: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({
  x: p.x * v.zoom + v.x,
  y: p.y * v.zoom + v.y,
});

describe('readableViewport', () => {
  it('fits a flow that is readable when fitted, centred in the pane', () => {
    const bounds = { x: 100, y: 50, width: 800, height: 400 };
    const view = readableViewport(bounds, { x: 100, y: 50, width: 220, height: 80 }, pane);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const topLeft = toScreen(view, bounds);
    const bottomRight = toScreen(view, { x: bounds.x + bounds.width, y: bounds.y + bounds.height });
    expect(topLeft.x).toBeGreaterThanOrEqual(0);
    expect(bottomRight.x).toBeLessThanOrEqual(pane.width);
    expect(bottomRight.y).toBeLessThanOrEqual(pane.height);
  });

  it('keeps titles readable for a flow too big to fit (issue 20), showing the start node', () => {
    const start = { x: 5000, y: 3000, width: 220, height: 80 };
    const view = readableViewport({ x: 0, y: 0, width: 20_000, height: 9000 }, start, pane);
    expect(view.zoom).toBe(READABLE_ZOOM);
    const corner = toScreen(view, start);
    const far = toScreen(view, { x: start.x + start.width, y: start.y + start.height });
    expect(corner.x).toBeGreaterThanOrEqual(0);
    expect(far.x).toBeLessThanOrEqual(pane.width);
    expect(corner.y).toBeGreaterThanOrEqual(0);
    expect(far.y).toBeLessThanOrEqual(pane.height);
  });
});
