import { describe, expect, it } from 'vitest';
import { DtmfDetector } from './DtmfDetector.ts';
import { mulawDecode, mulawEncode } from './mulaw.ts';
import { concatPcm } from './pcm.ts';
import { dtmfTone, fliteSpeech, silence, soxDtmf, whiteNoise } from './testAudio.ts';

/** Feeds audio in 20 ms frames, as a media stream delivers it, and returns the digits heard. */
function detect(audio: Int16Array, rate: number): string {
  const detector = new DtmfDetector({ sampleRate: rate });
  const frame = rate / 50;
  let digits = '';
  for (let at = 0; at < audio.length; at += frame) {
    for (const d of detector.push(audio.subarray(at, at + frame))) digits += d.digit;
  }
  return digits;
}

function keyed(digit: string, ms: number, rate: number, options = {}): Int16Array {
  return concatPcm([silence(60, rate), dtmfTone(digit, ms, rate, options), silence(60, rate)]);
}

describe('DtmfDetector', () => {
  for (const rate of [8000, 16000]) {
    it(`hears all sixteen keys at ${rate} Hz, once each`, () => {
      const keys = '123A456B789C*0#D';
      const audio = concatPcm([...keys].flatMap((k) => [dtmfTone(k, 70, rate), silence(50, rate)]));
      expect(detect(audio, rate)).toBe(keys);
    });

    it(`accepts a 40 ms tone and rejects a 22 ms one at ${rate} Hz, whatever the frame alignment`, () => {
      for (const lead of [0, 3, 7, 11, 17]) {
        const pad = silence(lead, rate);
        expect(detect(concatPcm([pad, keyed('5', 40, rate)]), rate)).toBe('5');
        expect(detect(concatPcm([pad, keyed('5', 45, rate)]), rate)).toBe('5');
        expect(detect(concatPcm([pad, keyed('5', 22, rate)]), rate)).toBe('');
      }
    });
  }

  it('accepts tones 1.5% off frequency and rejects tones 3.5% off (Q.24)', () => {
    for (const digit of ['1', '5', '9', 'D', '#']) {
      expect(detect(keyed(digit, 60, 8000, { deviation: 0.015 }), 8000)).toBe(digit);
      expect(detect(keyed(digit, 60, 8000, { deviation: -0.015 }), 8000)).toBe(digit);
      expect(detect(keyed(digit, 60, 8000, { deviation: 0.035 }), 8000)).toBe('');
      expect(detect(keyed(digit, 60, 8000, { deviation: -0.035 }), 8000)).toBe('');
    }
  });

  it('accepts 2% off, inside the band the norm leaves to the implementation (our limit is 2.5%)', () => {
    expect(detect(keyed('8', 60, 8000, { deviation: 0.02 }), 8000)).toBe('8');
    expect(detect(keyed('8', 60, 8000, { deviation: 0.03 }), 8000)).toBe('');
  });

  it('allows 8 dB normal twist and 4 dB reverse twist, and no more', () => {
    expect(detect(keyed('3', 60, 8000, { rowDbfs: -10, colDbfs: -17.5 }), 8000)).toBe('3');
    expect(detect(keyed('3', 60, 8000, { rowDbfs: -10, colDbfs: -19 }), 8000)).toBe('');
    expect(detect(keyed('3', 60, 8000, { rowDbfs: -13.5, colDbfs: -10 }), 8000)).toBe('3');
    expect(detect(keyed('3', 60, 8000, { rowDbfs: -15, colDbfs: -10 }), 8000)).toBe('');
  });

  it('ignores a tone below the energy threshold', () => {
    expect(detect(keyed('7', 80, 8000, { rowDbfs: -55, colDbfs: -55 }), 8000)).toBe('');
  });

  it('reports one digit for a long tone and two for the same key pressed twice', () => {
    expect(detect(keyed('0', 900, 8000), 8000)).toBe('0');
    const twice = concatPcm([dtmfTone('0', 60, 8000), silence(45, 8000), dtmfTone('0', 60, 8000), silence(40, 8000)]);
    expect(detect(twice, 8000)).toBe('00');
  });

  it('still hears keys under noise and through μ-law coding', () => {
    const tones = concatPcm([...'2580'].flatMap((k) => [dtmfTone(k, 60, 8000), silence(60, 8000)]));
    const noise = whiteNoise(tones.length / 8, 8000, -32, 7);
    const noisy = Int16Array.from(tones, (s, i) => s + (noise[i] ?? 0));
    expect(detect(mulawDecode(mulawEncode(noisy)), 8000)).toBe('2580');
  });

  it('hears keys synthesized by sox at 8 and 16 kHz', () => {
    for (const rate of [8000, 16000]) {
      const audio = concatPcm([...'159#'].flatMap((k) => [soxDtmf(k, 0.1, rate), silence(80, rate)]));
      expect(detect(audio, rate)).toBe('159#');
    }
    expect(detect(concatPcm([silence(30, 8000), soxDtmf('6', 0.022, 8000), silence(30, 8000)]), 8000)).toBe('');
    expect(detect(concatPcm([silence(30, 8000), soxDtmf('6', 0.045, 8000), silence(30, 8000)]), 8000)).toBe('6');
  });

  it('does not hear digits in speech or noise', () => {
    const speech = fliteSpeech(
      'activate my card. one two three four five six seven eight nine zero. pound star.',
      8000,
    );
    expect(detect(speech, 8000)).toBe('');
    expect(detect(whiteNoise(3000, 8000, -12, 3), 8000)).toBe('');
  });

  it('does not hear a single sine as a key', () => {
    const one = Int16Array.from({ length: 800 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 697 * i) / 8000)));
    expect(detect(one, 8000)).toBe('');
  });
});
