import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { concatPcm, parseWav, pcm16FromBytes, pcm16ToBytes, powerDbfs } from './pcm.ts';

describe('pcm', () => {
  it('round-trips samples through little-endian bytes', () => {
    const pcm = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const bytes = pcm16ToBytes(pcm);
    expect(bytes[2]).toBe(1);
    expect(bytes[3]).toBe(0);
    expect(Array.from(pcm16FromBytes(bytes))).toEqual(Array.from(pcm));
    expect(Array.from(concatPcm([pcm.subarray(0, 2), pcm.subarray(2)]))).toEqual(Array.from(pcm));
  });

  it('parses a WAV file written by sox', () => {
    const wav = execFileSync('sox', [
      '-n',
      '-r',
      '16000',
      '-b',
      '16',
      '-c',
      '1',
      '-t',
      'wav',
      '-',
      'synth',
      '0.25',
      'sine',
      '440',
      'vol',
      '0.5',
    ]);
    const parsed = parseWav(new Uint8Array(wav));
    expect(parsed?.sampleRate).toBe(16000);
    expect(parsed?.samples.length).toBe(4000);
    expect(powerDbfs(parsed?.samples ?? new Int16Array())).toBeCloseTo(20 * Math.log10(0.5) - 3, 0);
    expect(parseWav(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('parses an 8 kHz μ-law WAV (a telephony recording) into the samples sox decodes', () => {
    const sine = ['-n', '-r', '8000', '-c', '1'];
    const effects = ['synth', '0.25', 'sine', '440', 'vol', '0.5'];
    const mulaw = execFileSync('sox', [...sine, '-e', 'mu-law', '-t', 'wav', '-', ...effects]);
    const decoded = execFileSync('sox', ['-t', 'wav', '-', '-e', 'signed', '-b', '16', '-t', 'raw', '-'], {
      input: mulaw,
    });
    const parsed = parseWav(new Uint8Array(mulaw));
    expect(parsed?.sampleRate).toBe(8000);
    expect(Array.from(parsed?.samples ?? [])).toEqual(Array.from(pcm16FromBytes(new Uint8Array(decoded))));
  });
});
