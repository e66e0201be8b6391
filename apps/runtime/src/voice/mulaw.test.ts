import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mulawDecode, mulawEncode } from './mulaw.ts';
import { pcm16ToBytes } from './pcm.ts';

describe('mulaw', () => {
  it('encodes exactly as sox does (G.711 reference)', () => {
    const pcm = Int16Array.from({ length: 4000 }, (_, i) => Math.round(32767 * Math.sin(i / 7) * Math.exp(-i / 900)));
    pcm.set([0, -1, 1, 32767, -32768, 8159, -8159, 8160], 0);
    const bySox = execFileSync(
      'sox',
      [
        '-t',
        'raw',
        '-r',
        '8000',
        '-e',
        'signed',
        '-b',
        '16',
        '-c',
        '1',
        '-',
        '-D',
        '-t',
        'raw',
        '-e',
        'mu-law',
        '-b',
        '8',
        '-',
      ],
      {
        input: pcm16ToBytes(pcm),
      },
    );
    expect(Buffer.from(mulawEncode(pcm)).equals(bySox)).toBe(true);
  });

  it('decodes every byte back to a value that encodes to the same byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const decoded = mulawDecode(all);
    const again = Array.from(mulawEncode(decoded));
    // 0x7f (negative zero) encodes back as 0xff (zero); every other code is its own round trip.
    expect(again).toEqual(Array.from(all, (code) => (code === 0x7f ? 0xff : code)));
  });

  it('keeps the round-trip error of every 16-bit value within one logarithmic step (under 5%)', () => {
    const all = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
    const back = mulawDecode(mulawEncode(all));
    let worst = 0;
    for (let i = 0; i < all.length; i++) {
      const s = all[i] ?? 0;
      worst = Math.max(worst, Math.abs((back[i] ?? 0) - s) / Math.max(256, Math.abs(s)));
    }
    expect(worst).toBeLessThan(0.05);
  });
});
