import { describe, expect, it } from 'vitest';
import { FliteSynthesizer } from './FliteSynthesizer.ts';
import { mulawDecode } from './mulaw.ts';
import { powerDbfs } from './pcm.ts';
import { PocketsphinxRecognizer } from './PocketsphinxRecognizer.ts';
import { resample } from './resample.ts';

const never = new AbortController().signal;

describe('FliteSynthesizer', { timeout: 30_000 }, () => {
  const flite = new FliteSynthesizer();

  it('speaks English as 16 kHz PCM and 8 kHz μ-law of the same length', async () => {
    const audio = await flite.synthesize('Welcome to the bank.', 'en-US', never);
    expect(audio.voice).toBe('flite/slt');
    expect(audio.durationMs).toBeGreaterThan(700);
    expect(audio.durationMs).toBeLessThan(3000);
    expect(audio.mulaw8k.length * 2).toBe(audio.pcm16k.length);
    expect(powerDbfs(audio.pcm16k)).toBeGreaterThan(-35);
    expect(powerDbfs(mulawDecode(audio.mulaw8k))).toBeGreaterThan(-35);
  });

  it('says what it was given: the μ-law prompt is recognized back', async () => {
    const audio = await flite.synthesize('report a lost card', 'en-US', never);
    const grammar = '#JSGF V1.0; grammar g; public <g> = activate my card | report a lost card | check my balance;';
    const heard = await new PocketsphinxRecognizer().recognize(
      resample(mulawDecode(audio.mulaw8k), 8000, 16000),
      grammar,
      'en-US',
      never,
    );
    expect(heard?.transcript).toBe('report a lost card');
  });

  it('has no voice for Korean and says how to fix it', async () => {
    expect(flite.voiceFor('ko-KR')).toBeNull();
    await expect(flite.synthesize('안녕하세요', 'ko-KR', never)).rejects.toThrow(/no voice for ko-KR/);
  });

  it('treats text that looks like an option as text', async () => {
    const audio = await flite.synthesize('-voice kal -o /etc/passwd', 'en-US', never);
    expect(audio.durationMs).toBeGreaterThan(500);
  });
});
