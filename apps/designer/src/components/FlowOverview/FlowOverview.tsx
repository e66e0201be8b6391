import { useLayoutEffect, useMemo, useRef } from 'react';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { drawFlowOverview, overviewFrame, type OverviewEdge, type OverviewNode } from '../../core/drawFlowOverview.ts';

/**
 * Zoom rounded to quarter steps of a doubling: the overview is redrawn at a new resolution only when the zoom has moved
 * by about a fifth, not on every frame of a zoom gesture.
 */
const zoomTier = (s: ReactFlowState) => 2 ** (Math.round(Math.log2(s.transform[2]) * 4) / 4);

/**
 * The zoomed-out level of detail: the whole flow drawn once on one <canvas> inside xyflow's viewport, so panning moves a
 * bitmap instead of repainting every node and edge. It is redrawn only when the flow, selection or zoom tier changes;
 * it takes no pointer events (the canvas hit-tests clicks with `overviewNodeAt`).
 */
export function FlowOverview({
  nodes: overviewNodes,
  edges: overviewEdges,
}: {
  nodes: readonly OverviewNode[];
  edges: readonly OverviewEdge[];
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const zoom = useStore(zoomTier);
  const frame = useMemo(() => overviewFrame(overviewNodes, zoom, window.devicePixelRatio || 1), [overviewNodes, zoom]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = Math.ceil(frame.width * frame.scale);
    canvas.height = Math.ceil(frame.height * frame.scale);
    drawFlowOverview(ctx, frame, overviewNodes, overviewEdges);
    canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? '0') + 1);
  }, [frame, overviewNodes, overviewEdges]);

  return (
    <ViewportPortal>
      <canvas
        ref={canvasRef}
        className="flow-overview"
        aria-hidden="true"
        data-nodes={overviewNodes.length}
        data-edges={overviewEdges.length}
        style={{ left: frame.x, top: frame.y, width: frame.width, height: frame.height }}
      />
    </ViewportPortal>
  );
}
