import { useEffect, useState } from 'react';
import { runtimeClient, ApiError, rememberToken } from '../../api/runtimeClient.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';
import { FlowList } from '../FlowList/FlowList.tsx';
import { FlowEditor } from '../FlowEditor/FlowEditor.tsx';
import { CampaignsPage } from '../../campaigns/CampaignsPage.tsx';
import { useCampaignT } from '../../campaigns/campaignMessages.ts';
import { LanguageSwitcher } from '../LanguageSwitcher/LanguageSwitcher.tsx';
import { InsightsPage } from '../../insights/InsightsPage.tsx';
import { useInsightsT } from '../../insights/insightsMessages.ts';
import { ContactsPage } from '../../contacts/ContactsPage.tsx';
import { useContactsT } from '../../contacts/contactsPageMessages.ts';

/** Reads the Contacts route: `#/contacts` (null id) or `#/contacts/<id>`; undefined elsewhere. */
function routeContact(): { id: string | null } | undefined {
  const match = /^#\/contacts(?:\/(.+))?$/.exec(window.location.hash);
  return match ? { id: match[1] ? decodeURIComponent(match[1]) : null } : undefined;
}

/** Reads the open flow id from the hash route `#/flows/<id>`. */
function routeFlowId(): string | null {
  const match = /^#\/flows\/(.+)$/.exec(window.location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The page a hash route names besides flows and contacts (`#/insights`, `#/campaigns`), or null. */
function routePage(): 'insights' | 'campaigns' | null {
  if (window.location.hash.startsWith('#/insights')) return 'insights';
  if (window.location.hash.startsWith('#/campaigns')) return 'campaigns';
  return null;
}

/** The designer shell: loads the node-type catalog, then shows the flow list or the editor for `#/flows/<id>`. */
export function App() {
  const t = useT();
  const insightsT = useInsightsT();
  const campaignT = useCampaignT();
  const [page, setPage] = useState(routePage);
  const contactsT = useContactsT();
  const [flowId, setFlowId] = useState(routeFlowId);
  const [contact, setContact] = useState(routeContact);
  const [catalogState, setCatalogState] = useState<'loading' | 'ready' | 'auth' | 'error'>('loading');
  const [error, setError] = useState('');
  const [token, setToken] = useState('');
  const setCatalog = useFlowStore((s) => s.setCatalog);

  useEffect(() => {
    const onHash = () => {
      setFlowId(routeFlowId());
      setPage(routePage());
      setContact(routeContact());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const loadCatalog = () => {
    setCatalogState('loading');
    runtimeClient
      .nodeTypes()
      .then((specs) => {
        setCatalog(specs);
        setCatalogState('ready');
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setCatalogState('auth');
        else {
          setError(e instanceof Error ? e.message : String(e));
          setCatalogState('error');
        }
      });
  };
  useEffect(loadCatalog, [setCatalog]);

  return (
    <div className="app">
      <header className="app-header">
        <a className="app-title" href="#/">
          {t('appTitle')}
        </a>
        <nav className="app-nav">
          <a href="#/contacts" aria-current={contact ? 'page' : undefined}>
            {contactsT('contacts')}
          </a>
          <a href="#/insights" aria-current={page === 'insights' ? 'page' : undefined}>
            {insightsT('insights')}
          </a>
          <a href="#/campaigns" aria-current={page === 'campaigns' ? 'page' : undefined}>
            {campaignT('campaigns')}
          </a>
        </nav>
        <div className="app-header-slot" id="header-slot" />
        <LanguageSwitcher />
      </header>
      {catalogState === 'loading' && <p className="app-message">{t('loading')}</p>}
      {catalogState === 'error' && (
        <p className="app-message" role="alert">
          {t('error')}: {error}
        </p>
      )}
      {catalogState === 'auth' && (
        <form
          className="app-message token-form"
          onSubmit={(e) => {
            e.preventDefault();
            rememberToken(token.trim());
            loadCatalog();
          }}
        >
          <p>{t('tokenHelp')}</p>
          <label>
            {t('token')} <input value={token} onChange={(e) => setToken(e.target.value)} autoFocus />
          </label>
          <button type="submit">{t('saveToken')}</button>
        </form>
      )}
      {catalogState === 'ready' &&
        (page === 'insights' ? (
          <InsightsPage />
        ) : page === 'campaigns' ? (
          <CampaignsPage />
        ) : contact ? (
          <ContactsPage contactId={contact.id} />
        ) : flowId ? (
          <FlowEditor key={flowId} flowId={flowId} />
        ) : (
          <FlowList />
        ))}
    </div>
  );
}
