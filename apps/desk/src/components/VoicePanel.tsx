import { useEffect, useRef, useState } from 'react';
import { useVoiceT } from '../i18n/voiceMessages.ts';
import type { DeskContact } from '../state/useDesk.ts';
import { connectVoiceLeg, type VoiceLegState } from '../voice/connectVoiceLeg.ts';
import { TwilioLeg } from './TwilioLeg.tsx';

type Leg = Awaited<ReturnType<typeof connectVoiceLeg>>;

/**
 * A voice contact at the desk: a callback to make ("Call back"), a Twilio call bridged to the agent's phone (hold,
 * mute and hang-up through the runtime), or a media-stream call the agent talks on from the browser (microphone and
 * speaker) with mute, hold and hang-up.
 */
export function VoicePanel({ token, contact }: { token: string; contact: DeskContact }) {
  const t = useVoiceT();
  const { callback, voice } = contact.context;
  const open = contact.mode === 'chat' && !contact.ended;
  const live = open && callback === undefined;
  return (
    <section className="voice-panel" aria-label={t('voiceCall')}>
      <h2>{callback ? t('callback') : t('voiceCall')}</h2>
      {callback && (
        <p className="callback" data-number={callback.number ?? ''}>
          {callback.number ? t('callbackNumber', { number: callback.number }) : t('callbackNoNumber')}
        </p>
      )}
      {callback?.outcome && (
        <p className="callback-outcome" data-outcome={callback.outcome}>
          {t('callbackOutcome', { outcome: callback.outcome })}
        </p>
      )}
      {callback && open && <TwilioLeg token={token} contactId={contact.id} callback />}
      {!callback && voice?.bridge === 'dial' && <p className="dial-bridge">{t('dialBridge')}</p>}
      {!callback && voice?.bridge === 'dial' && live && (
        <TwilioLeg token={token} contactId={contact.id} callback={false} />
      )}
      {!callback && voice?.bridge === 'browser' && live && <BrowserLeg token={token} contactId={contact.id} />}
      {!callback && voice?.bridge === 'browser' && !live && <p className="leg-status">{t('leg.ended')}</p>}
    </section>
  );
}

function BrowserLeg({ token, contactId }: { token: string; contactId: string }) {
  const t = useVoiceT();
  const leg = useRef<Leg | null>(null);
  const [state, setState] = useState<VoiceLegState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    connectVoiceLeg(token, contactId, {
      leg: (next) => setState(next),
      closed: (code) => {
        if (code === 4404) setProblem(t('leg.unavailable'));
        setState((previous) => ({ muted: false, held: false, secureFlow: false, ...previous, ended: true }));
      },
    }).then(
      (connected) => {
        if (gone) connected.close();
        else leg.current = connected;
      },
      (error: unknown) =>
        setProblem(t('leg.noMicrophone', { message: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      gone = true;
      leg.current?.close();
      leg.current = null;
    };
    // The leg lives as long as the panel shows this contact (a language change does not reconnect it).
  }, [token, contactId]);
  const status = problem
    ? problem
    : !state
      ? t('leg.connecting')
      : state.ended
        ? t('leg.ended')
        : state.secureFlow
          ? t('leg.secureFlow')
          : state.held
            ? t('leg.held')
            : state.muted
              ? t('leg.muted')
              : t('leg.live');
  const ready = state !== null && !state.ended;
  return (
    <div
      className="browser-leg"
      data-leg={state ? (state.ended ? 'ended' : state.held ? 'held' : state.muted ? 'muted' : 'live') : 'connecting'}
    >
      <p className="leg-status" aria-live="polite">
        {status}
      </p>
      <div className="leg-controls">
        <button type="button" disabled={!ready} onClick={() => leg.current?.mute(!state?.muted)}>
          {state?.muted ? t('unmute') : t('mute')}
        </button>
        <button type="button" disabled={!ready} onClick={() => leg.current?.hold(!state?.held)}>
          {state?.held ? t('resume') : t('hold')}
        </button>
        <button type="button" className="danger" disabled={!ready} onClick={() => leg.current?.hangUp()}>
          {t('hangUp')}
        </button>
      </div>
    </div>
  );
}
