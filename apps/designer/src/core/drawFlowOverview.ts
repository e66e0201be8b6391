/** A node as the zoomed-out overview draws it, in flow coordinates. */
export interface OverviewNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  icon: string;
  selected: boolean;
  active: boolean;
  hasErrors: boolean;
  isStart: boolean;
}

/** An edge as the overview draws it: from a port handle's centre to the target's input handle, in flow coordinates. */
export interface OverviewEdge {
  from: { x: number; y: number };
  to: { x: number; y: number };
  highlighted: boolean;
}

/** The subset of CanvasRenderingContext2D the overview uses, so it can be drawn (and tested) without a DOM. */
export type OverviewContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'bezierCurveTo'
  | 'stroke'
  | 'fill'
  | 'rect'
  | 'fillText'
  | 'save'
  | 'restore'
  | 'clip'
  | 'lineWidth'
  | 'strokeStyle'
  | 'fillStyle'
  | 'font'
  | 'textBaseline'
>;

/** The flow-space rectangle a drawing covers and the pixels per flow unit it is drawn at. */
export interface OverviewFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Device pixels per flow unit. */
  scale: number;
}

/** Label size in flow units: the card's 13 px title is unreadable when zoomed out, so the overview writes it larger. */
const OVERVIEW_LABEL_SIZE = 28;
/** Below this many device pixels a glyph is a smudge, so labels are left out. */
const MIN_LABEL_PIXELS = 6;
const PADDING = 40;
/** Canvas limits: browsers refuse or slow down on larger backing stores. */
const MAX_SIDE = 8192;
const MAX_PIXELS = 16_000_000;

const COLORS = {
  card: '#ffffff',
  border: '#b7bfcc',
  edge: '#a3aab8',
  accent: '#2f6fed',
  danger: '#d93025',
  active: '#16a34a',
  text: '#1f2430',
  start: '#e3f5e9',
};

/**
 * Where to draw the overview of `nodes` viewed at `zoom` on a screen with `pixelRatio`: their bounds with a margin, and a
 * resolution as close to the screen's as the canvas size limits allow.
 */
export function overviewFrame(nodes: readonly OverviewNode[], zoom: number, pixelRatio: number): OverviewFrame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x + n.width);
    maxY = Math.max(maxY, n.y + n.height);
  }
  if (nodes.length === 0) return { x: 0, y: 0, width: 1, height: 1, scale: 1 };
  const width = maxX - minX + 2 * PADDING;
  const height = maxY - minY + 2 * PADDING;
  const scale = Math.min(
    zoom * pixelRatio,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_PIXELS / (width * height)),
  );
  return { x: minX - PADDING, y: minY - PADDING, width, height, scale };
}

/**
 * Draws the whole flow as the zoomed-out overview: all edges as one path, each node as a card with its state's
 * border and, when legible at this scale, its icon and label.
 */
export function drawFlowOverview(
  ctx: OverviewContext,
  frame: OverviewFrame,
  nodes: readonly OverviewNode[],
  edges: readonly OverviewEdge[],
): void {
  const s = frame.scale;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, Math.ceil(frame.width * s), Math.ceil(frame.height * s));
  ctx.setTransform(s, 0, 0, s, -frame.x * s, -frame.y * s);
  // Line widths are in device pixels whatever the scale, so divide by it.
  const px = 1 / s;

  strokeEdges(
    ctx,
    edges.filter((e) => !e.highlighted),
    COLORS.edge,
    1.5 * px,
  );
  strokeEdges(
    ctx,
    edges.filter((e) => e.highlighted),
    COLORS.active,
    3 * px,
  );

  ctx.beginPath();
  for (const n of nodes) ctx.rect(n.x, n.y, n.width, n.height);
  ctx.fillStyle = COLORS.card;
  ctx.fill();
  ctx.lineWidth = px;
  ctx.strokeStyle = COLORS.border;
  ctx.stroke();

  for (const n of nodes) {
    const color = n.active ? COLORS.active : n.selected ? COLORS.accent : n.hasErrors ? COLORS.danger : null;
    if (n.isStart) {
      ctx.beginPath();
      ctx.rect(n.x, n.y, n.width, 8);
      ctx.fillStyle = COLORS.start;
      ctx.fill();
    }
    if (!color) continue;
    ctx.beginPath();
    ctx.rect(n.x, n.y, n.width, n.height);
    ctx.lineWidth = (n.active || n.selected ? 3 : 2) * px;
    ctx.strokeStyle = color;
    ctx.stroke();
  }

  if (OVERVIEW_LABEL_SIZE * s < MIN_LABEL_PIXELS) return;
  ctx.font = `600 ${OVERVIEW_LABEL_SIZE}px system-ui, sans-serif, "Noto Color Emoji"`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = COLORS.text;
  for (const n of nodes) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(n.x, n.y, n.width - 8, n.height);
    ctx.clip();
    ctx.fillText(`${n.icon} ${n.label}`, n.x + 8, n.y + Math.min(n.height / 2, 8 + OVERVIEW_LABEL_SIZE));
    ctx.restore();
  }
}

/** The id of the topmost node whose card contains the flow-space `point`, or null: the overview's hit test. */
export function overviewNodeAt(nodes: readonly OverviewNode[], point: { x: number; y: number }): string | null {
  for (let i = nodes.length - 1; i >= 0; i -= 1) {
    const n = nodes[i];
    if (n && point.x >= n.x && point.x <= n.x + n.width && point.y >= n.y && point.y <= n.y + n.height) return n.id;
  }
  return null;
}

function strokeEdges(ctx: OverviewContext, edges: readonly OverviewEdge[], color: string, width: number): void {
  if (edges.length === 0) return;
  ctx.beginPath();
  for (const { from, to } of edges) {
    // The same shape as xyflow's bezier edges: horizontal tangents at both handles.
    const bend = Math.max(Math.abs(to.x - from.x) / 2, 40);
    ctx.moveTo(from.x, from.y);
    ctx.bezierCurveTo(from.x + bend, from.y, to.x - bend, to.y, to.x, to.y);
  }
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
}
