import type { InputEvent } from '@omniflow/flow-engine';
import { type EventObject, fromCallback } from 'xstate';
import { speakSay } from './speakSay.ts';
import type { SynthesizedAudio, Synthesizer } from './Synthesizer.ts';
import type { VoiceSession, VoiceTurn } from './VoiceCall.ts';

/** What a turn tells the call as it goes: each piece of prompt audio, each prompt sent, then the turn itself. */
export type TurnEvent =
  | { type: 'turn.audio'; audio: SynthesizedAudio }
  | { type: 'turn.said'; text: string; atMs: number; durationMs: number }
  | { type: 'turn.done'; turn: VoiceTurn }
  | { type: 'turn.failed'; error: unknown };

/** One engine turn: the session and what to send it (null for the session's start). */
export interface TurnInput {
  session: VoiceSession;
  input: InputEvent | null;
  synthesizer: Synthesizer;
  /** The call's signal: synthesis stops when the call ends. */
  signal: AbortSignal;
  /** The call's clock, to time when each prompt was sent. */
  now: () => number;
  onTurn?: (turn: VoiceTurn) => void;
}

/**
 * Runs one engine turn and hands its prompt audio to the call as it is synthesized: every prompt of the turn is
 * synthesized at once, each prompt's first sentence apart from the rest so it is ready (and sent) sooner, and they
 * are handed over in order as each is ready. A failure is reported as `turn.failed`, never thrown.
 */
export const runTurn = fromCallback<EventObject, TurnInput>(({ input, sendBack }) => {
  let stopped = false;
  // xstate types what a callback sends back loosely; this keeps it to the events the call machine knows.
  const tell = (event: TurnEvent): void => sendBack(event);
  const run = async (): Promise<void> => {
    const turn = input.input === null ? await input.session.start() : await input.session.send(input.input);
    if (stopped) return;
    input.onTurn?.(turn);
    const says = turn.outputs.flatMap((o) => (o.type === 'say' ? [o] : []));
    const audios = says.map((say) => speakSay(say, input.synthesizer, input.signal));
    for (const audio of audios.flat()) audio.catch(() => undefined);
    for (const [i, say] of says.entries()) {
      let sentAtMs: number | null = null;
      let durationMs = 0;
      for (const pending of audios[i] ?? []) {
        const audio = await pending;
        if (stopped) return;
        tell({ type: 'turn.audio', audio });
        sentAtMs ??= input.now();
        durationMs += audio.durationMs;
      }
      if (sentAtMs !== null) tell({ type: 'turn.said', text: say.text, atMs: sentAtMs, durationMs });
    }
    tell({ type: 'turn.done', turn });
  };
  run().catch((error: unknown) => {
    if (!stopped) tell({ type: 'turn.failed', error });
  });
  // The call left the turn (it hung up): nothing more is handed over.
  return () => {
    stopped = true;
  };
});
