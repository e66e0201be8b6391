import { useCallback, useEffect, useRef, useState } from 'react';
import type { VoiceTurnReport } from './parseVoiceMessage.ts';
import { VoiceCallClient, type VoiceCallView } from './voiceCallClient.ts';

/** What {@link useVoiceCall} needs to place a call. */
export interface UseVoiceCallOptions {
  flowId: string;
  locale: string;
  /** The bearer token the designer uses for the runtime (an editor's token can run the draft). */
  getToken(): Promise<string | null>;
  /** Runs before each call, e.g. to save pending edits so the draft is current. */
  beforeStart?(): Promise<void>;
  /** Told after each turn of the call where the flow is and its (masked) variables. */
  onTurn?(turn: VoiceTurnReport): void;
}

const IDLE: VoiceCallView = { status: 'idle', lines: [], audioBytes: 0, error: '' };

/** A microphone call to the runtime's voice gateway running the open draft, as React state; hangs up on unmount. */
export function useVoiceCall(options: UseVoiceCallOptions) {
  const [view, setView] = useState<VoiceCallView>(IDLE);
  const [active, setActive] = useState(false);
  const client = useRef<VoiceCallClient | null>(null);
  // Bumped by every start and hang-up, so a call still opening (microphone permission) after a hang-up is dropped.
  const attempt = useRef(0);
  const latest = useRef(options);
  latest.current = options;

  useEffect(
    () => () => {
      attempt.current += 1;
      client.current?.hangUp();
    },
    [],
  );

  const start = useCallback(async () => {
    client.current?.hangUp();
    client.current = null;
    const mine = ++attempt.current;
    setView({ ...IDLE, status: 'connecting' });
    setActive(true);
    try {
      const { flowId, locale, getToken, beforeStart } = latest.current;
      await beforeStart?.();
      const token = await getToken();
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const opened = await VoiceCallClient.open({
        url: `${scheme}://${window.location.host}/ws/voice`,
        flowId,
        token,
        locale,
        draft: true,
        onChange: (next) => {
          if (mine !== attempt.current) return;
          setView(next);
          if (next.status === 'ended') setActive(false);
        },
        onTurn: (turn) => {
          if (mine === attempt.current) latest.current.onTurn?.(turn);
        },
      });
      if (mine === attempt.current) client.current = opened;
      else opened.hangUp();
    } catch (error) {
      if (mine !== attempt.current) return;
      setActive(false);
      setView({ ...IDLE, error: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  const hangUp = useCallback(() => {
    attempt.current += 1;
    client.current?.hangUp();
    client.current = null;
    setActive(false);
    setView((current) => ({ ...current, status: 'ended' }));
  }, []);

  const pressKey = useCallback((digit: string) => client.current?.pressKey(digit), []);

  return { view, active, start, hangUp, pressKey };
}
