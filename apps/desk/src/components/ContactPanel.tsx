import { useEffect, useRef, useState, type FormEvent } from 'react';
import { deskCall, messageId } from '../api/deskApi.ts';
import { useDeskT } from '../i18n/deskMessages.ts';
import { useDesk, type DeskContact } from '../state/useDesk.ts';
import { ContactActions } from './ContactActions.tsx';
import { ContactContext } from './ContactContext.tsx';
import { useNow } from './useNow.ts';
import { VoicePanel } from './VoicePanel.tsx';
import { WrapUpForm } from './WrapUpForm.tsx';

/** One contact at the desk: the bot's context beside the live chat, and the actions or the wrap-up. */
export function ContactPanel({
  token,
  contact,
  signal,
}: {
  token: string;
  contact: DeskContact;
  signal: (message: Record<string, unknown>) => void;
}) {
  const t = useDeskT();
  const me = useDesk((s) => s.me);
  const now = useNow(1000);
  const [draft, setDraft] = useState('');
  const [lastTyping, setLastTyping] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const chatting = contact.mode === 'chat' && !contact.ended;
  const voice = contact.context.channel === 'voice';
  const send = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    setLastTyping(0);
    const id = messageId();
    // A failed send is tried once more with the same id: the runtime stores it once either way.
    const post = () => deskCall(token, 'POST', `/api/desk/contacts/${contact.id}/messages`, { id, text });
    await post()
      .catch(post)
      .then(
        () => setError(null),
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      );
  };
  // The customer sees when the agent has read their lines.
  const lastCustomerSeq = contact.messages.findLast((m) => m.sender === 'customer')?.seq ?? 0;
  const reported = useRef(0);
  useEffect(() => {
    if (!chatting || lastCustomerSeq <= reported.current) return;
    reported.current = lastCustomerSeq;
    signal({ type: 'seen', contactId: contact.id, seq: lastCustomerSeq });
  }, [chatting, lastCustomerSeq, contact.id, signal]);
  return (
    <div className="contact-panel" data-contact={contact.id} data-mode={contact.mode}>
      <ContactContext contact={contact} />
      <section className="chat-panel" aria-label={t('chat')}>
        {voice && <VoicePanel token={token} contact={contact} />}
        {/* A voice call has no chat lines to show until the desk sends the caller through a flow (its outcome). */}
        {(!voice || contact.messages.length > 0) && (
          <>
            <h2>{t('chat')}</h2>
            <ol className="chat-log">
              {contact.messages.map((message) => (
                <li key={message.seq} className={`line ${message.sender}`} data-seq={message.seq}>
                  <span className="text">{message.text}</span>
                  {message.sender === 'agent' && message.agentId === me?.id && (
                    <small className="delivery">{contact.seenSeq >= message.seq ? t('read') : t('delivered')}</small>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
        {contact.typingAt !== undefined && now - contact.typingAt < 4000 && (
          <p className="typing" aria-live="polite">
            {t('typing')}
          </p>
        )}
        {contact.ended && <p className="muted">{t('chatEnded')}</p>}
        {chatting && !voice && (
          <form className="composer" onSubmit={(event) => void send(event)}>
            <input
              aria-label={t('typeMessage')}
              placeholder={t('typeMessage')}
              value={draft}
              maxLength={4000}
              onChange={(e) => {
                setDraft(e.target.value);
                if (Date.now() - lastTyping > 2000) {
                  setLastTyping(Date.now());
                  signal({ type: 'typing', contactId: contact.id });
                }
              }}
            />
            <button type="submit" className="primary">
              {t('send')}
            </button>
          </form>
        )}
        {error && <p className="error">{t('error', { message: error })}</p>}
        {chatting && <ContactActions token={token} contact={contact} />}
        {contact.mode === 'wrapUp' && <WrapUpForm token={token} contact={contact} />}
      </section>
    </div>
  );
}
