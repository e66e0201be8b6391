/** Screen pixels around a fitted flow. */
const FIT_PADDING = 40;

/**
 * The zoom under which a card's 13 px title is smaller than ~9 screen pixels: fitting never goes below it, and the
 * canvas switches to its title-only cards there (issue 20: examples opened at 0.3 with labels cut and ports hidden).
 */
export const READABLE_ZOOM = 0.7;

/** A rectangle in flow coordinates. */
export interface FlowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The viewport that shows the whole flow, zoomed to at most `maxZoom` — or, when that would take the zoom below
 * `READABLE_ZOOM`, the viewport at that zoom with the start node at the left, vertically centred, where a reader begins.
 */
export function readableViewport(
  bounds: FlowBounds,
  start: FlowBounds,
  pane: { width: number; height: number },
  maxZoom = 1.2,
): { x: number; y: number; zoom: number } {
  const fit = Math.min(
    (pane.width - 2 * FIT_PADDING) / Math.max(bounds.width, 1),
    (pane.height - 2 * FIT_PADDING) / Math.max(bounds.height, 1),
    maxZoom,
  );
  if (fit >= READABLE_ZOOM) {
    return {
      x: pane.width / 2 - (bounds.x + bounds.width / 2) * fit,
      y: pane.height / 2 - (bounds.y + bounds.height / 2) * fit,
      zoom: fit,
    };
  }
  const zoom = READABLE_ZOOM;
  return { x: FIT_PADDING - start.x * zoom, y: pane.height / 2 - (start.y + start.height / 2) * zoom, zoom };
}
