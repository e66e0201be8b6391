import { useDeferredValue, useMemo, useState } from 'react';
import { diffFlowVersions, isEmptyDiff } from '../../core/diffFlowVersions.ts';
import { useAnalystT } from '../../i18n/analystMessages.ts';
import { useCanvasT } from '../../i18n/canvasMessages.ts';
import { useLiveVersion } from '../../store/useLiveVersion.ts';
import { layoutFlow } from '../../core/layoutFlow.ts';
import { moveNodes } from '../../core/flowOps.ts';
import { fitGroups } from '../../core/annotationOps.ts';
import { nodeCardSize } from '../../core/nodeCardSize.ts';
import { nodeSize } from '../../core/nodeGeometry.ts';
import { useFlowStore, type SaveStatus } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useFitFlow } from '../Canvas/useFitFlow.ts';
import { AnnotationTools } from '../Canvas/AnnotationTools.tsx';
import { copySelection, pasteClipboard } from '../FlowEditor/useEditorShortcuts.ts';

const FIT_MS = 300;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const STATUS_KEY: Record<SaveStatus, MessageKey> = {
  saved: 'saveSaved',
  dirty: 'saveDirty',
  saving: 'saveSaving',
  conflict: 'saveConflict',
  error: 'saveError',
};

/** The editor toolbar: undo/redo, clipboard, auto-layout, zoom to fit, find a node, view switch and save status. */
export function Toolbar({ view, onView }: { view: 'canvas' | 'json'; onView(view: 'canvas' | 'json'): void }) {
  const t = useT();
  const flow = useFlowStore((s) => s.flow);
  const canUndo = useFlowStore((s) => s.past.length > 0);
  const canRedo = useFlowStore((s) => s.future.length > 0);
  const saveStatus = useFlowStore((s) => s.saveStatus);
  const [find, setFind] = useState('');
  // A big flow takes a moment to lay out and zoom to: the button stays busy until the fitted view has settled.
  const [layingOut, setLayingOut] = useState(false);
  const fitFlow = useFitFlow();
  const analystT = useAnalystT();
  const canvasT = useCanvasT();
  const live = useLiveVersion((s) => s.document);
  // Deferred so comparing a big flow never slows typing.
  const deferredFlow = useDeferredValue(flow);
  const differs = useMemo(
    () => (deferredFlow && live ? !isEmptyDiff(diffFlowVersions(live, deferredFlow)) : false),
    [deferredFlow, live],
  );

  const autoLayout = async () => {
    const state = useFlowStore.getState();
    if (!state.flow) return;
    const byId = new Map(state.flow.nodes.map((n) => [n.id, n]));
    const sizeOf = (id: string) => {
      const node = byId.get(id);
      return node ? nodeCardSize(node, state.catalog.byType.get(node.type)) : nodeSize(1);
    };
    setLayingOut(true);
    try {
      const positions = await layoutFlow(state.flow, sizeOf);
      // Group frames follow their nodes to where the layout put them, in the same undo step.
      useFlowStore
        .getState()
        .edit((f) =>
          fitGroups(moveNodes(f, positions), (id) => ({ ...(positions.get(id) ?? { x: 0, y: 0 }), ...sizeOf(id) })),
        );
      await pause(50);
      fitFlow({ duration: FIT_MS });
      await pause(FIT_MS);
    } finally {
      setLayingOut(false);
    }
  };

  const findNode = () => {
    const needle = find.trim().toLowerCase();
    const hit =
      flow?.nodes.find((n) => (n.label ?? '').toLowerCase() === needle || n.id.toLowerCase() === needle) ??
      flow?.nodes.find((n) => `${n.label ?? ''} ${n.id}`.toLowerCase().includes(needle));
    if (hit) useFlowStore.getState().focusNode(hit.id);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={canvasT('editorToolbar')}>
      <a href="#/" className="toolbar-back">
        ← {t('backToFlows')}
      </a>
      <input
        className="toolbar-name"
        aria-label={t('flowName')}
        value={flow?.name ?? ''}
        onChange={(e) => useFlowStore.getState().edit((f) => ({ ...f, name: e.target.value }), 'flow-name')}
      />
      <button type="button" onClick={() => useFlowStore.getState().undo()} disabled={!canUndo} title="Ctrl/Cmd+Z">
        ↶ {t('undo')}
      </button>
      <button
        type="button"
        onClick={() => useFlowStore.getState().redo()}
        disabled={!canRedo}
        title="Shift+Ctrl/Cmd+Z, Ctrl+Y"
      >
        ↷ {t('redo')}
      </button>
      <button type="button" onClick={copySelection}>
        {t('copy')}
      </button>
      <button type="button" onClick={pasteClipboard}>
        {t('paste')}
      </button>
      <button type="button" onClick={() => useFlowStore.getState().deleteSelection()}>
        {t('deleteSelection')}
      </button>
      <button
        type="button"
        onClick={() => void autoLayout()}
        disabled={view !== 'canvas' || layingOut}
        aria-busy={layingOut}
      >
        {t('autoLayout')}
      </button>
      <button type="button" onClick={() => fitFlow({ duration: 300 })} disabled={view !== 'canvas'}>
        {t('zoomToFit')}
      </button>
      {view === 'canvas' && <AnnotationTools />}
      <form
        className="toolbar-find"
        onSubmit={(e) => {
          e.preventDefault();
          findNode();
        }}
      >
        <input
          list="node-names"
          type="search"
          aria-label={t('findNode')}
          placeholder={t('findNode')}
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
        <datalist id="node-names">
          {flow?.nodes.map((n) => (
            <option key={n.id} value={n.label ?? n.id} />
          ))}
        </datalist>
      </form>
      <div className="toolbar-views" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'canvas'} onClick={() => onView('canvas')}>
          {t('canvasView')}
        </button>
        <button type="button" role="tab" aria-selected={view === 'json'} onClick={() => onView('json')}>
          {t('jsonView')}
        </button>
      </div>
      {differs && (
        <span className="draft-differs" role="status" data-testid="draft-differs">
          {analystT('draftDiffers')}
        </span>
      )}
      <span className={`save-status status-${saveStatus}`} role="status" data-status={saveStatus}>
        {t(STATUS_KEY[saveStatus])}
      </span>
    </div>
  );
}
