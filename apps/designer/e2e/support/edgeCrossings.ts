import type { Page } from 'playwright-core';

/** What {@link edgeCrossings} found: how much it looked at and every edge that runs over a card. */
export interface EdgeCrossingReport {
  cards: number;
  edges: number;
  samples: number;
  crossings: string[];
}

// A plain string: the test runner's transform would inject helpers into a function serialized for the page.
const SCRIPT = `(() => {
  const cards = [...document.querySelectorAll('.react-flow__node-flowNode')].map((el) => {
    const r = el.getBoundingClientRect();
    // A stroke touching a card's border is beside it, not behind it.
    return { id: el.getAttribute('data-id'), left: r.left + 1.5, right: r.right - 1.5, top: r.top + 1.5, bottom: r.bottom - 1.5 };
  });
  const crossings = new Set();
  let samples = 0;
  const edges = [...document.querySelectorAll('.react-flow__edge')];
  for (const edge of edges) {
    const path = edge.querySelector('path.react-flow__edge-path');
    const matrix = path && path.getScreenCTM();
    if (!path || !matrix) continue;
    const length = path.getTotalLength();
    for (let at = 0; at <= length; at += 3) {
      const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
      samples += 1;
      for (const c of cards)
        if (p.x > c.left && p.x < c.right && p.y > c.top && p.y < c.bottom)
          crossings.add(edge.getAttribute('data-id') + ' over ' + c.id);
    }
  }
  return { cards: cards.length, edges: edges.length, samples, crossings: [...crossings] };
})()`;

/**
 * Samples every drawn edge path every 3 flow pixels, in screen coordinates, and lists each edge that passes inside a
 * node card's box (issue 20: edges ran behind nodes). Cards and edges must be mounted (not the zoomed-out overview).
 */
export function edgeCrossings(page: Page): Promise<EdgeCrossingReport> {
  return page.evaluate(SCRIPT) as Promise<EdgeCrossingReport>;
}
