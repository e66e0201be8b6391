import { memo } from 'react';
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import type { AnnotationColor } from '@omniflow/flow-schema';
import { useCanvasT } from '../../i18n/canvasMessages.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { updateNote } from '../../core/annotationOps.ts';
import { AnnotationColors } from '../AnnotationColors/AnnotationColors.tsx';

/** What the canvas passes to a sticky note (plain JSON from the flow's annotations). */
export type NoteData = { noteId: string; text: string; color: AnnotationColor; readOnly: boolean };

/** The xyflow node type of sticky notes. */
export type NoteCanvasNode = Node<NoteData, 'note'>;

/** A sticky note: a coloured, resizable card of free text; dragged by its top strip, typed into anywhere else. */
export const NoteView = memo(function NoteView({ data, selected }: NodeProps<NoteCanvasNode>) {
  const t = useCanvasT();
  const editable = !data.readOnly;
  const edit = (change: Parameters<typeof updateNote>[2], gesture?: string) =>
    useFlowStore.getState().edit((f) => updateNote(f, data.noteId, change), gesture);
  return (
    <div className={`canvas-note annotation-${data.color}`} data-note-id={data.noteId}>
      <NodeResizer
        isVisible={selected && editable}
        minWidth={80}
        minHeight={50}
        onResizeEnd={() => useFlowStore.getState().endGesture()}
      />
      <div className="canvas-note-grip" aria-hidden="true" />
      <textarea
        className="canvas-note-text nodrag nowheel"
        aria-label={t('noteText')}
        value={data.text}
        readOnly={!editable}
        onChange={(e) => edit({ text: e.target.value }, `note-text:${data.noteId}`)}
      />
      {selected && editable && <AnnotationColors value={data.color} onChange={(color) => edit({ color })} />}
    </div>
  );
});
