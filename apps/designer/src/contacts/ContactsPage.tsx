import { useEffect, useState, type FormEvent } from 'react';
import { runtimeClient } from '../api/runtimeClient.ts';
import { ContactReplay } from './ContactReplay.tsx';
import { contactsClient, type ContactSearch, type ContactView } from './contactsClient.ts';
import { useContactsT, type ContactsPageMessageKey } from './contactsPageMessages.ts';

const CHANNELS = ['chat', 'voice', 'dtmf'];
const OUTCOMES = ['completed', 'transferred', 'abandoned', 'failed'];
const DIRECTIONS = ['inbound', 'outbound'];

/** `#/contacts` and `#/contacts/<id>`: search the contact record and open one contact to replay it. */
export function ContactsPage({ contactId }: { contactId: string | null }) {
  const t = useContactsT();
  const [flows, setFlows] = useState<string[]>([]);
  const [search, setSearch] = useState<ContactSearch>({});
  const [contacts, setContacts] = useState<ContactView[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState('');

  const run = (cursor?: string) => {
    const query = { ...search };
    // Dates are picked as days; the end day is included.
    if (query.to) query.to = new Date(Date.parse(query.to) + 86_400_000).toISOString().slice(0, 10);
    contactsClient.search(query, cursor).then(
      (page) => {
        setError('');
        setContacts((shown) => (cursor ? [...shown, ...page.contacts] : page.contacts));
        setNext(page.next);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  useEffect(() => {
    runtimeClient.listFlows().then(
      (list) => setFlows(list.map((f) => f.id)),
      () => setFlows([]),
    );
    run();
    // The first page loads once; later searches run on submit.
  }, []);

  if (contactId) return <ContactReplay key={contactId} contactId={contactId} />;

  const field = (key: keyof ContactSearch) => ({
    value: search[key] ?? '',
    onChange: (e: { target: { value: string } }) => setSearch((s) => ({ ...s, [key]: e.target.value })),
  });
  const choice = (
    key: keyof ContactSearch,
    any: ContactsPageMessageKey,
    values: string[],
    label: (v: string) => string,
  ) => (
    <select aria-label={t(any)} {...field(key)}>
      <option value="">{t(any)}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };

  return (
    <main className="contacts-page">
      <h1>{t('contacts')}</h1>
      <form className="contacts-filters" onSubmit={submit}>
        <input
          type="search"
          className="contacts-text"
          aria-label={t('searchText')}
          placeholder={t('searchPlaceholder')}
          {...field('text')}
        />
        {choice('flowId', 'anyFlow', flows, (v) => v)}
        {choice('channel', 'anyChannel', CHANNELS, (v) => v)}
        {choice('outcome', 'anyOutcome', OUTCOMES, (v) => t(`outcome_${v}` as ContactsPageMessageKey))}
        {choice('direction', 'anyDirection', DIRECTIONS, (v) => t(`direction_${v}` as ContactsPageMessageKey))}
        <label>
          {t('from')} <input type="date" {...field('from')} />
        </label>
        <label>
          {t('to')} <input type="date" {...field('to')} />
        </label>
        <input aria-label={t('caller')} placeholder={t('caller')} {...field('caller')} />
        <button type="submit">{t('search')}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      <table className="contacts-table">
        <thead>
          <tr>
            <th>{t('time')}</th>
            <th>{t('flow')}</th>
            <th>{t('channel')}</th>
            <th>{t('outcome')}</th>
            <th>{t('duration')}</th>
            <th>{t('turns')}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} className="contacts-row">
              <td>
                <a href={`#/contacts/${encodeURIComponent(c.id)}`}>{new Date(c.startedAt).toLocaleString()}</a>
              </td>
              <td>
                {c.flowId} v{c.version}
              </td>
              <td>{c.channel}</td>
              <td>{t(`outcome_${c.outcome ?? 'active'}` as ContactsPageMessageKey)}</td>
              <td>{c.durationMs === null ? '' : t('seconds', { seconds: Math.round(c.durationMs / 1000) })}</td>
              <td>{c.turns}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {contacts.length === 0 && !error && <p>{t('noContacts')}</p>}
      {next && (
        <button type="button" onClick={() => run(next)}>
          {t('more')}
        </button>
      )}
    </main>
  );
}
