/**
 * The fixed geometry of a node card on the canvas (kept in step with `.flow-node` in styles.css). Knowing it up front
 * lets the canvas place handles and size nodes without measuring all of them, so a 1,000-node flow mounts only the
 * nodes in view.
 */
const NODE_GEOMETRY = {
  width: 220,
  border: 1,
  header: 26,
  typeLine: 20,
  promptLine: 20,
  portsBorder: 1,
  portRow: 22,
  portsPadding: 4,
  handle: 10,
} as const;

/** Outer size of a node card with `portCount` ports, and a prompt line when its type has a prompt. */
export function nodeSize(portCount: number, hasPrompt = false): { width: number; height: number } {
  const g = NODE_GEOMETRY;
  const ports = portCount > 0 ? g.portsBorder + g.portRow * portCount + g.portsPadding : 0;
  return { width: g.width, height: g.border * 2 + g.header + g.typeLine + (hasPrompt ? g.promptLine : 0) + ports };
}

/** A handle's box relative to its node's top-left corner, in the shape xyflow takes as `node.handles`. */
export interface HandleBox {
  id: string;
  type: 'source' | 'target';
  position: 'left' | 'right';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the input handle and each port handle of a node sit. */
export function handleBoxes(portNames: readonly string[], hasInput: boolean, hasPrompt = false): HandleBox[] {
  const g = NODE_GEOMETRY;
  const half = g.handle / 2;
  const boxes: HandleBox[] = [];
  if (hasInput)
    boxes.push({
      id: 'in',
      type: 'target',
      position: 'left',
      x: g.border - half,
      y: nodeSize(portNames.length, hasPrompt).height / 2 - half,
      width: g.handle,
      height: g.handle,
    });
  portNames.forEach((id, i) => {
    const rowTop = g.border + g.header + g.typeLine + (hasPrompt ? g.promptLine : 0) + g.portsBorder + g.portRow * i;
    boxes.push({
      id,
      type: 'source',
      position: 'right',
      x: g.width - g.border - half,
      y: rowTop + g.portRow / 2 - half,
      width: g.handle,
      height: g.handle,
    });
  });
  return boxes;
}
