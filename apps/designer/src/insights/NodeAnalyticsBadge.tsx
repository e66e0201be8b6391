import { useInsightsT } from './insightsMessages.ts';
import { percent, useFlowAnalytics } from './useFlowAnalytics.ts';

/** A node card's analytics line while the overlay is on: visits, drop-offs, no-match and no-input rates, time spent. */
export function NodeAnalyticsBadge({ nodeId }: { nodeId: string }) {
  const t = useInsightsT();
  const figures = useFlowAnalytics((s) => (s.shown === null ? undefined : (s.shown.byNode.get(nodeId) ?? null)));
  if (figures === undefined) return null;
  if (figures === null)
    return (
      <div className="node-analytics is-empty" data-testid={`analytics-${nodeId}`}>
        0 {t('visits')}
      </div>
    );
  const { visits } = figures;
  const heavyDrop = visits > 0 && figures.dropOffs / visits >= 0.2;
  return (
    <div className={`node-analytics${heavyDrop ? ' is-lossy' : ''}`} data-testid={`analytics-${nodeId}`}>
      <span data-figure="visits">
        {visits} {t('visits')}
      </span>
      <span data-figure="dropOffs">
        {figures.dropOffs} {t('dropOffs')} ({percent(figures.dropOffs, visits)})
      </span>
      <span data-figure="noMatch">
        {t('noMatchRate')} {percent(figures.noMatch, visits)}
      </span>
      <span data-figure="noInput">
        {t('noInputRate')} {percent(figures.noInput, visits)}
      </span>
      <span data-figure="seconds">{t('seconds', { seconds: figures.averageSeconds.toFixed(1) })}</span>
    </div>
  );
}
