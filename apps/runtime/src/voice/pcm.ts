import { mulawDecodeSample } from './mulaw.ts';

/** Reads little-endian 16-bit PCM bytes (a WebSocket binary frame, a raw file) as samples; an odd trailing byte is dropped. */
export function pcm16FromBytes(bytes: Uint8Array): Int16Array {
  const count = bytes.length >> 1;
  const out = new Int16Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/** Writes samples as little-endian 16-bit PCM bytes. */
export function pcm16ToBytes(pcm: Int16Array): Uint8Array {
  const out = new Uint8Array(pcm.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < pcm.length; i++) view.setInt16(i * 2, pcm[i] ?? 0, true);
  return out;
}

/** Joins sample blocks into one buffer. */
export function concatPcm(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Mean power of a block in dB relative to a full-scale square wave (silence is -100). */
export function powerDbfs(pcm: Int16Array, start = 0, end = pcm.length): number {
  if (end <= start) return -100;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const s = (pcm[i] ?? 0) / 32768;
    sum += s * s;
  }
  const mean = sum / (end - start);
  return mean > 1e-10 ? 10 * Math.log10(mean) : -100;
}

const WAVE_PCM = 1;
const WAVE_MULAW = 7;

/** A decoded WAV file: mono 16-bit samples and their rate. */
export interface WavAudio {
  sampleRate: number;
  samples: Int16Array;
}

/**
 * Parses a WAV file of 16-bit PCM or 8-bit G.711 μ-law (what telephony recordings are), mono or the first channel of
 * several; returns null for anything else.
 */
export function parseWav(bytes: Uint8Array): WavAudio | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let at = 12;
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  let format = 0;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const declared = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      if (format !== WAVE_PCM && format !== WAVE_MULAW) return null;
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      if (channels < 1 || bits !== (format === WAVE_MULAW ? 8 : 16)) return null;
      // Streamed WAVs (espeak-ng --stdout) declare a bogus data size; trust the bytes we actually have.
      const end = Math.min(bytes.length, body + declared);
      if (format === WAVE_MULAW) {
        const frames = Math.floor((end - body) / channels);
        return {
          sampleRate,
          samples: Int16Array.from({ length: frames }, (_, i) => mulawDecodeSample(bytes[body + i * channels] ?? 0xff)),
        };
      }
      const frames = Math.floor((end - body) / (2 * channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(body + i * 2 * channels, true);
      return { sampleRate, samples };
    }
    at = body + declared + (declared & 1);
  }
  return null;
}
