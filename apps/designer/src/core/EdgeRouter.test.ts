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
});
