import { useEffect, useRef, useState } from 'react';
import { connectDesk } from '../api/connectDesk.ts';
import { deskCall } from '../api/deskApi.ts';
import { useDeskT } from '../i18n/deskMessages.ts';
import { useDesk } from '../state/useDesk.ts';
import { useAdminT } from '../i18n/adminMessages.ts';
import { AdminView } from './AdminView.tsx';
import { ContactPanel } from './ContactPanel.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { OfferList } from './OfferList.tsx';
import { SignIn } from './SignIn.tsx';
import { StatePicker } from './StatePicker.tsx';
import { SupervisorView } from './SupervisorView.tsx';

type DeskTab = 'contacts' | 'supervisor' | 'admin';
const ADMIN_HASH = '#/admin';

/** The desk: sign-in, then the agent's state, offers, contacts and (for supervisors) the live view of the queues. */
export function DeskApp() {
  const token = useDesk((s) => s.token);
  return token ? <SignedInDesk token={token} /> : <SignIn />;
}

function SignedInDesk({ token }: { token: string }) {
  const t = useDeskT();
  const adminT = useAdminT();
  const { me, online, contacts, selected, select, signOut, apply, setOnline } = useDesk();
  const [tab, setTab] = useState<DeskTab>(() => (location.hash === ADMIN_HASH ? 'admin' : 'contacts'));
  // The administration has its own address (`/desk/#/admin`), so a link can open it.
  useEffect(() => {
    const hash = tab === 'admin' ? ADMIN_HASH : '';
    if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }, [tab]);
  const socket = useRef<ReturnType<typeof connectDesk> | undefined>(undefined);
  useEffect(() => {
    const connection = connectDesk(token, {
      event: (event) => {
        // A revoked or expired desk token: back to the sign-in.
        if (event.type === 'error') return;
        apply(event);
      },
      online: setOnline,
    });
    socket.current = connection;
    return () => connection.close();
  }, [token, apply, setOnline]);
  const leave = async (): Promise<void> => {
    await deskCall(token, 'PUT', '/api/desk/state', { state: 'offline' }).catch(() => undefined);
    signOut();
  };
  const list = Object.values(contacts).filter((contact) => contact.mode !== 'watch');
  return (
    <div className="desk">
      <header className="desk-header">
        <h1>{t('title')}</h1>
        <span className="me">{me?.name}</span>
        <StatePicker token={token} />
        <span className={`online ${online ? 'on' : 'off'}`} role="status">
          {online ? t('connected') : t('reconnecting')}
        </span>
        {me?.role === 'supervisor' && (
          <nav className="tabs">
            <button type="button" aria-pressed={tab === 'contacts'} onClick={() => setTab('contacts')}>
              {t('myContacts')}
            </button>
            <button type="button" aria-pressed={tab === 'supervisor'} onClick={() => setTab('supervisor')}>
              {t('supervisor')}
            </button>
            <button type="button" aria-pressed={tab === 'admin'} onClick={() => setTab('admin')}>
              {adminT('administration')}
            </button>
          </nav>
        )}
        <LanguagePicker />
        <button type="button" onClick={() => void leave()}>
          {t('signOut')}
        </button>
      </header>
      {tab === 'admin' ? (
        <AdminView token={token} />
      ) : tab === 'supervisor' ? (
        <SupervisorView token={token} watch={(contactId) => socket.current?.send({ type: 'watch', contactId })} />
      ) : (
        <div className="desk-body">
          <aside className="desk-side">
            <OfferList token={token} />
            <section aria-label={t('myContacts')}>
              <h2>{t('myContacts')}</h2>
              {list.length === 0 && <p className="muted">{t('noContacts')}</p>}
              <ul className="contact-list">
                {list.map((contact) => (
                  <li key={contact.id}>
                    <button
                      type="button"
                      aria-pressed={selected === contact.id}
                      onClick={() => select(contact.id)}
                      className={contact.ended ? 'ended' : ''}
                    >
                      {contact.context.reason ?? contact.queueId}
                      <small>
                        {contact.queueId} · {contact.context.locale}
                      </small>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          </aside>
          <main className="desk-main">
            {selected && contacts[selected] ? (
              <ContactPanel
                token={token}
                contact={contacts[selected]}
                signal={(message) => socket.current?.send(message)}
              />
            ) : (
              <p className="muted">{t('noContacts')}</p>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
