import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { runtimeClient } from '../../api/runtimeClient.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { Canvas } from '../Canvas/Canvas.tsx';
import { Palette } from '../Palette/Palette.tsx';
import { Inspector } from '../Inspector/Inspector.tsx';
import { ProblemsPanel } from '../ProblemsPanel/ProblemsPanel.tsx';
import { Toolbar } from '../Toolbar/Toolbar.tsx';
import { LazyJsonView as JsonView } from '../JsonView/LazyJsonView.tsx';
import { VariablesEditor } from '../VariablesEditor/VariablesEditor.tsx';
import { VersionsPanel } from '../VersionsPanel/VersionsPanel.tsx';
import { Simulator } from '../Simulator/Simulator.tsx';
import { TestsPanel } from '../TestsPanel/TestsPanel.tsx';
import { ChannelsPanel } from '../ChannelsPanel/ChannelsPanel.tsx';
import { useAnalystT } from '../../i18n/analystMessages.ts';
import { useLiveVersion } from '../../store/useLiveVersion.ts';
import { useVersionPreview } from '../../store/useVersionPreview.ts';
import { VersionPreviewBanner } from '../VersionPreviewBanner/VersionPreviewBanner.tsx';
import { ShortcutHelp } from '../ShortcutHelp/ShortcutHelp.tsx';
import { useFlowTestsT } from '../../flowTests/flowTestMessages.ts';
import { useFlowTestsStore } from '../../flowTests/useFlowTestsStore.ts';
import { ConflictDialog } from '../ConflictDialog/ConflictDialog.tsx';
import { useAutosave } from './useAutosave.ts';
import { useLiveValidation } from './useLiveValidation.ts';
import { useEditorShortcuts } from './useEditorShortcuts.ts';
import { EscalationPanel } from '../../insights/EscalationPanel.tsx';
import { useInsightsT } from '../../insights/insightsMessages.ts';
import { AnalyticsOverlayBar } from '../../insights/AnalyticsOverlayBar.tsx';
import { VoicesPanel } from '../../voices/VoicesPanel.tsx';
import { useVoicesT } from '../../voices/voicesMessages.ts';

type SideTab = 'inspector' | 'variables' | 'versions' | 'simulator' | 'tests' | 'channels' | 'escalation' | 'voices';
const SIDE_TABS: { id: SideTab; label: MessageKey }[] = [
  { id: 'inspector', label: 'inspector' },
  { id: 'variables', label: 'variables' },
  { id: 'versions', label: 'versions' },
  { id: 'simulator', label: 'simulator' },
];

/** The editor for one flow: palette, canvas or JSON view, side panels and problems. */
export function FlowEditor({ flowId }: { flowId: string }) {
  const t = useT();
  const testsT = useFlowTestsT();
  const analystT = useAnalystT();
  const insightsT = useInsightsT();
  const voicesT = useVoicesT();
  const flow = useFlowStore((s) => s.flow);
  const saveStatus = useFlowStore((s) => s.saveStatus);
  const [error, setError] = useState('');
  const [view, setView] = useState<'canvas' | 'json'>('canvas');
  const [tab, setTab] = useState<SideTab>('inspector');
  const { flush, reloadTheirs, overwrite } = useAutosave(flowId);
  useLiveValidation();
  useEditorShortcuts();

  useEffect(() => {
    let live = true;
    runtimeClient
      .getFlow(flowId)
      .then((stored) => {
        if (live) useFlowStore.getState().loadFlow(stored.flow, stored.revision);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    // Without a live version there is nothing to differ from; a failure here only hides the mark.
    useLiveVersion
      .getState()
      .load(flowId)
      .catch((e: unknown) => console.warn('Could not load the live version', e));
    return () => {
      live = false;
      useVersionPreview.getState().close();
      useLiveVersion.getState().clear();
      useFlowStore.getState().closeFlow();
      useFlowTestsStore.getState().setReport(null);
    };
  }, [flowId]);

  const focus = useFlowStore((s) => s.focus);
  useEffect(() => {
    if (focus) setTab('inspector');
  }, [focus]);

  if (error)
    return (
      <p className="app-message error-text" role="alert">
        {error}
      </p>
    );
  if (!flow || flow.id !== flowId) return <p className="app-message">{t('loading')}</p>;

  return (
    <ReactFlowProvider>
      <div className="editor">
        <Toolbar view={view} onView={setView} />
        <Palette />
        <main className="editor-center">
          <VersionPreviewBanner />
          <AnalyticsOverlayBar flowId={flowId} />
          {view === 'canvas' ? <Canvas /> : <JsonView />}
        </main>
        <aside className="editor-side">
          <div className="side-tabs" role="tablist">
            {SIDE_TABS.map((s) => (
              <button
                key={s.id}
                type="button"
                role="tab"
                id={`side-tab-${s.id}`}
                aria-selected={tab === s.id}
                onClick={() => setTab(s.id)}
              >
                {t(s.label)}
              </button>
            ))}
            <button
              type="button"
              role="tab"
              id="side-tab-tests"
              aria-selected={tab === 'tests'}
              onClick={() => setTab('tests')}
            >
              {testsT('tests')}
            </button>
            <button
              type="button"
              role="tab"
              id="side-tab-channels"
              aria-selected={tab === 'channels'}
              onClick={() => setTab('channels')}
            >
              {analystT('channels')}
            </button>
            <button
              type="button"
              role="tab"
              id="side-tab-escalation"
              aria-selected={tab === 'escalation'}
              onClick={() => setTab('escalation')}
            >
              {insightsT('escalation')}
            </button>
            <button
              type="button"
              role="tab"
              id="side-tab-voices"
              aria-selected={tab === 'voices'}
              onClick={() => setTab('voices')}
            >
              {voicesT('voices')}
            </button>
          </div>
          <div className="side-body" role="tabpanel" aria-labelledby={`side-tab-${tab}`}>
            {tab === 'inspector' && <Inspector />}
            {tab === 'variables' && <VariablesEditor />}
            {tab === 'versions' && <VersionsPanel flowId={flowId} beforePublish={flush} />}
            {tab === 'tests' && <TestsPanel flowId={flowId} />}
            {tab === 'channels' && <ChannelsPanel flowId={flowId} />}
            {tab === 'escalation' && <EscalationPanel />}
            {tab === 'voices' && <VoicesPanel />}
            {/* Kept mounted so a conversation survives a look at the inspector. */}
            <div hidden={tab !== 'simulator'}>
              <Simulator flowId={flowId} beforeStart={flush} />
            </div>
          </div>
        </aside>
        <ProblemsPanel />
      </div>
      <ShortcutHelp />
      {saveStatus === 'conflict' && (
        <ConflictDialog onReload={() => void reloadTheirs()} onOverwrite={() => void overwrite()} />
      )}
    </ReactFlowProvider>
  );
}
