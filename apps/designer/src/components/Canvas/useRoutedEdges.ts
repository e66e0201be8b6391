import { useMemo, useRef } from 'react';
import type { Edge } from '@xyflow/react';
import { EdgeRouter, type RouteRequest } from '../../core/EdgeRouter.ts';
import type { Box, Point } from '../../core/routeOrthogonal.ts';
import type { FlowCanvasNode } from '../FlowNodeView/FlowNodeView.tsx';
import type { RoutedCanvasEdge } from '../RoutedEdge/RoutedEdge.tsx';

/**
 * Routes the canvas's edges around the node cards (issue 20: edges ran behind nodes). Cards and handles come from
 * the fixed card geometry, in absolute flow coordinates; an edge keeps its object while its route is unchanged, so a
 * drag re-renders only the edges it re-routes. Off (plain edges) when `enabled` is false.
 */
export function useRoutedEdges(nodes: readonly FlowCanvasNode[], edges: Edge[], enabled: boolean): Edge[] {
  const router = useRef<EdgeRouter | null>(null);
  const previous = useRef(new Map<string, { key: string; points: Point[]; routed: RoutedCanvasEdge }>());
  return useMemo(() => {
    if (!enabled) return edges;
    router.current ??= new EdgeRouter();
    const boxes = new Map<string, Box>();
    const anchors = new Map<string, Point>();
    for (const node of nodes) {
      const { x, y } = node.position;
      boxes.set(node.id, { x, y, width: node.initialWidth ?? 0, height: node.initialHeight ?? 0 });
      // Where xyflow anchors an edge: the outer middle of the handle on the card's side.
      for (const handle of node.handles ?? []) {
        const onRight = handle.position === 'right';
        const hx = x + handle.x + (onRight ? (handle.width ?? 0) : 0);
        anchors.set(`${node.id}\u0000${handle.id ?? ''}`, { x: hx, y: y + handle.y + (handle.height ?? 0) / 2 });
      }
    }
    const requests: RouteRequest[] = [];
    for (const edge of edges) {
      const from = anchors.get(`${edge.source}\u0000${edge.sourceHandle ?? ''}`);
      const to = anchors.get(`${edge.target}\u0000${edge.targetHandle ?? ''}`);
      if (from && to) requests.push({ id: edge.id, from, to, pair: `${edge.source}\u0000${edge.target}` });
    }
    const routes = router.current.route(boxes, requests);
    const kept = new Map<string, { key: string; points: Point[]; routed: RoutedCanvasEdge }>();
    const out = edges.map((edge): Edge => {
      const points = routes.get(edge.id);
      if (!points) return edge;
      // The edge objects are derived afresh on every flow change; what xyflow draws of them is this.
      const key = `${edge.source}|${edge.sourceHandle}|${edge.target}|${edge.selected}|${edge.className}`;
      const last = previous.current.get(edge.id);
      const routed: RoutedCanvasEdge =
        last && last.key === key && last.points === points
          ? last.routed
          : { ...edge, type: 'routed', data: { points } };
      kept.set(edge.id, { key, points, routed });
      return routed;
    });
    previous.current = kept;
    return out;
  }, [nodes, edges, enabled]);
}
