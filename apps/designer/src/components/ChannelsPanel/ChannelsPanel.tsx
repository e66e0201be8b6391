import { useCallback, useEffect, useState } from 'react';
import { channelsClient, type ChannelToken } from '../../api/channelsClient.ts';
import { channelSnippets } from '../../core/channelSnippets.ts';
import { useAnalystT } from '../../i18n/analystMessages.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { CopyField } from '../CopyField/CopyField.tsx';

/** A flow's channels: channel tokens (create, revoke), the web chat link, embed snippet and preview, and phone set-up. */
export function ChannelsPanel({ flowId }: { flowId: string }) {
  const t = useAnalystT();
  const locale = useFlowStore((s) => s.flow?.defaultLocale ?? 'en-US');
  const [tokens, setTokens] = useState<ChannelToken[] | null>(null);
  const [label, setLabel] = useState('');
  // The secret is only returned on creation, so the links exist for the token created in this visit.
  const [fresh, setFresh] = useState<{ id: string; token: string } | null>(null);
  const [message, setMessage] = useState('');

  const refresh = useCallback(() => {
    channelsClient
      .list(flowId)
      .then(setTokens)
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  }, [flowId]);
  useEffect(refresh, [refresh]);

  const create = async () => {
    setMessage('');
    try {
      const created = await channelsClient.create(flowId, label.trim() || 'web chat');
      setFresh({ id: created.record.id, token: created.token });
      setLabel('');
      refresh();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const revoke = async (token: ChannelToken) => {
    if (!window.confirm(t('confirmRevoke', { label: token.label }))) return;
    setMessage('');
    try {
      await channelsClient.revoke(flowId, token.id);
      if (fresh?.id === token.id) setFresh(null);
      refresh();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const snippets = fresh ? channelSnippets(window.location.origin, flowId, fresh.token, locale) : null;

  return (
    <div className="channels-panel">
      <h2>{t('channelTokens')}</h2>
      <form
        className="channels-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input
          aria-label={t('tokenLabel')}
          placeholder={t('tokenLabel')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('createToken')}
        </button>
      </form>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
      {tokens !== null && tokens.length === 0 && <p className="muted">{t('noTokens')}</p>}
      <ul className="channel-tokens">
        {tokens?.map((token) => (
          <li key={token.id}>
            <strong>{token.label}</strong>{' '}
            <span className="muted">{t('createdAt', { date: new Date(token.createdAt).toLocaleString() })}</span>
            <button
              type="button"
              className="danger"
              onClick={() => void revoke(token)}
              aria-label={`${t('revoke')} ${token.label}`}
            >
              {t('revoke')}
            </button>
          </li>
        ))}
      </ul>
      {snippets ? (
        <section className="channel-links" aria-label={t('channels')}>
          <p className="status-text">{t('tokenOnce')}</p>
          <CopyField label={t('chatLink')} value={snippets.chatUrl} />
          <a href={snippets.chatUrl} target="_blank" rel="noreferrer">
            {t('openPreview')}
          </a>
          <CopyField label={t('embedSnippet')} value={snippets.embed} multiline />
          <h3>{t('chatPreview')}</h3>
          <iframe className="chat-preview" src={snippets.chatUrl} title={t('chatPreview')} />
          <CopyField label={t('twilioWebhook')} value={snippets.twilioWebhook} />
          <CopyField label={t('twilioKeypad')} value={snippets.twilioKeypadWebhook} />
          <CopyField label={t('mediaStream')} value={snippets.twiml} multiline />
        </section>
      ) : (
        <p className="muted">{t('needToken')}</p>
      )}
    </div>
  );
}
