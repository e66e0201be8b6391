import { memo } from 'react';
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import type { AnnotationColor } from '@omniflow/flow-schema';
import { useCanvasT } from '../../i18n/canvasMessages.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { annotationCanvasId, pruneAnnotations, updateGroup } from '../../core/annotationOps.ts';
import { AnnotationColors } from '../AnnotationColors/AnnotationColors.tsx';

/** What the canvas passes to a group frame (plain JSON from the flow's annotations). */
export type GroupData = { groupId: string; title: string; color: AnnotationColor; readOnly: boolean; size: number };

/** The xyflow node type of groups; the group's nodes are its xyflow children (`parentId`). */
export type GroupCanvasNode = Node<GroupData, 'canvasGroup'>;

/** A group: a titled, resizable frame; dragging it moves its nodes, and a node dragged out of it leaves it. */
export const GroupView = memo(function GroupView({ data, selected }: NodeProps<GroupCanvasNode>) {
  const t = useCanvasT();
  const editable = !data.readOnly;
  const edit = (change: Parameters<typeof updateGroup>[2], gesture?: string) =>
    useFlowStore.getState().edit((f) => updateGroup(f, data.groupId, change), gesture);
  const ungroup = () => {
    const store = useFlowStore.getState();
    store.edit((f) => pruneAnnotations(f, new Set([annotationCanvasId('group', data.groupId)])));
    store.select([]);
  };
  return (
    <div className={`canvas-group annotation-${data.color}`} data-group-id={data.groupId} data-size={data.size}>
      <NodeResizer
        isVisible={selected && editable}
        minWidth={120}
        minHeight={80}
        onResizeEnd={() => useFlowStore.getState().endGesture()}
      />
      <div className="canvas-group-header">
        <input
          className="canvas-group-title nodrag"
          aria-label={t('groupTitle')}
          value={data.title}
          readOnly={!editable}
          onChange={(e) => edit({ title: e.target.value }, `group-title:${data.groupId}`)}
        />
        {selected && editable && (
          <>
            <AnnotationColors value={data.color} onChange={(color) => edit({ color })} />
            <button type="button" className="nodrag" onClick={ungroup}>
              {t('ungroup')}
            </button>
          </>
        )}
      </div>
    </div>
  );
});
