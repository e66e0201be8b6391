import { EChart, type ChartOption } from './EChart.tsx';
import type { AgentFigures } from './insightsClient.ts';
import { useInsightsT } from './insightsMessages.ts';

/** The agents' figures of the range (handled, average handle time, QA, sentiment) and QA per agent and queue. */
export function AgentFiguresPanel({
  agents,
  qaByAgent,
  qaByQueue,
}: {
  agents: readonly AgentFigures[];
  qaByAgent: ChartOption;
  qaByQueue: ChartOption;
}) {
  const t = useInsightsT();
  return (
    <section className="insights-panel insights-agents" aria-label={t('agentFigures')}>
      <h2>{t('agentFigures')}</h2>
      <p className="insights-help">{t('agentFiguresHelp')}</p>
      {agents.length === 0 ? (
        <p>{t('noAgentContacts')}</p>
      ) : (
        <table data-testid="agent-figures">
          <thead>
            <tr>
              <th>{t('agentColumn')}</th>
              <th>{t('handled')}</th>
              <th>{t('averageHandleTime')}</th>
              <th>{t('qaScore')}</th>
              <th>{t('callerSentiment')}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.agentId} data-agent={agent.agentId}>
                <td>{agent.agentId}</td>
                <td>{agent.handled}</td>
                <td>{`${Math.round(agent.averageHandleSeconds)} s`}</td>
                <td>{agent.averageQaScore}</td>
                <td>{agent.averageSentiment ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="insights-grid">
        <div className="insights-panel">
          <h3>{t('qaByAgent')}</h3>
          <EChart option={qaByAgent} label={t('qaByAgent')} testId="chart-qa-agents" />
        </div>
        <div className="insights-panel">
          <h3>{t('qaByQueue')}</h3>
          <EChart option={qaByQueue} label={t('qaByQueue')} testId="chart-qa-queues" />
        </div>
      </div>
    </section>
  );
}
