import type { Edge } from '@xyflow/react';
import type { OverviewEdge, OverviewNode } from '../../core/drawFlowOverview.ts';
import type { FlowCanvasNode } from '../FlowNodeView/FlowNodeView.tsx';

/** The overview's picture of the canvas elements: node cards and edges between handle centres, in flow coordinates. */
export function toOverview(
  nodes: readonly FlowCanvasNode[],
  edges: readonly Edge[],
): { overviewNodes: OverviewNode[]; overviewEdges: OverviewEdge[] } {
  const byId = new Map<string, FlowCanvasNode>();
  for (const n of nodes) byId.set(n.id, n);
  const overviewNodes = nodes.map((n): OverviewNode => ({
    id: n.id,
    x: n.position.x,
    y: n.position.y,
    width: n.initialWidth ?? 0,
    height: n.initialHeight ?? 0,
    label: n.data.label,
    icon: n.data.unknownType ? '⚠' : n.data.icon,
    selected: n.selected ?? false,
    active: n.data.active,
    // A failing test's node is drawn like a node with errors, so it stands out in the overview too.
    hasErrors: n.data.errorCount > 0 || n.data.testFailed,
    isStart: n.data.isStart,
  }));
  const overviewEdges: OverviewEdge[] = [];
  for (const e of edges) {
    const from = handleCentre(byId.get(e.source), e.sourceHandle);
    const to = handleCentre(byId.get(e.target), 'in');
    if (from && to) overviewEdges.push({ from, to, highlighted: e.selected === true || e.className === 'is-active' });
  }
  return { overviewNodes, overviewEdges };
}

function handleCentre(
  node: FlowCanvasNode | undefined,
  handleId: string | null | undefined,
): { x: number; y: number } | null {
  const handle = node?.handles?.find((h) => h.id === handleId);
  if (!node || !handle) return null;
  return {
    x: node.position.x + handle.x + (handle.width ?? 0) / 2,
    y: node.position.y + handle.y + (handle.height ?? 0) / 2,
  };
}
