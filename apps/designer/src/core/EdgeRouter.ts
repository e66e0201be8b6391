import { ROUTE_CLEARANCE, routeOrthogonal, segmentCrossesBox, type Box, type Point } from './routeOrthogonal.ts';
import { spreadParallel } from './spreadParallel.ts';

/** One edge to route: from its source port's anchor to its target's input anchor. */
export interface RouteRequest {
  id: string;
  from: Point;
  to: Point;
  /** Edges with the same pair (source card → target card) are drawn apart ({@link spreadParallel}). */
  pair?: string;
}

interface CachedRoute {
  from: Point;
  to: Point;
  points: Point[];
}

/**
 * Routes a canvas's edges around its cards, keeping each route while nothing near it changed: dragging one card
 * re-routes the edges attached to it and the edges whose route passes (or went around) where it was or is, not all of
 * them (`bench/routeBench.ts` measures the difference).
 */
export class EdgeRouter {
  private boxes = new Map<string, Box>();
  private routes = new Map<string, CachedRoute>();
  /** How many routes the last {@link EdgeRouter.route} call computed afresh. */
  rerouted = 0;

  /** The corner points of each requested edge, by id, around `boxes` (the cards by node id). */
  route(boxes: ReadonlyMap<string, Box>, requests: readonly RouteRequest[]): Map<string, Point[]> {
    // Where a card was and is: a route through or hugging either is stale.
    const changed: Box[] = [];
    for (const [id, box] of boxes) {
      const old = this.boxes.get(id);
      if (old && sameBox(old, box)) continue;
      changed.push(grow(box));
      if (old) changed.push(grow(old));
    }
    for (const [id, old] of this.boxes) if (!boxes.has(id)) changed.push(grow(old));
    const obstacles = [...boxes.values()];
    const routes = new Map<string, CachedRoute>();
    this.rerouted = 0;
    for (const request of requests) {
      const cached = this.routes.get(request.id);
      const keep =
        cached !== undefined &&
        samePoint(cached.from, request.from) &&
        samePoint(cached.to, request.to) &&
        !changed.some((box) => pathCrosses(cached.points, box));
      if (keep) {
        routes.set(request.id, cached);
        continue;
      }
      this.rerouted += 1;
      routes.set(request.id, {
        from: request.from,
        to: request.to,
        points: routeOrthogonal(request.from, request.to, obstacles),
      });
    }
    this.boxes = new Map(boxes);
    this.routes = routes;
    const out = new Map([...routes].map(([id, route]) => [id, route.points]));
    this.spreadPairs(requests, out);
    return out;
  }

  private spread = new Map<string, { from: readonly Point[][]; to: Point[][] }>();

  /**
   * Spreads the routes of each pair of cards joined by several edges; a pair whose routes did not change keeps its
   * spread arrays, so the canvas redraws only what moved.
   */
  private spreadPairs(requests: readonly RouteRequest[], out: Map<string, Point[]>): void {
    const pairs = new Map<string, string[]>();
    for (const request of requests) {
      if (request.pair === undefined) continue;
      const ids = pairs.get(request.pair) ?? [];
      ids.push(request.id);
      pairs.set(request.pair, ids);
    }
    const spread = new Map<string, { from: readonly Point[][]; to: Point[][] }>();
    for (const [pair, ids] of pairs) {
      if (ids.length < 2) continue;
      // In the order of the ports, top to bottom, so the lines do not cross one another.
      const ordered = ids.toSorted((a, b) => (out.get(a)?.[0]?.y ?? 0) - (out.get(b)?.[0]?.y ?? 0));
      const from = ordered.map((id) => out.get(id) ?? []);
      const last = this.spread.get(pair);
      const to =
        last && last.from.length === from.length && last.from.every((points, i) => points === from[i])
          ? last.to
          : spreadParallel(from);
      spread.set(pair, { from, to });
      ordered.forEach((id, i) => {
        const points = to[i];
        if (points) out.set(id, points);
      });
    }
    this.spread = spread;
  }
}

/** Whether any segment of a polyline passes through the inside of `box`. */
export function pathCrosses(points: readonly Point[], box: Box): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && segmentCrossesBox(a, b, box)) return true;
  }
  return false;
}

function grow(box: Box): Box {
  const by = ROUTE_CLEARANCE + 2;
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function samePoint(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}
