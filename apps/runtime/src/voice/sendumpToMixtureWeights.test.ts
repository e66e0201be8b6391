import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sendumpToMixtureWeights } from './sendumpToMixtureWeights.ts';

/** A sendump as pocketsphinx writes it: length-prefixed header strings, the sizes, then one byte per weight. */
function sendump(streams: number, codewords: number, senones: number, bytes: number[]): Uint8Array {
  const parts: number[] = [];
  const int32 = (n: number): void => {
    parts.push(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >> 24) & 255);
  };
  for (const text of ['title', 'cluster_count 0', `feature_count ${streams}`]) {
    int32(text.length + 1);
    parts.push(...new TextEncoder().encode(text), 0);
  }
  int32(0);
  int32(codewords);
  int32(senones);
  parts.push(...bytes);
  return new Uint8Array(parts);
}

describe('sendumpToMixtureWeights', () => {
  it('writes a Sphinx-III mixture_weights file, senone-major, each senone and stream normalized', () => {
    // 1 stream, 2 codewords, 2 senones; stored codeword-major: codeword 0 for senones 0 and 1, then codeword 1.
    const out = sendumpToMixtureWeights(sendump(1, 2, 2, [0, 0, 0, 1]));
    const text = new TextDecoder().decode(out.subarray(0, 32));
    expect(text.startsWith('s3\nversion 1.0\n')).toBe(true);
    const start = text.indexOf('endhdr\n') + 'endhdr\n'.length;
    expect(start % 4).toBe(0);
    const view = new DataView(out.buffer, out.byteOffset + start);
    expect(view.getInt32(0, true)).toBe(0x11223344);
    expect([
      view.getUint32(4, true),
      view.getUint32(8, true),
      view.getUint32(12, true),
      view.getUint32(16, true),
    ]).toEqual([2, 1, 2, 4]);
    const weights = Array.from({ length: 4 }, (_, i) => view.getFloat32(20 + 4 * i, true));
    // Senone 0: both codewords at byte 0 → 0.5 each; senone 1: byte 1 is 1.0001^-1024 ≈ 0.9027 before normalizing.
    expect(weights[0]).toBeCloseTo(0.5, 6);
    expect(weights[1]).toBeCloseTo(0.5, 6);
    const second = 1.0001 ** -1024;
    expect(weights[2]).toBeCloseTo(1 / (1 + second), 5);
    expect(weights[3]).toBeCloseTo(second / (1 + second), 5);
    expect(out.length).toBe(start + 20 + 16);
  });

  it('refuses a sendump shorter than its header says', () => {
    expect(() => sendumpToMixtureWeights(sendump(1, 2, 2, [0, 0]))).toThrow(/shorter/);
  });

  it.runIf(existsSync('/usr/share/pocketsphinx/model/en-us/en-us/sendump'))(
    'reads the en-US model Debian ships',
    () => {
      const out = sendumpToMixtureWeights(
        new Uint8Array(readFileSync('/usr/share/pocketsphinx/model/en-us/en-us/sendump')),
      );
      // 5126 senones × 3 streams × 128 codewords of float32.
      expect(out.length).toBeGreaterThan(5126 * 3 * 128 * 4);
    },
  );
});
