import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Connection,
  type Edge,
  type EdgeChange,
  type EdgeTypes,
  type Node,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useVersionPreview } from '../../store/useVersionPreview.ts';
import { useT } from '../../i18n/useT.ts';
import { FlowNodeView } from '../FlowNodeView/FlowNodeView.tsx';
import { FlowOverview } from '../FlowOverview/FlowOverview.tsx';
import { toOverview } from '../FlowOverview/toOverview.ts';
import { overviewNodeAt } from '../../core/drawFlowOverview.ts';
import { useCanvasElements } from './useCanvasElements.ts';
import { useFitFlow } from './useFitFlow.ts';
import { useRoutedEdges } from './useRoutedEdges.ts';
import { RoutedEdge } from '../RoutedEdge/RoutedEdge.tsx';
import { NoteView } from '../NoteView/NoteView.tsx';
import { GroupView } from '../GroupView/GroupView.tsx';
import { useAnnotationElements } from './useAnnotationElements.ts';
import { applyCanvasNodeChanges } from './applyCanvasNodeChanges.ts';
import { useCanvasAria } from './useCanvasAria.ts';
import { groupAt, parseAnnotationId, setNodeGroup } from '../../core/annotationOps.ts';
import { READABLE_ZOOM } from '../../core/readableViewport.ts';

/** The MIME type the palette puts on a drag so the canvas knows which node type to add. */
export const NODE_TYPE_MIME = 'application/omniflow-node-type';

const NO_NODES: Node[] = [];
const NO_EDGES: Edge[] = [];
const nodeTypes: NodeTypes = { flowNode: FlowNodeView, note: NoteView, canvasGroup: GroupView };
const edgeTypes: EdgeTypes = { routed: RoutedEdge };

/** Above this many nodes, only nodes in the viewport are rendered. */
const VIRTUALIZE_ABOVE = 300;

/**
 * Below this zoom the canvas switches to its level of detail: node text is unreadable there, and painting every card
 * and edge on each pan frame is what made a zoomed-to-fit 1,000-node flow drop to ~15 fps. The flow is then drawn once
 * on a <canvas> (FlowOverview) and xyflow mounts no nodes or edges: each would otherwise re-run its store selectors on
 * every pan frame. Clicks are hit-tested against the overview.
 */
const FAR_ZOOM = 0.45;
const isZoomedFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;
/** Semantic zoom: under the readable zoom, cards drop their detail lines and draw their title large, so names stay legible. */
const isTitlesOnly = (s: ReactFlowState) => s.transform[2] < READABLE_ZOOM;
/** Whether xyflow knows the pane's size, which fitting needs. */
const hasPaneSize = (s: ReactFlowState) => s.width > 0 && s.height > 0;

