import { useEffect, useRef } from 'react';
import { useVoiceCall, type UseVoiceCallOptions } from '../../voice/useVoiceCall.ts';
import type { VoiceCallLine } from '../../voice/voiceCallClient.ts';
import { useVoiceT } from '../../voice/voiceMessages.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * The simulator's microphone mode: calls the runtime's voice gateway with the browser microphone, plays the prompts
 * it synthesizes, and shows what was said and what the recognizer heard; keys go to the call out of band.
 */
export function VoiceCallPanel(props: UseVoiceCallOptions) {
  const t = useVoiceT();
  const { view, active, start, hangUp, pressKey } = useVoiceCall(props);
  const log = useRef<HTMLOListElement>(null);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [view.lines]);

  return (
    <section
      className="voice-call-panel"
      aria-label={t('voiceCall')}
      data-status={view.status}
      data-audio-bytes={view.audioBytes}
    >
      <div className="simulator-controls">
        {active ? (
          <button type="button" onClick={hangUp}>
            {t('hangUp')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void start()}>
            {t('call')}
          </button>
        )}
        <span className="voice-call-status" role="status">
          {t(`status_${view.status}`)}
        </span>
        {view.audioBytes > 0 && (
          <span className="voice-call-audio">{t('audioReceived', { kb: Math.round(view.audioBytes / 1024) })}</span>
        )}
      </div>
      <p className="muted">{t('draftNote')}</p>
      {view.error && (
        <p className="error-text" role="alert">
          {view.error}
        </p>
      )}
      <ol className="sim-log voice-call-log" ref={log} aria-live="polite" aria-label={t('voiceCall')}>
        {view.lines.map((line, i) => (
          <li key={i} className={`sim-line from-${speaker(line)}`}>
            {lineText(line, t)}
          </li>
        ))}
      </ol>
      {active && (
        <div className="keypad" role="group" aria-label={t('keypad')}>
          {KEYS.map((digit) => (
            <button key={digit} type="button" onClick={() => pressKey(digit)} aria-label={t('key', { digit })}>
              {digit}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function speaker(line: VoiceCallLine): 'bot' | 'caller' | 'system' {
  switch (line.kind) {
    case 'prompt':
      return 'bot';
    case 'heard':
    case 'keys':
      return 'caller';
    default:
      return 'system';
  }
}

function lineText(line: VoiceCallLine, t: ReturnType<typeof useVoiceT>): string {
  switch (line.kind) {
    case 'prompt':
      return line.text;
    case 'heard':
      return line.transcript
        ? t('heard', { text: line.transcript, confidence: Math.round(line.confidence * 100) })
        : t('notUnderstood');
    case 'keys':
      return t('keys', { digits: line.digits });
    case 'bargeIn':
      return t('bargeIn');
    case 'noInput':
      return t('noInput');
    case 'ended':
      return line.reason === 'transferred' && line.queue
        ? t('transferredTo', { queue: line.queue })
        : t('ended', { reason: line.reason });
  }
}
