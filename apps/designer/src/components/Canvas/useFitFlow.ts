import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { nodeCardSize } from '../../core/nodeCardSize.ts';
import { readableViewport, type FlowBounds } from '../../core/readableViewport.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useVersionPreview } from '../../store/useVersionPreview.ts';

/**
 * Zooms to fit the whole flow from the document's positions and the known node geometry, never below the zoom where
 * titles stay readable (a flow too big for that opens on its start node). xyflow's own fitView waits until every node
 * was measured, which never happens when only the nodes in view are mounted.
 */
export function useFitFlow(): (options?: { duration?: number }) => void {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (options = {}) => {
      const { catalog } = useFlowStore.getState();
      // The flow on the canvas: a previewed version (a replayed contact's) in place of the draft.
      const flow = useVersionPreview.getState().preview?.flow ?? useFlowStore.getState().flow;
      if (!flow || flow.nodes.length === 0) return;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      let start: FlowBounds | null = null;
      for (const node of flow.nodes) {
        const { x, y } = node.position ?? { x: 0, y: 0 };
        const size = nodeCardSize(node, catalog.byType.get(node.type));
        if (node.id === flow.start) start = { x, y, ...size };
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x + size.width);
        maxY = Math.max(maxY, y + size.height);
      }
      const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
      const { width, height } = store.getState();
      const viewport = readableViewport(bounds, start ?? { ...bounds, width: 0, height: 0 }, { width, height });
      void setViewport(viewport, { duration: options.duration ?? 0 });
    },
    [setViewport, store],
  );
}
