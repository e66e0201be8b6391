import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachingSynthesizer } from '../voice/CachingSynthesizer.ts';
import { FliteSynthesizer } from '../voice/FliteSynthesizer.ts';
import { speakSay, withRecordings } from '../voice/speakSay.ts';
import { FakePhone, startEngineGateway } from '../voice/voiceTestHarness.ts';
import { PromptRecordings } from './PromptRecordings.ts';
import type { PromptAudioType } from './PromptAudioStore.ts';
import { SqlitePromptAudioStore } from './SqlitePromptAudioStore.ts';

/** Power of `hz` in 8 kHz PCM by the Goertzel recurrence, per sample. */
function tonePower(pcm: Int16Array, hz: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / 8000);
  let s1 = 0;
  let s2 = 0;
  for (const sample of pcm) {
    const s0 = sample / 32768 + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / pcm.length;
}

const store = SqlitePromptAudioStore.open(':memory:');
const recordings = new PromptRecordings(store);

/** A 1.2 s 440 Hz tone as an uploaded file would be: 44.1 kHz stereo WAV, or MP3. */
async function storeTone(type: 'wav' | 'mp3'): Promise<string> {
  const bytes = new Uint8Array(
    execFileSync('sox', ['-n', '-r', '44100', '-c', '2', '-b', '16', '-t', type, '-', 'synth', '1.2', 'sine', '440']),
  );
  const id = createHash('sha256').update(bytes).digest('hex');
  const mediaType: PromptAudioType = type === 'mp3' ? 'audio/mpeg' : 'audio/wav';
  await store.put({
    id,
    mediaType,
    name: `tone.${type}`,
    size: bytes.length,
    bytes,
    createdAt: new Date().toISOString(),
  });
  return `/prompt-audio/${id}`;
}

let wavUrl = '';
let mp3Url = '';
beforeAll(async () => {
  wavUrl = await storeTone('wav');
  mp3Url = await storeTone('mp3');
});
afterAll(async () => {
  await store.close();
});

describe('prompt recordings on the voice gateway (issue 20)', { timeout: 60_000 }, () => {
  it('converts a stored WAV or MP3 once, to both transport forms of its own length', async () => {
    for (const url of [wavUrl, mp3Url]) {
      const audio = await recordings.audioFor(url, new AbortController().signal);
      expect(audio?.durationMs).toBeGreaterThan(1150);
      expect(audio?.durationMs).toBeLessThan(1300);
      expect(audio?.mulaw8k.length).toBe((audio?.pcm16k.length ?? 0) / 2);
    }
    const before = recordings.conversions;
    await recordings.audioFor(wavUrl, new AbortController().signal);
    expect(recordings.conversions).toBe(before);
    expect(await recordings.audioFor('https://example.com/a.wav', new AbortController().signal)).toBeNull();
  });

  it('speaks the text instead when the recording is not stored', async () => {
    const synthesizer = withRecordings(new CachingSynthesizer([new FliteSynthesizer()]), (ref, signal) =>
      recordings.audioFor(ref, signal),
    );
    const pieces = speakSay(
      {
        type: 'say',
        nodeId: 'n',
        text: 'Main menu.',
        locale: 'en-US',
        bargeIn: true,
        audio: `/prompt-audio/${'0'.repeat(64)}`,
      },
      synthesizer,
      new AbortController().signal,
    );
    const [audio] = await Promise.all(pieces);
    expect(audio?.voice).toBe('flite/slt');
  });

  it('plays the recording into a Twilio call as μ-law frames, then the next prompt', async () => {
    const flow = buildTestFlow([
      { id: 'start', type: 'start', to: { next: 'hello' } },
      {
        id: 'hello',
        type: 'message',
        config: { prompt: { text: { 'en-US': 'Main menu.' }, audio: { 'en-US': mp3Url } } },
        to: { next: 'bye' },
      },
      { id: 'bye', type: 'end', config: { prompt: en('Goodbye.') } },
    ]);
    const base = new CachingSynthesizer([new FliteSynthesizer()]);
    const gw = await startEngineGateway(flow, {
      synthesizer: withRecordings(base, (ref, signal) => recordings.audioFor(ref, signal)),
    });
    try {
      const phone = await FakePhone.dial(gw.url, 'twilio', { flowId: 'f', token: 'good-token', locale: 'en-US' });
      expect(await phone.waitFor(() => phone.closedWith !== null)).toBe(true);
      const heard = phone.takeHeard();
      const tone = heard.subarray(800, 8800);
      // The recording's tone leads, loud at 440 Hz and not at 1 kHz; flite's "Goodbye." follows it.
      expect(tonePower(tone, 440)).toBeGreaterThan(100 * tonePower(tone, 1000));
      expect(heard.length / 8000).toBeGreaterThan(1.2 + 0.3);
      expect(tonePower(heard.subarray(10_000), 440)).toBeLessThan(tonePower(tone, 440) / 100);
    } finally {
      await gw.close();
    }
  });
});
