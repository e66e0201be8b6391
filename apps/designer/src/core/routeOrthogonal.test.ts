import { describe, expect, it } from 'vitest';
import { seededRandom } from '@omniflow/flow-schema/testing';
import { ROUTE_CLEARANCE, routeOrthogonal, segmentCrossesBox, type Box, type Point } from './routeOrthogonal.ts';

const card = (x: number, y: number, width = 220, height = 90): Box => ({ x, y, width, height });
const outOf = (b: Box, dy = 40): Point => ({ x: b.x + b.width + 4, y: b.y + dy });
const into = (b: Box, dy = 40): Point => ({ x: b.x - 4, y: b.y + dy });

/** The segments of a route that cross a box, leaving out the stubs out of the source card and into the target card. */
function crossings(points: Point[], boxes: Box[], source: Box, target: Box): string[] {
  const found: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    for (const box of boxes) {
      if ((i === 1 && box === source) || (i === points.length - 1 && box === target)) continue;
      if (segmentCrossesBox(a, b, box))
        found.push(`${JSON.stringify(a)}→${JSON.stringify(b)} crosses ${JSON.stringify(box)}`);
    }
  }
  return found;
}

function isOrthogonal(points: Point[]): boolean {
  return points.every((p, i) => i === 0 || p.x === points[i - 1]!.x || p.y === points[i - 1]!.y);
}

describe('routeOrthogonal (issue 20: edges avoid nodes)', () => {
  it('draws a straight line between two cards side by side', () => {
    const a = card(0, 0);
    const b = card(400, 0);
    expect(routeOrthogonal(outOf(a), into(b), [a, b])).toEqual([outOf(a), into(b)]);
  });

  it('goes around a card standing between the two ends, keeping its clearance', () => {
    const a = card(0, 0);
    const middle = card(300, -20, 220, 130);
    const b = card(700, 0);
    const route = routeOrthogonal(outOf(a), into(b), [a, middle, b]);
    expect(isOrthogonal(route)).toBe(true);
    expect(route[0]).toEqual(outOf(a));
    expect(route.at(-1)).toEqual(into(b));
    const clearance = { ...middle, x: middle.x - ROUTE_CLEARANCE + 1, y: middle.y - ROUTE_CLEARANCE + 1 };
    clearance.width += 2 * ROUTE_CLEARANCE - 2;
    clearance.height += 2 * ROUTE_CLEARANCE - 2;
    expect(crossings(route, [a, clearance, b], a, b)).toEqual([]);
  });

  it('loops back to a card on the left without cutting through either card', () => {
    const a = card(600, 200);
    const b = card(0, 0);
    const route = routeOrthogonal(outOf(a), into(b), [a, b]);
    expect(isOrthogonal(route)).toBe(true);
    expect(crossings(route, [a, b], a, b)).toEqual([]);
  });

  it('never crosses a card on random grids of cards (seeded)', () => {
    const random = seededRandom(20);
    for (let round = 0; round < 20; round++) {
      const boxes: Box[] = [];
      for (let col = 0; col < 6; col++)
        for (let row = 0; row < 5; row++)
          if (random() < 0.7)
            boxes.push(card(col * 320 + random() * 40, row * 170 + random() * 40, 220, 60 + random() * 60));
      for (let edge = 0; edge < 10; edge++) {
        const source = boxes[Math.floor(random() * boxes.length)]!;
        const target = boxes[Math.floor(random() * boxes.length)]!;
        const route = routeOrthogonal(outOf(source, 30), into(target, 20), boxes);
        expect(isOrthogonal(route), `round ${round}`).toBe(true);
        expect(crossings(route, boxes, source, target), `round ${round} edge ${edge}`).toEqual([]);
      }
    }
  });
});
