import type { Point } from './routeOrthogonal.ts';

/** Pixels between two parallel edges' lines: apart enough to see both, well inside the routes' card clearance. */
export const PARALLEL_GAP = 6;

/**
 * Moves the inner lines of edges that join the same two cards apart, so each is seen (issue 20: two ports of one
 * menu going to one step were drawn as one line). Member `k` of `n` moves by `(k - (n - 1) / 2) × gap`: its inner
 * vertical runs sideways and its inner horizontal runs up or down. The ends, the runs out of the port and into the
 * input and the points they pin stay where they are, so every route stays orthogonal and attached.
 */
export function spreadParallel(routes: readonly (readonly Point[])[], gap = PARALLEL_GAP): Point[][] {
  const n = routes.length;
  return routes.map((points, k) => {
    const offset = (k - (n - 1) / 2) * gap;
    const moved = points.map((p) => ({ ...p }));
    if (offset === 0 || points.length < 4) return moved;
    const last = points.length - 1;
    for (let i = 1; i + 1 < last; i++) {
      const a = points[i];
      const b = points[i + 1];
      const ma = moved[i];
      const mb = moved[i + 1];
      if (!a || !b || !ma || !mb) continue;
      if (a.x === b.x) {
        // A vertical run: both its corners move sideways (the stubs they join only change length).
        ma.x = a.x + offset;
        mb.x = b.x + offset;
      } else if (a.y === b.y && i > 1 && i + 1 < last - 1) {
        // An inner horizontal run: the stubs' corners keep the ports' heights.
        ma.y = a.y + offset;
        mb.y = b.y + offset;
      }
    }
    return moved;
  });
}
