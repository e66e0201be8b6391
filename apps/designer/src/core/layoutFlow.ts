import type { CanvasPosition, FlowDocument } from '@omniflow/flow-schema';
import type { ELK } from 'elkjs/lib/elk-api.js';

// elk is large: it is loaded the first time an analyst asks for a layout.
let elkInstance: Promise<ELK> | null = null;
function loadElk(): Promise<ELK> {
  elkInstance ??= import('elkjs/lib/elk.bundled.js').then(({ default: ElkConstructor }) => new ElkConstructor());
  return elkInstance;
}

/**
 * Lays the flow out left to right with elk's layered algorithm and returns a position per node. Long flows wrap into
 * rows (a 200-node survey was one 50,000 px strip, issue 20), so zoom to fit can show them.
 */
export async function layoutFlow(
  flow: FlowDocument,
  sizeOf: (nodeId: string) => { width: number; height: number },
): Promise<Map<string, CanvasPosition>> {
  const ids = new Set(flow.nodes.map((n) => n.id));
  const elk = await loadElk();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // Wrapping cuts the layer sequence into chunks stacked below each other, aiming at a screen-like aspect ratio;
      // MULTI_EDGE keeps the edges that cross a cut whole instead of splitting them with dummy nodes.
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
      'elk.aspectRatio': '1.6',
      'elk.layered.wrapping.additionalEdgeSpacing': '40',
      'elk.separateConnectedComponents': 'true',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: flow.nodes.map((n) => ({ id: n.id, ...sizeOf(n.id) })),
    edges: flow.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, CanvasPosition>();
  for (const child of graph.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
