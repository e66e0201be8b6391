import { useDeskT } from '../i18n/deskMessages.ts';
import type { DeskContact } from '../state/useDesk.ts';

/** What the bot knew: the customer's details (sensitive ones arrive masked), reason, transcript, path, history. */
export function ContactContext({ contact }: { contact: DeskContact }) {
  const t = useDeskT();
  const { context } = contact;
  return (
    <section className="context" aria-label={t('customer')}>
      <h2>{t('customer')}</h2>
      <dl className="facts variables">
        {Object.entries(context.contact ?? { id: contact.id, channel: context.channel, locale: context.locale })
          .filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([name, value]) => (
            <div key={name} className="variable" data-name={`contact.${name}`}>
              <dt>contact.{name}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        <dt>flow</dt>
        <dd>{context.flowId}</dd>
        {context.reason && (
          <>
            <dt>{t('reason')}</dt>
            <dd className="reason">{context.reason}</dd>
          </>
        )}
        {context.note && (
          <>
            <dt>{t('note')}</dt>
            <dd className="note">{context.note}</dd>
          </>
        )}
      </dl>
      <h3>{t('variables')}</h3>
      <dl className="variables">
        {Object.entries(context.variables).map(([name, value]) => (
          <div key={name} className="variable" data-name={name}>
            <dt>{name}</dt>
            <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('path')}</h3>
      <p className="path">{context.path.join(' → ')}</p>
      <details open>
        <summary>{t('transcript')}</summary>
        <ol className="transcript">
          {context.transcript
            .filter((entry) => entry.from !== 'system')
            .map((entry, index) => (
              <li key={index} className={`line ${entry.from}`}>
                {entry.text}
              </li>
            ))}
        </ol>
      </details>
      <h3>{t('previous')}</h3>
      {contact.previous.length === 0 ? (
        <p className="muted">{t('noPrevious')}</p>
      ) : (
        <ul className="previous">
          {contact.previous.map((p) => (
            <li key={p.id}>
              {new Date(p.enqueuedAt).toLocaleString()} · {p.queueId} · {p.disposition ?? '—'}{' '}
              {p.notes ? `· ${p.notes}` : ''}
              {p.summary && (
                <p className="previous-summary">
                  {p.summary.reason} — {p.summary.outcome}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
