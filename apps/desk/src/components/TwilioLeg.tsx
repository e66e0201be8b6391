import { useState } from 'react';
import { deskCall, DeskApiError } from '../api/deskApi.ts';
import { useVoiceT } from '../i18n/voiceMessages.ts';

interface LegView {
  muted: boolean;
  held: boolean;
  ended: boolean;
}

/**
 * A Twilio call at the desk, talked on from the agent's phone: hold the caller, mute the agent, hang up — each through
 * the runtime (`POST /api/desk/contacts/:id/voice`, which asks Twilio's REST API). For a callback, "Call back" first
 * places the call (`POST …/callback`): the agent's phone rings, then the customer's number, which the desk never sees.
 */
export function TwilioLeg({ token, contactId, callback }: { token: string; contactId: string; callback: boolean }) {
  const t = useVoiceT();
  const [leg, setLeg] = useState<LegView | null>(callback ? null : { muted: false, held: false, ended: false });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (work: () => Promise<LegView>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      setLeg(await work());
    } catch (error) {
      const message = error instanceof DeskApiError || error instanceof Error ? error.message : String(error);
      setProblem(t('twilio.refused', { message }));
    } finally {
      setBusy(false);
    }
  };
  const control = (body: Record<string, unknown>) =>
    run(
      async () => (await deskCall<{ leg: LegView }>(token, 'POST', `/api/desk/contacts/${contactId}/voice`, body)).leg,
    );
  const callBack = () =>
    run(async () => {
      await deskCall<{ callSid: string }>(token, 'POST', `/api/desk/contacts/${contactId}/callback`);
      return { muted: false, held: false, ended: false };
    });
  const status = !leg
    ? null
    : leg.ended
      ? t('leg.ended')
      : leg.held
        ? t('twilio.held')
        : leg.muted
          ? t('leg.muted')
          : callback
            ? t('twilio.calling')
            : t('twilio.live');
  const ready = leg !== null && !leg.ended && !busy;
  return (
    <div
      className="twilio-leg"
      aria-busy={busy}
      data-leg={!leg ? 'idle' : leg.ended ? 'ended' : leg.held ? 'held' : leg.muted ? 'muted' : 'live'}
    >
      {!leg && (
        <button type="button" className="primary" disabled={busy} onClick={() => void callBack()}>
          {t('callBack')}
        </button>
      )}
      {status && (
        <p className="leg-status" aria-live="polite">
          {status}
        </p>
      )}
      {problem && (
        <p className="leg-problem" role="alert">
          {problem}
        </p>
      )}
      {leg && (
        <div className="leg-controls">
          <button type="button" disabled={!ready} onClick={() => void control({ type: 'mute', on: !leg.muted })}>
            {leg.muted ? t('unmute') : t('mute')}
          </button>
          <button type="button" disabled={!ready} onClick={() => void control({ type: 'hold', on: !leg.held })}>
            {leg.held ? t('resume') : t('hold')}
          </button>
          <button type="button" className="danger" disabled={!ready} onClick={() => void control({ type: 'hangup' })}>
            {t('hangUp')}
          </button>
        </div>
      )}
    </div>
  );
}
