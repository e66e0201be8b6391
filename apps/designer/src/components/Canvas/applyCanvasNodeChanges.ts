import type { Node, NodeChange } from '@xyflow/react';
import type { CanvasPosition, FlowDocument } from '@omniflow/flow-schema';
import { moveNodes } from '../../core/flowOps.ts';
import { annotationsOf, moveGroup, parseAnnotationId, updateGroup, updateNote } from '../../core/annotationOps.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';

/**
 * Applies xyflow's node changes to the flow document through the store, as one undo step per gesture: card moves
 * (a grouped card's relative position made absolute again), note and group moves and resizes, and the selection of
 * cards and of notes and groups.
 */
export function applyCanvasNodeChanges(changes: readonly NodeChange<Node>[], gesture: string): void {
  const store = useFlowStore.getState();
  const flow = store.flow;
  const annotations = flow ? annotationsOf(flow) : null;
  const framePositions = new Map(annotations?.groups.map((g) => [g.id, g.position]) ?? []);
  const groupOfNode = new Map(annotations?.groups.flatMap((g) => g.nodes.map((n) => [n, g.id] as const)) ?? []);
  const edits: ((f: FlowDocument) => FlowDocument)[] = [];
  let editGesture = gesture;
  const cardMoves: { id: string; position: CanvasPosition }[] = [];
  let nodeSelection: Set<string> | null = null;
  let annotationSelection: Set<string> | null = null;

  for (const change of changes) {
    if (change.type === 'add') continue;
    const annotation = parseAnnotationId(change.id);
    if (change.type === 'select') {
      const set = annotation
        ? (annotationSelection ??= new Set(store.selectedAnnotationIds))
        : (nodeSelection ??= new Set(store.selectedNodeIds));
      if (change.selected) set.add(change.id);
      else set.delete(change.id);
    } else if (change.type === 'position' && change.position) {
      const position = change.position;
      if (!annotation) cardMoves.push({ id: change.id, position });
      else if (annotation.kind === 'note') edits.push((f) => updateNote(f, annotation.id, { position }));
      // A dragged frame takes its nodes along; a frame resized from its top or left edge leaves them where they are.
      else if (change.dragging !== undefined) edits.push((f) => moveGroup(f, annotation.id, position));
      else edits.push((f) => updateGroup(f, annotation.id, { position }));
      if (annotation?.kind === 'group') framePositions.set(annotation.id, position);
    } else if (change.type === 'dimensions' && annotation && change.dimensions && change.resizing !== undefined) {
      const size = change.dimensions;
      edits.push((f) =>
        annotation.kind === 'note' ? updateNote(f, annotation.id, { size }) : updateGroup(f, annotation.id, { size }),
      );
      editGesture = `resize:${change.id}`;
    }
  }
  if (cardMoves.length > 0) {
    // A grouped card's position is relative to its frame (after the frame's own change in this batch).
    const moves = new Map<string, CanvasPosition>();
    for (const { id, position } of cardMoves) {
      const frame = framePositions.get(groupOfNode.get(id) ?? '');
      moves.set(id, frame ? { x: position.x + frame.x, y: position.y + frame.y } : position);
    }
    edits.unshift((f) => moveNodes(f, moves));
  }
  if (edits.length > 0) store.edit((f) => edits.reduce((doc, apply) => apply(doc), f), editGesture);
  if (nodeSelection || annotationSelection) {
    const state = useFlowStore.getState();
    store.select(
      nodeSelection ? [...nodeSelection] : state.selectedNodeIds,
      state.selectedEdgeIds,
      annotationSelection ? [...annotationSelection] : state.selectedAnnotationIds,
    );
  }
}
