import { describe, expect, it } from 'vitest';
import { EdgeRouter, pathCrosses } from './EdgeRouter.ts';
import type { Box } from './routeOrthogonal.ts';

const card = (x: number, y: number): Box => ({ x, y, width: 220, height: 90 });

describe('EdgeRouter', () => {
  const requests = [
    { id: 'a:next', from: { x: 224, y: 40 }, to: { x: 596, y: 40 } },
    { id: 'c:next', from: { x: 224, y: 640 }, to: { x: 596, y: 640 } },
  ];
  const layout = () =>
    new Map([
      ['a', card(0, 0)],
      ['b', card(600, 0)],
      ['c', card(0, 600)],
      ['d', card(600, 600)],
      ['far', card(2000, 2000)],
    ]);

  it('re-routes only the edges a moved card touches or stands in', () => {
    const router = new EdgeRouter();
    const boxes = layout();
    router.route(boxes, requests);
    expect(router.rerouted).toBe(2);
    boxes.set('far', card(2100, 2000));
    router.route(boxes, requests);
    expect(router.rerouted).toBe(0);
    // Dropped right across the first edge's line: that edge goes around it now, the other is kept.
    const blocker = card(300, 0);
    boxes.set('far', blocker);
    const routes = router.route(boxes, requests);
    expect(router.rerouted).toBe(1);
    expect(pathCrosses(routes.get('a:next') ?? [], blocker)).toBe(false);
    expect(routes.get('a:next')?.length).toBeGreaterThan(2);
  });

  it('straightens an edge again once the card in its way has left', () => {
    const router = new EdgeRouter();
    const boxes = layout();
    boxes.set('far', card(300, 0));
    expect(router.route(boxes, requests).get('a:next')?.length).toBeGreaterThan(2);
    boxes.set('far', card(2000, 2000));
    expect(router.route(boxes, requests).get('a:next')).toEqual([requests[0]?.from, requests[0]?.to]);
  });

  it('draws two edges between the same two cards apart, and keeps their arrays while nothing moves (issue 20)', () => {
    const router = new EdgeRouter();
    const boxes = new Map([
      ['menu', card(0, 0)],
      ['end', card(600, 300)],
    ]);
    const parallel = [
      { id: 'menu:1', from: { x: 224, y: 30 }, to: { x: 596, y: 345 }, pair: 'menu>end' },
      { id: 'menu:2', from: { x: 224, y: 60 }, to: { x: 596, y: 345 }, pair: 'menu>end' },
    ];
    const routes = router.route(boxes, parallel);
    const verticalXs = (id: string) => {
      const points = routes.get(id) ?? [];
      return points.slice(1).flatMap((p, i) => (p.x === points[i]?.x ? [p.x] : []));
    };
    const one = verticalXs('menu:1');
    const two = verticalXs('menu:2');
    expect(one.length).toBeGreaterThan(0);
    expect(two.length).toBeGreaterThan(0);
    expect(one.filter((x) => two.includes(x))).toEqual([]);
    for (const id of ['menu:1', 'menu:2']) {
      const points = routes.get(id) ?? [];
      expect(points[0]).toEqual(parallel.find((r) => r.id === id)?.from);
      expect(points.at(-1)).toEqual({ x: 596, y: 345 });
      for (const box of boxes.values()) expect(pathCrosses(points.slice(1, -1), box)).toBe(false);
      // Still orthogonal: every run is horizontal or vertical.
      points.slice(1).forEach((p, i) => expect(p.x === points[i]?.x || p.y === points[i]?.y).toBe(true));
    }
    const again = router.route(boxes, parallel);
    expect(again.get('menu:1')).toBe(routes.get('menu:1'));
    expect(again.get('menu:2')).toBe(routes.get('menu:2'));
  });
});
