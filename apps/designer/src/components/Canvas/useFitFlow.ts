import { useCallback } from 'react';
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { nodeCardSize } from '../../core/nodeCardSize.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';

/**
 * Zooms to fit the whole flow from the document's positions and the known node geometry. xyflow's own fitView
 * waits until every node was measured, which never happens when only the nodes in view are mounted.
 */
export function useFitFlow(): (options?: { duration?: number }) => void {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (options = {}) => {
      const { flow, catalog } = useFlowStore.getState();
      if (!flow || flow.nodes.length === 0) return;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const node of flow.nodes) {
        const { x, y } = node.position ?? { x: 0, y: 0 };
        const size = nodeCardSize(node, catalog.byType.get(node.type));
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x + size.width);
        maxY = Math.max(maxY, y + size.height);
      }
      const { width, height, minZoom } = store.getState();
      const viewport = getViewportForBounds({ x: minX, y: minY, width: maxX - minX, height: maxY - minY }, width, height, minZoom, 1.2, 0.1);
      void setViewport(viewport, { duration: options.duration ?? 0 });
    },
    [setViewport, store],
  );
}
