import { useEffect, useState } from 'react';
import { insightsClient, type InsightAlert } from './insightsClient.ts';
import { useInsightsT } from './insightsMessages.ts';

const POLL_MS = 5000;

/** The latest real-time alerts, newest first (the desk subscribes to the event stream; the designer looks now and then). */
export function LiveAlerts() {
  const t = useInsightsT();
  const [alerts, setAlerts] = useState<InsightAlert[]>([]);

  useEffect(() => {
    let live = true;
    const load = () =>
      insightsClient.alerts().then(
        (list) => live && setAlerts(list.toReversed().slice(0, 20)),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <section className="insights-panel insights-alerts">
      <h2>{t('alerts')}</h2>
      {alerts.length === 0 ? (
        <p>{t('noAlerts')}</p>
      ) : (
        <ul>
          {alerts.map((alert) => (
            <li key={alert.id}>
              <strong>{alert.category}</strong> · {alert.flowId} · {alert.channel} ·{' '}
              <time dateTime={alert.at}>{new Date(alert.at).toLocaleTimeString()}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
