import { compileFlow, createBuiltInRegistry } from '@omniflow/flow-engine';
import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import type { FlowDocument } from '@omniflow/flow-schema';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDefaultVoiceEngines } from './createDefaultVoiceEngines.ts';
import { FliteSynthesizer } from './FliteSynthesizer.ts';
import { concatPcm } from './pcm.ts';
import { PocketsphinxRecognizer } from './PocketsphinxRecognizer.ts';
import { groupAlive, processGroupsMentioning, waitUntil } from './processGroupsMentioning.ts';
import type { Recognizer } from './Recognizer.ts';
import type { Synthesizer } from './Synthesizer.ts';
import { dtmfTone, fliteSpeech, silence, whiteNoise } from './testAudio.ts';
import { VoiceCall, type VoiceCallEnd, type VoiceCallEvent, type VoiceSession } from './VoiceCall.ts';
import { type EngineCall, engineSession } from './voiceTestHarness.ts';

const engines = createDefaultVoiceEngines();

/** A call on a real engine session with a recording transport; the caller's audio is pushed by the test. */
function dial(
  flow: FlowDocument,
  options: { recognizer?: Recognizer; session?: VoiceSession; synthesizer?: Synthesizer } = {},
) {
  const compiled = compileFlow(flow, createBuiltInRegistry());
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const record: EngineCall = {
    parameters: {
      mode: 'twilio',
      sampleRate: 8000,
      flowId: 'f',
      token: 't',
      locale: 'en-US',
      callSid: 'CA1',
      streamSid: 'MZ1',
      customParameters: {},
      remoteAddress: '127.0.0.1',
    },
    turns: [],
    inputs: [],
    events: [],
    eventWallMs: [],
  };
  const log: { clears: number; played: string[]; ends: VoiceCallEnd[]; events: VoiceCallEvent[] } = {
    clears: 0,
    played: [],
    ends: [],
    events: [],
  };
  const call = new VoiceCall({
    callId: 'CA1',
    session: options.session ?? engineSession(compiled.compiled, 'en-US', record),
    transport: {
      play: (_audio, mark) => log.played.push(mark),
      clear: () => log.clears++,
      close: (end) => log.ends.push(end),
    },
    recognizer: options.recognizer ?? engines.recognizer,
    synthesizer: options.synthesizer ?? engines.synthesizer,
    locale: 'en-US',
    inputRate: 8000,
    onEvent: (event) => log.events.push(event),
  });
  /** Pushes 20 ms frames of `audio`, then quiet line noise until `until()` holds or `maxMs` of audio have passed. */
  const feed = async (audio: Int16Array, until: () => boolean = () => false, maxMs = 0) => {
    const frames = [...chunks(audio)];
    for (let ms = 0; frames.length > 0 || (!until() && ms < maxMs); ms += 20) {
      call.pushAudio(frames.shift() ?? whiteNoise(20, 8000, -62, ms + 1));
      await new Promise((resolve) => setTimeout(resolve, frames.length > 0 ? 0 : 1));
    }
  };
  const has = (type: VoiceCallEvent['type']) => log.events.filter((e) => e.type === type).length;
  return { call, record, log, feed, has };
}

function* chunks(audio: Int16Array): Generator<Int16Array> {
  for (let at = 0; at < audio.length; at += 160) yield audio.subarray(at, at + 160);
}

function menuFlow(menu: Record<string, unknown>): FlowDocument {
  return buildTestFlow([
    { id: 'start', type: 'start', to: { next: 'main' } },
    {
      id: 'main',
      type: 'menu',
      config: {
        prompt: en('Main menu.'),
        options: [
          { key: '1', label: { 'en-US': 'balance' } },
          { key: '2', label: { 'en-US': 'card activation' } },
        ],
        ...menu,
      },
      to: { '1': 'balance', '2': 'balance', noMatch: 'agent', noInput: 'bye' },
    },
    { id: 'balance', type: 'message', config: { prompt: en('Your balance is fine.') }, to: { next: 'bye' } },
    { id: 'agent', type: 'transfer', config: { queue: 'agents', prompt: en('Connecting you to an agent.') } },
    { id: 'bye', type: 'end', config: { prompt: en('Goodbye.') } },
  ]);
}

