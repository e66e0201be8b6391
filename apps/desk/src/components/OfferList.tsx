import { useEffect, useRef } from 'react';
import { deskCall } from '../api/deskApi.ts';
import type { ContactView } from '../api/deskTypes.ts';
import { useDeskT } from '../i18n/deskMessages.ts';
import { useVoiceT } from '../i18n/voiceMessages.ts';
import { useDesk } from '../state/useDesk.ts';
import { ringOffer } from './ringOffer.ts';
import { useNow } from './useNow.ts';

/** The contacts ringing at this desk, each with its countdown, a sound when it arrives, accept and decline. */
export function OfferList({ token }: { token: string }) {
  const t = useDeskT();
  const voiceT = useVoiceT();
  const offers = useDesk((s) => s.offers);
  const open = useDesk((s) => s.open);
  const now = useNow(250);
  const rung = useRef(new Set<string>());
  useEffect(() => {
    for (const offer of offers)
      if (!rung.current.has(offer.contactId)) {
        rung.current.add(offer.contactId);
        ringOffer();
      }
  }, [offers]);
  const accept = async (contactId: string): Promise<void> => {
    try {
      const reply = await deskCall<{ contact: ContactView }>(token, 'POST', `/api/desk/offers/${contactId}/accept`);
      open(reply.contact, 'chat');
    } catch (error) {
      alert(t('error', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <section aria-label={t('offers')} className="offers">
      <h2>{t('offers')}</h2>
      {offers.length === 0 && <p className="muted">{t('noOffers')}</p>}
      {offers.map((offer) => {
        const left = Math.max(0, Math.ceil((Date.parse(offer.expiresAt) - now) / 1000));
        return (
          <article key={offer.contactId} className="offer" data-contact={offer.contactId}>
            <strong>{t('offerFrom', { queue: offer.queueId })}</strong>
            {offer.reason && <p>{offer.reason}</p>}
            {offer.callback && <p className="callback-offer">{voiceT('callback')}</p>}
            <p className="muted">
              {offer.channel} · {offer.locale} ·{' '}
              <span role="timer" className="countdown">
                {t('secondsLeft', { seconds: left })}
              </span>
            </p>
            <div className="buttons">
              <button type="button" className="primary" onClick={() => void accept(offer.contactId)}>
                {t('accept')}
              </button>
              <button
                type="button"
                onClick={() =>
                  void deskCall(token, 'POST', `/api/desk/offers/${offer.contactId}/decline`).catch(() => undefined)
                }
              >
                {t('decline')}
              </button>
            </div>
          </article>
        );
      })}
    </section>
  );
}
