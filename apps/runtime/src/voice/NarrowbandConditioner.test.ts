import { describe, expect, it } from 'vitest';
import { NarrowbandConditioner } from './NarrowbandConditioner.ts';

/** Power of a 16 kHz signal at one frequency (a single DFT bin, unnormalized). */
function powerAt(pcm: Int16Array, hz: number): number {
  let re = 0;
  let im = 0;
  for (const [n, x] of pcm.entries()) {
    re += x * Math.cos((2 * Math.PI * hz * n) / 16000);
    im -= x * Math.sin((2 * Math.PI * hz * n) / 16000);
  }
  return re * re + im * im;
}

function tone(hz: number, samples: number): Int16Array {
  return Int16Array.from({ length: samples }, (_, n) => Math.round(8000 * Math.sin((2 * Math.PI * hz * n) / 16000)));
}

describe('NarrowbandConditioner', () => {
  it('mirrors the telephone band into the empty upper band at the given gain', () => {
    const out = new NarrowbandConditioner({ noiseDbfs: null, imageGain: 0.4 }).add(tone(1000, 1600));
    // 1 kHz mirrors to 8000 − 1000 = 7 kHz, 0.4 times as loud: 0.16 times the power.
    const ratio = powerAt(out, 7000) / powerAt(out, 1000);
    expect(ratio).toBeGreaterThan(0.14);
    expect(ratio).toBeLessThan(0.18);
    expect(powerAt(out, 5000)).toBeLessThan(powerAt(out, 7000) / 1000);
  });

  it('adds nothing with no image and no noise floor', () => {
    const input = tone(700, 800);
    expect(new NarrowbandConditioner({ noiseDbfs: null, imageGain: 0 }).add(input)).toEqual(input);
  });

  it('gives the same samples block by block as for the whole buffer (the stream equals the batch)', () => {
    const input = tone(440, 4001);
    const whole = new NarrowbandConditioner({ noiseDbfs: -60, imageGain: 0.4 }).add(input);
    const blocks = new NarrowbandConditioner({ noiseDbfs: -60, imageGain: 0.4 });
    const parts = [input.subarray(0, 1023), input.subarray(1023, 2048), input.subarray(2048)].map((p) => blocks.add(p));
    expect(Int16Array.from(parts.flatMap((p) => [...p]))).toEqual(whole);
  });
});
