import { describe, expect, it } from 'vitest';
import { FRAME_SAMPLES, Pcm16Downsampler, pcm16ToFloat32 } from './pcm16Downsampler.ts';

function sine(rate: number, hz: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

function samplesOf(frames: Uint8Array[]): Float32Array {
  const joined = new Uint8Array(frames.length * FRAME_SAMPLES * 2);
  frames.forEach((frame, i) => joined.set(frame, i * FRAME_SAMPLES * 2));
  return pcm16ToFloat32(joined.buffer);
}

/** Zero crossings per second: a frequency estimate that needs no FFT. */
function crossingsPerSecond(samples: Float32Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i += 1) if ((samples[i - 1] ?? 0) < 0 !== (samples[i] ?? 0) < 0) crossings += 1;
  return crossings / (samples.length / rate);
}

describe('Pcm16Downsampler', () => {
  it.each([48000, 44100, 16000])('turns one second at %i Hz into fifty 20 ms frames of 16 kHz PCM', (rate) => {
    const down = new Pcm16Downsampler(rate);
    // Fed in render-quantum chunks as an AudioWorklet delivers them.
    const input = sine(rate, 440, 1);
    const frames: Uint8Array[] = [];
    for (let at = 0; at < input.length; at += 128) frames.push(...down.push(input.subarray(at, at + 128)));
    expect(frames).toHaveLength(50);
    expect(frames.every((f) => f.byteLength === FRAME_SAMPLES * 2)).toBe(true);
  });

  it('keeps the pitch and level of a tone', () => {
    const out = samplesOf(new Pcm16Downsampler(48000).push(sine(48000, 440, 1)));
    expect(crossingsPerSecond(out, 16000)).toBeGreaterThan(2 * 440 * 0.98);
    expect(crossingsPerSecond(out, 16000)).toBeLessThan(2 * 440 * 1.02);
    const peak = out.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
    expect(peak).toBeGreaterThan(0.48);
    expect(peak).toBeLessThan(0.51);
  });

  it('writes little-endian samples and clips what is out of range', () => {
    const frame = new Pcm16Downsampler(16000).push(
      Float32Array.from({ length: FRAME_SAMPLES }, (_, i) => (i === 0 ? 2 : i === 1 ? -2 : i === 2 ? 0.5 : 0)),
    )[0];
    expect(frame && Array.from(frame.subarray(0, 6))).toEqual([0xff, 0x7f, 0x00, 0x80, 0x00, 0x40]);
  });

  it('refuses a rate below 16 kHz with a message that says why', () => {
    expect(() => new Pcm16Downsampler(8000)).toThrow(/at least 16000 Hz/);
  });
});
