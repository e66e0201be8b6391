import { execFileSync } from 'node:child_process';
import { mulawDecode, mulawEncode } from './mulaw.ts';
import { pcm16FromBytes } from './pcm.ts';
import { resample } from './resample.ts';

/** Test-only audio: tones, noise and speech made in-process or by the Debian `sox` and `flite` tools. */
export const DTMF_FREQUENCIES: Record<string, readonly [number, number]> = {
  '1': [697, 1209],
  '2': [697, 1336],
  '3': [697, 1477],
  A: [697, 1633],
  '4': [770, 1209],
  '5': [770, 1336],
  '6': [770, 1477],
  B: [770, 1633],
  '7': [852, 1209],
  '8': [852, 1336],
  '9': [852, 1477],
  C: [852, 1633],
  '*': [941, 1209],
  '0': [941, 1336],
  '#': [941, 1477],
  D: [941, 1633],
};

/** Options for an in-process DTMF tone. */
export interface ToneOptions {
  /** Relative frequency error applied to both tones (0.02 = +2%). */
  deviation?: number;
  rowDbfs?: number;
  colDbfs?: number;
}

/** A dual tone for `digit`, `ms` long, generated in-process. */
export function dtmfTone(digit: string, ms: number, rate: number, options: ToneOptions = {}): Int16Array {
  const pair = DTMF_FREQUENCIES[digit];
  if (pair === undefined) throw new Error(`no DTMF key "${digit}"`);
  const factor = 1 + (options.deviation ?? 0);
  const rowAmp = 32768 * 10 ** ((options.rowDbfs ?? -10) / 20);
  const colAmp = 32768 * 10 ** ((options.colDbfs ?? -10) / 20);
  const n = Math.round((ms * rate) / 1000);
  return Int16Array.from({ length: n }, (_, i) => {
    const t = i / rate;
    return Math.round(
      rowAmp * Math.sin(2 * Math.PI * pair[0] * factor * t) + colAmp * Math.sin(2 * Math.PI * pair[1] * factor * t),
    );
  });
}

/** `ms` of digital silence. */
export function silence(ms: number, rate: number): Int16Array {
  return new Int16Array(Math.round((ms * rate) / 1000));
}

/** Deterministic white noise at a given RMS level. */
export function whiteNoise(ms: number, rate: number, dbfs: number, seed = 1): Int16Array {
  let state = seed >>> 0 || 1;
  const amp = 32768 * 10 ** (dbfs / 20) * Math.sqrt(3);
  return Int16Array.from({ length: Math.round((ms * rate) / 1000) }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.round(amp * (state / 2 ** 32 - 0.5) * 2);
  });
}

/** Runs `sox -n` with the given effects and returns mono 16-bit samples at `rate`. */
export function soxSynth(rate: number, effects: readonly string[]): Int16Array {
  const raw = execFileSync('sox', [
    '-n',
    '-r',
    String(rate),
    '-b',
    '16',
    '-e',
    'signed',
    '-c',
    '1',
    '-t',
    'raw',
    '-',
    ...effects,
  ]);
  return pcm16FromBytes(raw);
}

/** A sox-made DTMF key: two sines mixed, `seconds` long, at -10 dBFS overall. */
export function soxDtmf(digit: string, seconds: number, rate: number): Int16Array {
  const pair = DTMF_FREQUENCIES[digit];
  if (pair === undefined) throw new Error(`no DTMF key "${digit}"`);
  return soxSynth(rate, [
    'synth',
    String(seconds),
    'sine',
    String(pair[0]),
    'synth',
    String(seconds),
    'sine',
    'mix',
    String(pair[1]),
    'vol',
    '0.3',
  ]);
}

/** `text` spoken by flite (voice slt, 16 kHz) resampled by sox to `rate`. */
export function fliteSpeech(text: string, rate: number): Int16Array {
  const wav = execFileSync('sh', [
    '-c',
    'flite -voice slt -t "$1" -o /dev/stdout | sox -t wav - -r "$2" -b 16 -e signed -c 1 -t raw -',
    'sh',
    text,
    String(rate),
  ]);
  return pcm16FromBytes(wav);
}

/** What the recognizer hears from a phone caller: flite speech through an 8 kHz μ-law line, back at 16 kHz. */
export function overThePhone(text: string): Int16Array {
  return resample(mulawDecode(mulawEncode(fliteSpeech(text, 8000))), 8000, 16000);
}
