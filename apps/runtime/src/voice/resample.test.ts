import { describe, expect, it } from 'vitest';
import { concatPcm, powerDbfs } from './pcm.ts';
import { resample, StreamingResampler } from './resample.ts';

function sine(freq: number, rate: number, ms: number, amp = 10000): Int16Array {
  return Int16Array.from({ length: (rate * ms) / 1000 }, (_, i) =>
    Math.round(amp * Math.sin((2 * Math.PI * freq * i) / rate)),
  );
}

/** Correlation of `pcm` with a sine of `freq`, ignoring the edges, as a level in dBFS. */
function toneLevelDb(pcm: Int16Array, freq: number, rate: number): number {
  let re = 0;
  let im = 0;
  const from = 200;
  const to = pcm.length - 200;
  for (let i = from; i < to; i++) {
    re += (pcm[i] ?? 0) * Math.cos((2 * Math.PI * freq * i) / rate);
    im += (pcm[i] ?? 0) * Math.sin((2 * Math.PI * freq * i) / rate);
  }
  const amp = (2 * Math.hypot(re, im)) / (to - from);
  return 20 * Math.log10(amp / 32768);
}

describe('resample', () => {
  it('doubles and halves the length between 8 and 16 kHz', () => {
    expect(resample(new Int16Array(160), 8000, 16000)).toHaveLength(320);
    expect(resample(new Int16Array(320), 16000, 8000)).toHaveLength(160);
  });

  it('keeps an in-band tone at its level through 8k → 16k → 8k', () => {
    const tone = sine(1000, 8000, 300);
    const up = resample(tone, 8000, 16000);
    expect(Math.abs(toneLevelDb(up, 1000, 16000) - toneLevelDb(tone, 1000, 8000))).toBeLessThan(0.5);
    const down = resample(up, 16000, 8000);
    expect(Math.abs(toneLevelDb(down, 1000, 8000) - toneLevelDb(tone, 1000, 8000))).toBeLessThan(0.5);
  });

  it('removes content above the new Nyquist frequency instead of aliasing it', () => {
    const high = sine(6000, 16000, 300);
    const down = resample(high, 16000, 8000);
    // 6 kHz would fold to 2 kHz at 8 kHz.
    expect(toneLevelDb(down, 2000, 8000)).toBeLessThan(toneLevelDb(high, 6000, 16000) - 40);
    expect(powerDbfs(down, 200, down.length - 200)).toBeLessThan(-45);
  });

  it('converts synthesizer rates such as 22050 Hz', () => {
    const tone = sine(440, 22050, 500);
    const out = resample(tone, 22050, 16000);
    expect(out.length).toBe(8000);
    expect(Math.abs(toneLevelDb(out, 440, 16000) - toneLevelDb(tone, 440, 22050))).toBeLessThan(0.5);
  });

  it('gives the same samples when the input arrives in pieces of any size as when it comes in one buffer', () => {
    const input = Int16Array.from({ length: 4003 }, (_, i) =>
      Math.round(8000 * Math.sin(i / 7) + 3000 * Math.sin(i / 2.3)),
    );
    for (const [from, to] of [
      [8000, 16000],
      [16000, 8000],
      [22050, 16000],
      [16000, 16000],
    ] as const) {
      const streaming = new StreamingResampler(from, to);
      const pieces: Int16Array[] = [];
      let seed = 7;
      for (let at = 0; at < input.length;) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const size = seed % 211;
        pieces.push(streaming.push(input.subarray(at, at + size)));
        at += size;
      }
      pieces.push(streaming.flush());
      expect(concatPcm(pieces)).toEqual(resample(input, from, to));
    }
  });
});
