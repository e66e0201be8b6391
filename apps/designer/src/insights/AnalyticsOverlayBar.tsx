import { useEffect, useState } from 'react';
import { runtimeClient } from '../api/runtimeClient.ts';
import { useVersionPreview } from '../store/useVersionPreview.ts';
import { useFlowStore } from '../store/useFlowStore.ts';
import { insightsClient, lastDays } from './insightsClient.ts';
import { useInsightsT } from './insightsMessages.ts';
import { useFlowAnalytics } from './useFlowAnalytics.ts';

/**
 * The flow editor's analytics toggle: shows the published version read-only on the canvas with each step's figures
 * for a date range, so the analyst sees where callers get lost; off, the draft comes back.
 */
export function AnalyticsOverlayBar({ flowId }: { flowId: string }) {
  const t = useInsightsT();
  const shown = useFlowAnalytics((s) => s.shown);
  const [range, setRange] = useState(() => lastDays(30));
  const [on, setOn] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!on) return undefined;
    let live = true;
    setMessage('');
    (async () => {
      const { version, nodes } = await insightsClient.nodes(flowId, range);
      const document = await runtimeClient.getVersion(flowId, version);
      if (!live) return;
      useFlowStore.getState().select([]);
      useVersionPreview.getState().show({ version, flow: document });
      useFlowAnalytics
        .getState()
        .show({ version, ...range, byNode: new Map(nodes.map((node) => [node.nodeId, node])) });
    })().catch((error: unknown) => {
      if (!live) return;
      const text = error instanceof Error ? error.message : String(error);
      setMessage(/published/i.test(text) ? t('noLiveVersion') : text);
      setOn(false);
    });
    return () => {
      live = false;
    };
  }, [on, range, flowId]);

  // Leaving the editor, or closing the preview from its banner, turns the overlay off.
  const preview = useVersionPreview((s) => s.preview);
  useEffect(() => {
    if (on && shown !== null && preview === null) {
      setOn(false);
      useFlowAnalytics.getState().hide();
    }
  }, [preview]);
  useEffect(() => () => useFlowAnalytics.getState().hide(), []);

  const toggle = () => {
    if (on) {
      setOn(false);
      useFlowAnalytics.getState().hide();
      useVersionPreview.getState().close();
    } else setOn(true);
  };

  return (
    <div className="analytics-bar">
      <label title={t('analyticsOverlayHelp')}>
        <input type="checkbox" checked={on} onChange={toggle} /> {t('analyticsOverlay')}
      </label>
      {on && (
        <>
          <input
            type="date"
            aria-label={t('from')}
            value={range.from}
            max={range.to}
            onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
          />
          <input
            type="date"
            aria-label={t('to')}
            value={range.to}
            min={range.from}
            onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
          />
          {shown && <span>{t('overlayRange', { version: shown.version, from: shown.from, to: shown.to })}</span>}
        </>
      )}
      {message && <span role="status">{message}</span>}
    </div>
  );
}
