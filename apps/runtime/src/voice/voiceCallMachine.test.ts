import type { InputEvent } from '@omniflow/flow-engine';
import { describe, expect, it } from 'vitest';
import { toSynthesizedAudio } from './Synthesizer.ts';
import { silence } from './testAudio.ts';
import { VoiceCall, type VoiceCallEnd, type VoiceCallEvent, type VoiceTurn } from './VoiceCall.ts';

const PROMPT_MS = 1000;

/** A keypad-only prompt of one second, on a transport that echoes no marks (as jambonz), with a scripted session. */
async function keypadCall() {
  const inputs: InputEvent[] = [];
  const events: VoiceCallEvent[] = [];
  const ends: VoiceCallEnd[] = [];
  const prompt: VoiceTurn = {
    status: 'active',
    outputs: [
      { type: 'say', nodeId: 'ask', text: 'Enter your code.', locale: 'en-US', bargeIn: false },
      {
        type: 'prompt',
        nodeId: 'ask',
        channel: 'voice',
        expect: {
          dtmf: { minDigits: 1, maxDigits: 4, interDigitTimeoutMs: 2000 },
          sensitive: false,
          noInputTimeoutMs: 3000,
          bargeIn: false,
        },
      },
    ],
  };
  const goodbye: VoiceTurn = {
    status: 'ended',
    outputs: [
      { type: 'say', nodeId: 'bye', text: 'Goodbye.', locale: 'en-US', bargeIn: false },
      { type: 'end', nodeId: 'bye', reason: 'completed' },
    ],
  };
  const call = new VoiceCall({
    callId: 'c1',
    session: {
      start: async () => prompt,
      send: async (input) => {
        inputs.push(input);
        return goodbye;
      },
    },
    transport: { play: () => undefined, clear: () => undefined, close: (end) => ends.push(end) },
    recognizer: { name: 'none', recognize: async () => null },
    synthesizer: {
      name: 'silent',
      voiceFor: () => 'v',
      synthesize: async () => toSynthesizedAudio(new Int16Array(16 * PROMPT_MS), 16000, 'v'),
    },
    locale: 'en-US',
    inputRate: 8000,
    onEvent: (event) => events.push(event),
  });
  await call.start();
  /** Feeds `ms` of quiet audio in 20 ms frames, letting the session's answers arrive between frames. */
  const feed = async (ms: number) => {
    for (let at = 0; at < ms; at += 20) {
      call.pushAudio(silence(20, 8000));
      await Promise.resolve();
    }
  };
  const at = (type: VoiceCallEvent['type']) => events.find((e) => e.type === type)?.atMs ?? Number.NaN;
  return { call, inputs, events, ends, feed, at };
}

describe("voiceCallMachine timers, on the call's audio clock", () => {
  it('starts the no-input clock when the prompt has played, and takes no-input after its timeout of audio', async () => {
    const { inputs, feed, at } = await keypadCall();
    await feed(PROMPT_MS + 2900);
    expect(inputs).toEqual([]);
    expect(at('listening')).toBeGreaterThanOrEqual(PROMPT_MS);
    await feed(200);
    expect(inputs).toEqual([{ type: 'noInput' }]);
    expect(at('noInput') - at('listening')).toBeGreaterThanOrEqual(3000);
    expect(at('noInput') - at('listening')).toBeLessThan(3020);
  });

  it('ends a keypad entry after the inter-digit pause, measured from the last key', async () => {
    const { call, inputs, feed, at } = await keypadCall();
    await feed(PROMPT_MS + 500);
    call.pushDtmf('4');
    await feed(1000);
    call.pushDtmf('2');
    await feed(1960);
    expect(inputs).toEqual([]);
    await feed(60);
    expect(inputs).toEqual([{ type: 'dtmf', digits: '42' }]);
    expect(at('dtmf') - at('listening')).toBeGreaterThanOrEqual(3500);
  });

  it('takes no-input at once when keys that held it off are cleared with * after its time', async () => {
    const { call, inputs, feed, at } = await keypadCall();
    await feed(PROMPT_MS + 2000);
    call.pushDtmf('1');
    // The no-input time passes while a key is pending: the entry is in progress, so no-input waits.
    await feed(1500);
    expect(inputs).toEqual([]);
    call.pushDtmf('*');
    await feed(40);
    expect(inputs).toEqual([{ type: 'noInput' }]);
    expect(at('noInput') - at('listening')).toBeLessThan(3600);
  });

  it('closes once the last prompt has played, timed by its duration when the far end echoes no marks', async () => {
    const { call, ends, events, feed, at } = await keypadCall();
    await feed(PROMPT_MS);
    call.pushDtmf('7');
    call.pushDtmf('#');
    await feed(PROMPT_MS - 40);
    expect(ends).toEqual([]);
    await feed(80);
    expect(ends).toEqual([{ reason: 'completed' }]);
    const goodbye = events.filter((e) => e.type === 'audioSent').at(-1);
    expect(at('closed') - (goodbye?.atMs ?? Number.NaN)).toBeGreaterThanOrEqual(PROMPT_MS);
    expect(call.closed).toBe(true);
  });

  it('does not tell a session that has ended that the caller hung up during its goodbye', async () => {
    const { call, inputs, ends, events, feed } = await keypadCall();
    await feed(PROMPT_MS);
    call.pushDtmf('7');
    call.pushDtmf('#');
    await feed(200);
    call.hangup();
    expect(inputs).toEqual([{ type: 'dtmf', digits: '7' }]);
    expect(ends).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'closed', end: { reason: 'hangup' } });
    expect(call.closed).toBe(true);
  });
});
