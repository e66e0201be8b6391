import type { InputExpectation } from '@omniflow/flow-engine';
import type { VoiceCallEnd, VoiceTurn } from './VoiceCall.ts';

/** What an engine turn means for the call once its prompts are sent. */
export interface TurnReading {
  /** What the last prompt asks for; null when the call is to close after the prompts. */
  expectation: InputExpectation | null;
  /** How the call ends if it ends now: a transfer stays a transfer through the turns that follow it. */
  end: VoiceCallEnd;
  /** The locale of the turn's last prompt, if it says anything. */
  locale: string | null;
}

/** Reads a turn's outputs: the prompt to listen for, how the call would end, the locale spoken last. */
export function readTurn(turn: VoiceTurn, previousEnd: VoiceCallEnd): TurnReading {
  let expectation: InputExpectation | null = null;
  let end = previousEnd;
  let locale: string | null = null;
  for (const output of turn.outputs) {
    if (output.type === 'say') locale = output.locale;
    else if (output.type === 'prompt') expectation = output.expect;
    else if (output.type === 'transfer') end = { reason: 'transferred', queue: output.queue, agent: output.agent };
    else if (output.type === 'end' && end.reason !== 'transferred')
      end = { reason: output.reason === 'transferred' ? 'transferred' : 'completed' };
  }
  return { expectation: turn.status === 'ended' ? null : expectation, end, locale };
}