describe('VoiceCall', { timeout: 60_000 }, () => {
  it('keeps a key pressed during a prompt that may not be interrupted, and takes it when the prompt ends', async () => {
    const { call, log, record, feed, has } = dial(menuFlow({ bargeIn: false }));
    await call.start();
    await feed(concatPcm([silence(300, 8000), dtmfTone('1', 80, 8000), silence(100, 8000)]));
    expect(log.clears).toBe(0);
    expect(record.inputs).toEqual([]);
    await feed(new Int16Array(0), () => record.inputs.length > 0, 15_000);
    expect(record.inputs).toEqual([{ type: 'dtmf', digits: '1' }]);
    expect(has('bargeIn')).toBe(0);
    const prompt = log.events.find((e) => e.type === 'audioSent');
    const key = log.events.find((e) => e.type === 'dtmf');
    // The prompt ran to its end before the key counted.
    expect(key?.atMs).toBeGreaterThanOrEqual(prompt?.type === 'audioSent' ? prompt.atMs + prompt.durationMs : Infinity);
  });

  it('ends the call as a transfer, after the transfer prompt has played', async () => {
    const { call, log, feed } = dial(menuFlow({ noMatch: { maxRetries: 0 } }));
    await call.start();
    await feed(new Int16Array(0), () => log.events.some((e) => e.type === 'listening'), 15_000);
    await feed(concatPcm([whiteNoise(900, 8000, -22, 4), silence(100, 8000)]), () => log.ends.length > 0, 15_000);
    expect(log.ends).toEqual([{ reason: 'transferred', queue: 'agents', agent: undefined }]);
    const closed = log.events.find((e) => e.type === 'closed');
    const lastAudio = log.events.filter((e) => e.type === 'audioSent').pop();
    expect(closed?.atMs).toBeGreaterThanOrEqual(
      (lastAudio?.atMs ?? 0) + (lastAudio?.type === 'audioSent' ? lastAudio.durationMs : 0),
    );
  });

  it('takes keys from out-of-band events and then ignores the same tones in the audio', async () => {
    // Option 2 comes back to the menu, so a key heard twice would show as a second input.
    const flow = menuFlow({});
    const loop = {
      ...flow,
      edges: flow.edges.map((e) => (e.source === 'main' && e.port === '2' ? { ...e, target: 'main' } : e)),
    };
    const { call, record, feed, has } = dial(loop);
    await call.start();
    await feed(new Int16Array(0), () => false, 200);
    call.pushDtmf('2');
    await feed(concatPcm([dtmfTone('2', 80, 8000), silence(60, 8000)]), () => has('listening') > 0, 15_000);
    await feed(new Int16Array(0), () => false, 1000);
    expect(record.inputs).toEqual([{ type: 'dtmf', digits: '2' }]);
  });

  it('tells the session when the caller hangs up during recognition, and stops the recognizer', async () => {
    let aborted = false;
    const slow: Recognizer = {
      name: 'slow',
      recognize: (_pcm, _grammar, _locale, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
    };
    const { call, record, feed, has } = dial(menuFlow({}), { recognizer: slow });
    await call.start();
    await feed(new Int16Array(0), () => has('listening') > 0, 15_000);
    await feed(concatPcm([whiteNoise(700, 8000, -22, 5), silence(700, 8000)]), () => has('speechEnd') > 0, 3000);
    call.hangup();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(aborted).toBe(true);
    expect(record.inputs).toEqual([{ type: 'hangup' }]);
    expect(call.closed).toBe(true);
  });

  it("sends a prompt's first sentence as soon as it is synthesized, before the rest exists", async () => {
    const made: string[] = [];
    let releaseRest = (): void => undefined;
    const restHeld = new Promise<void>((resolve) => (releaseRest = resolve));
    const flite = new FliteSynthesizer();
    const held: Synthesizer = {
      name: 'held',
      voiceFor: (locale) => flite.voiceFor(locale),
      async synthesize(text, locale, signal) {
        const audio = await flite.synthesize(text, locale, signal);
        if (!text.startsWith('Welcome')) await restHeld;
        made.push(text);
        return audio;
      },
    };
    const flow = buildTestFlow([
      { id: 'start', type: 'start', to: { next: 'hello' } },
      {
        id: 'hello',
        type: 'message',
        config: { prompt: en('Welcome to Omni Bank. This call may be recorded for quality and training purposes.') },
        to: { next: 'bye' },
      },
      { id: 'bye', type: 'end', config: { prompt: en('Goodbye.') } },
    ]);
    const { call, log, has } = dial(flow, { synthesizer: held });
    const started = call.start();
    await waitUntil(() => log.played.length === 1, 10_000);
    expect(made).toEqual(['Welcome to Omni Bank.']);
    expect(has('audioSent')).toBe(0);
    releaseRest();
    await started;
    expect(made.toSorted()).toEqual([
      'Goodbye.',
      'This call may be recorded for quality and training purposes.',
      'Welcome to Omni Bank.',
    ]);
    expect(log.played).toHaveLength(3);
    expect(log.events.filter((e) => e.type === 'audioSent').map((e) => (e.type === 'audioSent' ? e.text : ''))).toEqual(
      ['Welcome to Omni Bank. This call may be recorded for quality and training purposes.', 'Goodbye.'],
    );
  });

  it('closes the call with an error when the session fails, without throwing', async () => {
    const broken: VoiceSession = {
      start: () => Promise.reject(new Error('store down')),
      send: () => Promise.reject(new Error('store down')),
    };
    const { call, log } = dial(menuFlow({}), { session: broken });
    await call.start();
    expect(log.ends).toEqual([{ reason: 'error' }]);
    expect(call.closed).toBe(true);
  });

  describe('streaming recognition', () => {
    /** Real pocketsphinx in its own folder (so its processes can be found), recording what the call asks of it. */
    async function watchedRecognizer() {
      const workDir = await mkdtemp(join(tmpdir(), 'voicecall-stream-'));
      // One process per pass, so the tests can see the decoders stop (the pooled form has its own tests).
      const real = new PocketsphinxRecognizer({ workDir, decoders: null });
      const seen = {
        batch: 0,
        streams: [] as {
          signal: AbortSignal;
          samples: number;
          finishedAt: number | null;
          sourceRate: number | undefined;
        }[],
      };
      let onWrite = (): void => undefined;
      const recognizer: Recognizer = {
        name: 'watched',
        recognize: (...args) => {
          seen.batch++;
          return real.recognize(...args);
        },
        prepare: (grammar, locale) => real.prepare(grammar, locale),
        startStream(grammar, locale, signal, sourceRate) {
          const stream = real.startStream(grammar, locale, signal, sourceRate);
          if (stream === null) return null;
          const record = { signal, samples: 0, finishedAt: null as number | null, sourceRate };
          seen.streams.push(record);
          return {
            write(pcm) {
              record.samples += pcm.length;
              onWrite();
              stream.write(pcm);
            },
            finish() {
              record.finishedAt = record.samples;
              return stream.finish();
            },
          };
        },
      };
      return { recognizer, seen, workDir, setOnWrite: (f: () => void) => (onWrite = f) };
    }

    it('decodes the speech while it is spoken: at the end of speech the recognizer already has it all', async () => {
      const { recognizer, seen, workDir, setOnWrite } = await watchedRecognizer();
      const { call, record, feed, has } = dial(menuFlow({}), { recognizer });
      let writtenBeforeEnd = 0;
      setOnWrite(() => {
        if (has('speechEnd') === 0) writtenBeforeEnd = seen.streams[0]?.samples ?? 0;
      });
      await call.start();
      await feed(new Int16Array(0), () => has('listening') > 0, 15_000);
      const speech = fliteSpeech('card activation', 8000);
      await feed(speech, () => record.inputs.length > 0, 15_000);
      expect(record.inputs[0]).toMatchObject({ type: 'speech', transcript: 'card activation' });
      expect(seen.batch).toBe(0);
      expect(seen.streams).toHaveLength(1);
      // The recognizer is told the call was a phone line (so it conditions narrowband audio).
      expect(seen.streams[0]?.sourceRate).toBe(8000);
      // Written as 16 kHz while spoken: all of the speech but the last ~120 ms of trailing silence cut before the end.
      expect(writtenBeforeEnd).toBeGreaterThan(2 * speech.length - 16 * 120);
      expect(seen.streams[0]?.finishedAt).toBeGreaterThanOrEqual(writtenBeforeEnd);
      await rm(workDir, { recursive: true });
    });

    it('ends a complete answer after a short silence (grammar-aware end of speech), the full window otherwise', async () => {
      const ended = async (audio: Int16Array): Promise<{ quiet: number; transcript: unknown }> => {
        const { call, record, log, feed, has } = dial(menuFlow({}));
        await call.start();
        await feed(new Int16Array(0), () => has('listening') > 0, 15_000);
        await feed(audio);
        // Then quiet line in real time, as a call's audio arrives: the recognizer answers between frames.
        for (let ms = 0; has('speechEnd') === 0 && ms < 3000; ms += 20) {
          call.pushAudio(whiteNoise(20, 8000, -62, ms + 7));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await feed(new Int16Array(0), () => record.inputs.length > 0, 15_000);
        const end = log.events.find((e) => e.type === 'speechEnd');
        if (end?.type !== 'speechEnd') throw new Error('no end of speech');
        const input = record.inputs[0];
        return { quiet: end.atMs - end.lastVoiceAtMs, transcript: input?.type === 'speech' ? input.transcript : null };
      };
      const answer = await ended(fliteSpeech('card activation', 8000));
      expect(answer.transcript).toBe('card activation');
      expect(answer.quiet).toBeGreaterThanOrEqual(250);
      expect(answer.quiet).toBeLessThan(600);
      // Out of grammar: no option is complete, so the call waits the whole 600 ms before deciding.
      const other = await ended(fliteSpeech('the weather in paris is', 8000));
      expect(other.quiet).toBeGreaterThanOrEqual(600);
    });

    it('stops the decoders when the caller switches to the keypad mid-sentence, and when the caller hangs up', async () => {
      for (const interrupt of ['key', 'hangup'] as const) {
        const { recognizer, seen, workDir } = await watchedRecognizer();
        const { call, record, feed, has } = dial(menuFlow({}), { recognizer });
        await call.start();
        await feed(new Int16Array(0), () => has('listening') > 0, 15_000);
        await feed(fliteSpeech('I would like to check my balance please', 8000).subarray(0, 8000));
        await waitUntil(() => processGroupsMentioning(workDir).size === 2, 5000);
        const running = processGroupsMentioning(workDir);
        if (interrupt === 'key') call.pushDtmf('1');
        else call.hangup();
        await waitUntil(() => [...running].every((group) => !groupAlive(group)));
        expect(seen.streams.map((s) => s.signal.aborted)).toEqual([true]);
        expect(record.inputs).toEqual([interrupt === 'key' ? { type: 'dtmf', digits: '1' } : { type: 'hangup' }]);
        await rm(workDir, { recursive: true });
      }
    });
  });
});
