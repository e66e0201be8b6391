import { useMemo, useRef } from 'react';
import type { Node } from '@xyflow/react';
import type { FlowDocument } from '@omniflow/flow-schema';
import { annotationCanvasId, annotationsOf } from '../../core/annotationOps.ts';
import type { FlowCanvasNode } from '../FlowNodeView/FlowNodeView.tsx';
import type { NoteCanvasNode } from '../NoteView/NoteView.tsx';
import type { GroupCanvasNode } from '../GroupView/GroupView.tsx';

/** Every node the canvas draws: group frames first (xyflow wants parents before children), then notes, then cards. */
export type CanvasElementNode = FlowCanvasNode | NoteCanvasNode | GroupCanvasNode;

/**
 * Adds the flow's sticky notes and groups to the canvas cards. A grouped card becomes its group's xyflow child, so
 * dragging the frame moves it; its position turns relative to the frame here (the document keeps absolute ones).
 */
export function useAnnotationElements(
  flow: FlowDocument | null | undefined,
  cards: FlowCanvasNode[],
  selectedIds: readonly string[],
  readOnly: boolean,
): Node[] {
  // A card keeps its object while neither it nor its frame moved, so a drag elsewhere re-renders nothing here.
  const children = useRef(new WeakMap<FlowCanvasNode, { key: string; node: FlowCanvasNode }>());
  return useMemo(() => {
    const annotations = flow?.annotations;
    if (!flow || !annotations) return cards;
    const { groups, notes } = annotationsOf(flow);
    const selected = new Set(selectedIds);
    const groupOf = new Map<string, (typeof groups)[number]>();
    for (const group of groups) for (const id of group.nodes) groupOf.set(id, group);
    const frames: GroupCanvasNode[] = groups.map((g) => {
      const id = annotationCanvasId('group', g.id);
      return {
        id,
        type: 'canvasGroup',
        position: g.position,
        width: g.size.width,
        height: g.size.height,
        selected: selected.has(id),
        className: 'canvas-group-node',
        data: { groupId: g.id, title: g.title, color: g.color, readOnly, size: g.nodes.length },
      };
    });
    const stickies: NoteCanvasNode[] = notes.map((n) => {
      const id = annotationCanvasId('note', n.id);
      return {
        id,
        type: 'note',
        position: n.position,
        width: n.size.width,
        height: n.size.height,
        selected: selected.has(id),
        className: 'canvas-note-node',
        data: { noteId: n.id, text: n.text, color: n.color, readOnly },
      };
    });
    const placed = cards.map((card) => {
      const group = groupOf.get(card.id);
      if (!group) return card;
      const key = `${group.id}|${group.position.x}|${group.position.y}`;
      const hit = children.current.get(card);
      if (hit && hit.key === key) return hit.node;
      const node: FlowCanvasNode = {
        ...card,
        parentId: annotationCanvasId('group', group.id),
        position: { x: card.position.x - group.position.x, y: card.position.y - group.position.y },
      };
      children.current.set(card, { key, node });
      return node;
    });
    return [...frames, ...stickies, ...placed];
  }, [flow, cards, selectedIds, readOnly]);
}
