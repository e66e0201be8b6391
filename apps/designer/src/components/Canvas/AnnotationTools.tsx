import { useReactFlow } from '@xyflow/react';
import { useCanvasT } from '../../i18n/canvasMessages.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { addNote, annotationCanvasId, groupNodes, NOTE_SIZE } from '../../core/annotationOps.ts';
import { nodeCardSize } from '../../core/nodeCardSize.ts';
import { useVersionPreview } from '../../store/useVersionPreview.ts';

/**
 * The toolbar buttons that add a sticky note in the middle of the view and frame the selected nodes in a group (in the
 * toolbar, not over the canvas, where they would cover cards). Hidden while a version is previewed.
 */
export function AnnotationTools() {
  const t = useCanvasT();
  const { screenToFlowPosition } = useReactFlow();
  const selectedCount = useFlowStore((s) => s.selectedNodeIds.length);
  const previewing = useVersionPreview((s) => s.preview !== null);
  if (previewing) return null;

  const onAddNote = () => {
    const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
    const center = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    let id = '';
    const store = useFlowStore.getState();
    store.edit((f) => {
      const added = addNote(f, { x: center.x - NOTE_SIZE.width / 2, y: center.y - NOTE_SIZE.height / 2 });
      id = added.id;
      return added.flow;
    });
    store.select([], [], [annotationCanvasId('note', id)]);
  };

  const onGroup = () => {
    const store = useFlowStore.getState();
    const { catalog } = store;
    let id: string | null = null;
    store.edit((f) => {
      const byId = new Map(f.nodes.map((n) => [n.id, n]));
      const grouped = groupNodes(f, store.selectedNodeIds, t('newGroupTitle'), (nodeId) => {
        const node = byId.get(nodeId);
        const size = node ? nodeCardSize(node, catalog.byType.get(node.type)) : { width: 0, height: 0 };
        return { ...(node?.position ?? { x: 0, y: 0 }), ...size };
      });
      id = grouped?.id ?? null;
      return grouped?.flow ?? f;
    });
    if (id) store.select([], [], [annotationCanvasId('group', id)]);
  };

  return (
    <>
      <button type="button" onClick={onAddNote}>
        🗒 {t('addNote')}
      </button>
      <button
        type="button"
        onClick={onGroup}
        disabled={selectedCount === 0}
        title={selectedCount === 0 ? t('groupSelectionHint') : undefined}
      >
        ▭ {t('groupSelection')}
      </button>
    </>
  );
}
