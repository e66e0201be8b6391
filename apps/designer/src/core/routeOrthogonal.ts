/** A point on the canvas, in flow coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box on the canvas (a node card), in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far routes keep from every card, and how long the straight stub out of a port and into an input is. */
export const ROUTE_CLEARANCE = 14;
export const ROUTE_STUB = 22;
/** A bend costs as much as this many pixels of length: fewer, longer straight runs read better than a staircase. */
const BEND_COST = 60;

/**
 * An orthogonal path from a port on a card's right side (`from`, leaving rightwards) to an input on a card's left
 * side (`to`, entering rightwards) that goes around every obstacle, keeping {@link ROUTE_CLEARANCE} from each.
 *
 * The search runs over the orthogonal visibility grid of the obstacles in a window around the two ends (the lines
 * along every inflated obstacle side and through both ends), shortest length plus a cost per bend (A*). The window
 * grows when it holds no path; when the ends themselves sit inside an obstacle (cards overlapping), that obstacle
 * is ignored rather than failing. Returns the corner points, `from` first and `to` last.
 */
export function routeOrthogonal(from: Point, to: Point, obstacles: readonly Box[]): Point[] {
  const start = { x: from.x + ROUTE_STUB, y: from.y };
  const end = { x: to.x - ROUTE_STUB, y: to.y };
  const inflated = obstacles
    .map((b) => ({
      left: b.x - ROUTE_CLEARANCE,
      right: b.x + b.width + ROUTE_CLEARANCE,
      top: b.y - ROUTE_CLEARANCE,
      bottom: b.y + b.height + ROUTE_CLEARANCE,
    }))
    .filter((r) => !insideRect(start, r) && !insideRect(end, r));
  for (let pad = 160; ; pad *= 4) {
    const window = {
      left: Math.min(start.x, end.x) - pad,
      right: Math.max(start.x, end.x) + pad,
      top: Math.min(start.y, end.y) - pad,
      bottom: Math.max(start.y, end.y) + pad,
    };
    const inWindow = inflated.filter(
      (r) => r.right > window.left && r.left < window.right && r.bottom > window.top && r.top < window.bottom,
    );
    const path = searchGrid(start, end, inWindow, window);
    const holdsAll = inWindow.length === inflated.length;
    if (path) return simplify([from, ...path, to]);
    // Every obstacle was in the window and a wide margin was around them: no orthogonal path exists.
    if (holdsAll && pad > 10_000) return simplify([from, start, { x: start.x, y: end.y }, end, to]);
  }
}