/** The flow canvas: the flow document drawn with xyflow; every change goes through the store. */
export function Canvas() {
  const t = useT();
  const { nodes, edges } = useCanvasElements();
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  const dragGesture = useRef(0);
  const focus = useFlowStore((s) => s.focus);
  const previewing = useVersionPreview((s) => s.preview !== null);
  const previewFlow = useVersionPreview((s) => s.preview?.flow);
  const draftFlow = useFlowStore((s) => s.flow);
  const shownFlow = previewFlow ?? draftFlow;
  const selectedAnnotationIds = useFlowStore((s) => s.selectedAnnotationIds);
  const aria = useCanvasAria();
  const nodeCount = nodes.length;

  const onNodesChange = useCallback((changes: NodeChange<Node>[]) => {
    applyCanvasNodeChanges(changes, `drag:${dragGesture.current}`);
  }, []);

  // A card dropped inside a group's frame joins it; dropped outside every frame, it leaves its group.
  const onNodeDragStop = useCallback((_event: unknown, _node: Node, dragged: Node[]) => {
    const store = useFlowStore.getState();
    for (const card of dragged) {
      if (parseAnnotationId(card.id)) continue;
      const position = store.flow?.nodes.find((n) => n.id === card.id)?.position;
      if (!position) continue;
      const center = { x: position.x + (card.initialWidth ?? 0) / 2, y: position.y + (card.initialHeight ?? 0) / 2 };
      store.edit((f) => setNodeGroup(f, card.id, groupAt(f, center)), `drag:${dragGesture.current}`);
    }
    store.endGesture();
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const store = useFlowStore.getState();
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type === 'select') {
        selection ??= new Set(store.selectedEdgeIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
    }
    if (selection) store.select(useFlowStore.getState().selectedNodeIds, [...selection]);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target && c.sourceHandle) useFlowStore.getState().connect(c.source, c.sourceHandle, c.target);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(NODE_TYPE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_TYPE_MIME);
      if (!type) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      useFlowStore.getState().addNodeOfType(type, { x: position.x - 100, y: position.y - 20 });
    },
    [screenToFlowPosition],
  );

  useEffect(() => {
    if (!focus) return;
    const node = useFlowStore.getState().flow?.nodes.find((n) => n.id === focus.nodeId);
    if (node?.position)
      void setCenter(node.position.x + 110, node.position.y + 50, { zoom: Math.max(getZoom(), 1), duration: 300 });
  }, [focus, setCenter, getZoom]);

  // A flow opens fitted, or, when fitting would make titles unreadable, at the readable zoom on its start node — so a
  // large flow mounts only the nodes in view.
  const fitFlow = useFitFlow();
  const paneSized = useStore(hasPaneSize);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (!paneSized || opened) return;
    fitFlow();
    setOpened(true);
  }, [paneSized, opened, fitFlow]);
  const far = useStore(isZoomedFar);
  const titlesOnly = useStore(isTitlesOnly);
  const overview = useMemo(() => (far ? toOverview(nodes, edges) : null), [far, nodes, edges]);
  // Edges go around the cards (issue 20). A flow big enough to be virtualized keeps plain edges: routing all of its
  // edges on open would cost more than the frames virtualization saves.
  const routedEdges = useRoutedEdges(nodes, edges, !far && nodeCount <= VIRTUALIZE_ABOVE);
  const canvasNodes = useAnnotationElements(shownFlow, nodes, selectedAnnotationIds, previewing);

  // In the overview a click selects the card under the pointer (Shift/Ctrl/Meta toggles it), a double click zooms to it.
  const overviewNodeAtEvent = (event: MouseEvent) => {
    // Only clicks on the pane itself, not on the controls floating over it.
    if (!overview || !(event.target instanceof Element) || !event.target.closest('.react-flow__pane')) return null;
    return overviewNodeAt(overview.overviewNodes, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };
  const onPaneClick = (event: MouseEvent) => {
    const store = useFlowStore.getState();
    const id = overviewNodeAtEvent(event);
    if (!id) return store.select([]);
    if (!(event.shiftKey || event.ctrlKey || event.metaKey)) return store.select([id]);
    const selected = new Set(store.selectedNodeIds);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    store.select([...selected], store.selectedEdgeIds);
  };
  const onOverviewDoubleClick = (event: MouseEvent) => {
    const id = overviewNodeAtEvent(event);
    if (id) useFlowStore.getState().focusNode(id);
  };

  return (
    <div
      className={`canvas ${far ? 'zoom-far' : titlesOnly ? 'zoom-titles' : ''}`}
      aria-label={t('canvas')}
      onDragOver={onDragOver}
      onDrop={previewing ? undefined : onDrop}
      onDoubleClick={far ? onOverviewDoubleClick : undefined}
    >
      <ReactFlow
        nodes={far ? NO_NODES : canvasNodes}
        // The overview draws the edges; mounted xyflow edges would each recompute their path on every pan frame.
        edges={far ? NO_EDGES : routedEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={() => {
          dragGesture.current += 1;
        }}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={onPaneClick}
        nodesDraggable={!previewing}
        nodesConnectable={!previewing}
        elementsSelectable={!previewing}
        zoomOnDoubleClick={!far}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        onlyRenderVisibleElements={nodeCount > VIRTUALIZE_ABOVE}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={aria.config}
      >
        {overview ? <FlowOverview nodes={overview.overviewNodes} edges={overview.overviewEdges} /> : <Background />}
        {!far && (
          <MiniMap
            pannable
            zoomable
            ariaLabel={aria.minimap}
            nodeColor={aria.minimapColor}
            nodeStrokeColor={aria.minimapStroke}
          />
        )}
        <Controls showFitView={false}>
          <ControlButton
            onClick={() => fitFlow({ duration: 300 })}
            title={t('zoomToFit')}
            aria-label={t('zoomToFit')}
            className="canvas-fit"
          >
            ⤢
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
