import { useEffect, useMemo, useState } from 'react';
import { runtimeClient, type FlowSummary } from '../api/runtimeClient.ts';
import { dashboardCharts } from './dashboardCharts.ts';
import { AgentFiguresPanel } from './AgentFiguresPanel.tsx';
import { EChart } from './EChart.tsx';
import {
  insightsClient,
  lastDays,
  type AgentFigures,
  type DashboardFigures,
  type DayRange,
  type QaPoint,
} from './insightsClient.ts';
import { isInsightsKey, useInsightsT } from './insightsMessages.ts';
import { LiveAlerts } from './LiveAlerts.tsx';
import { RulesEditor } from './RulesEditor.tsx';

/** `#/insights`: the dashboards (ECharts), the category rules and the live alerts. */
export function InsightsPage() {
  const t = useInsightsT();
  const [range, setRange] = useState<DayRange>(() => lastDays(30));
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [figures, setFigures] = useState<{
    dashboard: DashboardFigures;
    qa: QaPoint[];
    agents: AgentFigures[];
  } | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    runtimeClient.listFlows().then(setFlows, (e: unknown) => setError(String(e)));
  }, []);

  const load = () => {
    setError('');
    Promise.all([insightsClient.dashboard(range), insightsClient.qa(range), insightsClient.agents(range)]).then(
      ([dashboard, qa, agents]) => setFigures({ dashboard, qa, agents }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  useEffect(load, [range]);

  const charts = useMemo(() => {
    if (!figures) return null;
    const word = (key: string, fallback: string) => (isInsightsKey(key) ? t(key) : fallback);
    return dashboardCharts(figures.dashboard, figures.qa, {
      outcome: (outcome) => word(`outcome_${outcome}`, outcome),
      channel: (channel) => word(`channel_${channel}`, channel),
    });
  }, [figures, t]);

  const containment = figures?.dashboard.containment;
  return (
    <div className="insights-page">
      <div className="insights-controls">
        <h1>{t('dashboardTitle')}</h1>
        <label>
          {t('from')}{' '}
          <input
            type="date"
            value={range.from}
            max={range.to}
            onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          {t('to')}{' '}
          <input
            type="date"
            value={range.to}
            min={range.from}
            onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
          />
        </label>
        <label>
          {t('flow')}{' '}
          <select
            value={range.flowId ?? ''}
            onChange={(e) => {
              const { flowId: _old, ...rest } = range;
              setRange(e.target.value ? { ...rest, flowId: e.target.value } : rest);
            }}
          >
            <option value="">{t('allFlows')}</option>
            {flows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={load}>
          {t('refresh')}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!figures && !error && <p>{t('loadingFigures')}</p>}
      {figures && charts && containment && (
        <>
          <div className="insights-kpis">
            <div className="insights-kpi" data-testid="kpi-contacts">
              <span>{t('contacts')}</span>
              <strong>{containment.contacts}</strong>
            </div>
            <div className="insights-kpi" data-testid="kpi-containment">
              <span>{t('containment')}</span>
              <strong>
                {containment.contacts === 0
                  ? '–'
                  : `${Math.round((containment.contained / containment.contacts) * 100)}%`}
              </strong>
              <small>
                {t('containmentHelp', { contained: containment.contained, contacts: containment.contacts })}
              </small>
            </div>
          </div>
          {containment.contacts === 0 && <p>{t('noContacts')}</p>}
          <div className="insights-grid">
            <Panel title={t('volumeByOutcome')}>
              <EChart option={charts.byOutcome} label={t('volumeByOutcome')} testId="chart-outcome" />
            </Panel>
            <Panel title={t('volumeByChannel')}>
              <EChart option={charts.byChannel} label={t('volumeByChannel')} testId="chart-channel" />
            </Panel>
            <Panel title={t('transferReasons')}>
              <EChart option={charts.transferReasons} label={t('transferReasons')} testId="chart-transfers" />
            </Panel>
            <Panel title={t('sentiment')}>
              <EChart option={charts.sentiment} label={t('sentiment')} testId="chart-sentiment" />
            </Panel>
            <Panel title={t('topCategories')}>
              <EChart option={charts.topCategories} label={t('topCategories')} testId="chart-categories" />
            </Panel>
            <Panel title={t('qaTrend')}>
              <EChart option={charts.qaTrend} label={t('qaTrend')} testId="chart-qa" />
            </Panel>
          </div>
          <AgentFiguresPanel agents={figures.agents} qaByAgent={charts.qaByAgent} qaByQueue={charts.qaByQueue} />
        </>
      )}
      <div className="insights-bottom">
        <RulesEditor flows={flows} />
        <LiveAlerts />
      </div>
    </div>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="insights-panel">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