/** Whether the segment from `a` to `b` (horizontal or vertical) passes through the inside of `box`. */
export function segmentCrossesBox(a: Point, b: Point, box: Box, inset = 0.5): boolean {
  const left = box.x + inset;
  const right = box.x + box.width - inset;
  const top = box.y + inset;
  const bottom = box.y + box.height - inset;
  const minX = Math.min(a.x, b.x);
  const maxX = Math.max(a.x, b.x);
  const minY = Math.min(a.y, b.y);
  const maxY = Math.max(a.y, b.y);
  return maxX > left && minX < right && maxY > top && minY < bottom;
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function insideRect(p: Point, r: Rect): boolean {
  return p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom;
}

/** A* over the visibility grid of `rects` inside `window`; null when the ends are not connected there. */
function searchGrid(start: Point, end: Point, rects: readonly Rect[], window: Rect): Point[] | null {
  const xs = sortedUnique([start.x, end.x, window.left, window.right, ...rects.flatMap((r) => [r.left, r.right])]);
  const ys = sortedUnique([start.y, end.y, window.top, window.bottom, ...rects.flatMap((r) => [r.top, r.bottom])]);
  const nx = xs.length;
  const ny = ys.length;
  // blockedH has j * nx + i when the run from (i, j) to (i + 1, j) is inside an obstacle; blockedV for (i, j)–(i, j + 1).
  // Sparse: a long edge's window over a 300-node flow has a grid of ~600 × 600 vertices, mostly never visited.
  const blockedH = new Set<number>();
  const blockedV = new Set<number>();
  for (const r of rects) {
    const il = lowerBound(xs, r.left);
    const ir = lowerBound(xs, r.right);
    const jt = lowerBound(ys, r.top);
    const jb = lowerBound(ys, r.bottom);
    for (let j = jt + 1; j < jb; j++) for (let i = il; i < ir; i++) blockedH.add(j * nx + i);
    for (let j = jt; j < jb; j++) for (let i = il + 1; i < ir; i++) blockedV.add(j * nx + i);
  }
  const si = lowerBound(xs, start.x);
  const sj = lowerBound(ys, start.y);
  const ei = lowerBound(xs, end.x);
  const ej = lowerBound(ys, end.y);
  // A state is a grid vertex and the axis it was reached along (0 horizontal, 1 vertical).
  const states = nx * ny * 2;
  const cost = new Map<number, number>();
  const previous = new Map<number, number>();
  const heap = new MinHeap();
  const startState = (sj * nx + si) * 2;
  cost.set(startState, 0);
  const heuristic = (i: number, j: number) => Math.abs((xs[i] ?? 0) - end.x) + Math.abs((ys[j] ?? 0) - end.y);
  heap.push(startState, heuristic(si, sj));
  let goal = -1;
  while (heap.size > 0) {
    const item = heap.pop();
    // Items past the last state stand for "done after arriving in state item - states", at their full cost.
    if (item >= states) {
      goal = item - states;
      break;
    }
    const state = item;
    const vertex = state >> 1;
    const axis = state & 1;
    const i = vertex % nx;
    const j = (vertex - i) / nx;
    const here = cost.get(state) ?? Infinity;
    if (i === ei && j === ej) {
      // The last stub into the input is horizontal: arriving vertically costs one more bend.
      heap.push(states + state, here + (axis === 1 ? BEND_COST : 0));
      continue;
    }
    const step = (ni: number, nj: number, nextAxis: number, length: number) => {
      const next = (nj * nx + ni) * 2 + nextAxis;
      const total = here + length + (nextAxis === axis ? 0 : BEND_COST);
      if (total < (cost.get(next) ?? Infinity)) {
        cost.set(next, total);
        previous.set(next, state);
        heap.push(next, total + heuristic(ni, nj));
      }
    };
    const x = xs[i] ?? 0;
    const y = ys[j] ?? 0;
    if (i + 1 < nx && !blockedH.has(j * nx + i)) step(i + 1, j, 0, (xs[i + 1] ?? 0) - x);
    if (i > 0 && !blockedH.has(j * nx + i - 1)) step(i - 1, j, 0, x - (xs[i - 1] ?? 0));
    if (j + 1 < ny && !blockedV.has(j * nx + i)) step(i, j + 1, 1, (ys[j + 1] ?? 0) - y);
    if (j > 0 && !blockedV.has((j - 1) * nx + i)) step(i, j - 1, 1, y - (ys[j - 1] ?? 0));
  }
  if (goal === -1) return null;
  const points: Point[] = [];
  for (let state = goal; state !== -1; state = previous.get(state) ?? -1) {
    const vertex = state >> 1;
    const i = vertex % nx;
    points.push({ x: xs[i] ?? 0, y: ys[(vertex - i) / nx] ?? 0 });
  }
  return points.toReversed();
}

/** Drops repeated points and the middle of three collinear ones. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y)))
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

function sortedUnique(values: number[]): number[] {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

/** The index of `value` in the sorted `values` (or of the first larger one). */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A binary min-heap of integer items by priority. */
class MinHeap {
  private items: number[] = [];
  private priorities: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: number, priority: number): void {
    const { items, priorities } = this;
    let at = items.length;
    items.push(item);
    priorities.push(priority);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if ((priorities[parent] ?? 0) <= priority) break;
      items[at] = items[parent] ?? 0;
      priorities[at] = priorities[parent] ?? 0;
      at = parent;
    }
    items[at] = item;
    priorities[at] = priority;
  }

  pop(): number {
    const { items, priorities } = this;
    const top = items[0] ?? -1;
    const lastItem = items.pop() ?? 0;
    const lastPriority = priorities.pop() ?? 0;
    const n = items.length;
    if (n === 0) return top;
    let at = 0;
    for (;;) {
      const left = at * 2 + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && (priorities[right] ?? 0) < (priorities[left] ?? 0) ? right : left;
      if ((priorities[child] ?? 0) >= lastPriority) break;
      items[at] = items[child] ?? 0;
      priorities[at] = priorities[child] ?? 0;
      at = child;
    }
    items[at] = lastItem;
    priorities[at] = lastPriority;
    return top;
  }
}
