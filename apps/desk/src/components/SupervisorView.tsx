import { useEffect, useState } from 'react';
import { deskCall } from '../api/deskApi.ts';
import type { Overview } from '../api/deskTypes.ts';
import { useDeskT, type DeskMessageKey } from '../i18n/deskMessages.ts';
import { useDesk } from '../state/useDesk.ts';
import { ContactPanel } from './ContactPanel.tsx';

/** The supervisor's live view: queues, agents by state and time in state, waiting contacts to move, chats to read along. */
export function SupervisorView({ token, watch }: { token: string; watch: (contactId: string) => void }) {
  const t = useDeskT();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [watching, setWatching] = useState<string | null>(null);
  const watched = useDesk((s) => (watching ? s.contacts[watching] : undefined));
  const alerts = useDesk((s) => s.alerts);
  useEffect(() => {
    let stopped = false;
    const load = (): void => {
      deskCall<Overview>(token, 'GET', '/api/desk/supervisor').then(
        (reply) => {
          if (!stopped) setOverview(reply);
        },
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      );
    };
    load();
    const timer = setInterval(load, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [token]);
  if (!overview) return <p className="muted">{error ? t('error', { message: error }) : '…'}</p>;
  const move = (contactId: string, queueId: string): void => {
    void deskCall(token, 'POST', `/api/desk/waiting/${contactId}/move`, { queueId }).catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  return (
    <div className="supervisor">
      <section aria-label={t('alerts')} className="alerts">
        <h2>{t('alerts')}</h2>
        {alerts.length === 0 ? (
          <p className="muted">{t('noAlerts')}</p>
        ) : (
          <ul className="alert-list">
            {alerts.map((a) => (
              <li key={a.key} data-contact={a.sessionId} data-category={a.category}>
                <time dateTime={a.at}>{new Date(a.at).toLocaleTimeString()}</time>{' '}
                {t('alertLine', { category: a.category, channel: a.channel, flow: a.flowId })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t('queues')} className="queues-panel">
        <h2>{t('queues')}</h2>
        <table className="queues">
          <thead>
            <tr>
              <th>{t('queue')}</th>
              <th>{t('waiting')}</th>
              <th>{t('longestWait')}</th>
              <th>{t('serviceLevel')}</th>
              <th>{t('answered')}</th>
              <th>{t('abandoned')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.queues.map((q) => (
              <tr key={q.id} data-queue={q.id}>
                <td>{q.name}</td>
                <td className="waiting">{q.waiting}</td>
                <td>{t('seconds', { seconds: q.longestWaitSeconds })}</td>
                <td className="service-level">{Math.round(q.serviceLevel * 100)}%</td>
                <td className="answered">{q.answered}</td>
                <td>{q.abandoned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label={t('agents')}>
        <h2>{t('agents')}</h2>
        <table className="agents">
          <thead>
            <tr>
              <th>{t('agent')}</th>
              <th>{t('state')}</th>
              <th>{t('timeInState')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.agents.map((a) => (
              <tr key={a.id} data-agent={a.id}>
                <td>{a.name}</td>
                <td className={`state-${a.state}`}>
                  {t(`state.${a.state}` as DeskMessageKey)}
                  {a.reason ? ` · ${a.reason}` : ''}
                </td>
                <td>{t('seconds', { seconds: a.secondsInState ?? 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label={t('waitingContacts')}>
        <h2>{t('waitingContacts')}</h2>
        <ul className="waiting-list">
          {overview.waiting.map((w) => (
            <li key={w.contactId} data-contact={w.contactId}>
              {w.queueId} · {w.locale} · {t('seconds', { seconds: w.waitedSeconds })}
              <select aria-label={t('move')} value="" onChange={(e) => move(w.contactId, e.target.value)}>
                <option value="">{t('move')}</option>
                {overview.queues
                  .filter((q) => q.id !== w.queueId)
                  .map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.name}
                    </option>
                  ))}
              </select>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t('liveChats')}>
        <h2>{t('liveChats')}</h2>
        <ul className="live-list">
          {overview.connected.map((c) => (
            <li key={c.contactId} data-contact={c.contactId}>
              {c.queueId} · {overview.agents.find((a) => a.id === c.agentId)?.name ?? c.agentId}
              <button
                type="button"
                onClick={() => {
                  setWatching(c.contactId);
                  watch(c.contactId);
                }}
              >
                {t('readAlong')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {watched && (
        <section className="read-along" aria-label={t('readingAlong', { contact: watched.id })}>
          <h2>{t('readingAlong', { contact: watched.id })}</h2>
          <ContactPanel token={token} contact={watched} signal={() => undefined} />
        </section>
      )}
      {error && <p className="error">{t('error', { message: error })}</p>}
    </div>
  );
}
