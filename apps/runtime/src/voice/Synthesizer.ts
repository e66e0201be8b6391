import { mulawEncode } from './mulaw.ts';
import { resample } from './resample.ts';

/** Prompt audio in both forms the transports need, made once per text and voice. */
export interface SynthesizedAudio {
  /** 16 kHz 16-bit mono PCM, for the browser (raw) mode. */
  pcm16k: Int16Array;
  /** 8 kHz G.711 μ-law, for Twilio Media Streams and other telephony bridges. */
  mulaw8k: Uint8Array;
  durationMs: number;
  voice: string;
}

/** Text-to-speech behind the voice gateway: flite and espeak-ng by default; other engines plug in here. */
export interface Synthesizer {
  readonly name: string;
  /** The voice used for a locale such as `en-US`, or null when this synthesizer cannot speak it. */
  voiceFor(locale: string): string | null;
  /** Speaks `text`; rejects when the locale has no voice, the engine fails, times out or `signal` aborts. */
  synthesize(text: string, locale: string, signal: AbortSignal): Promise<SynthesizedAudio>;
}

/** Builds both transport forms from engine output at any sample rate. */
export function toSynthesizedAudio(samples: Int16Array, sampleRate: number, voice: string): SynthesizedAudio {
  const resampled = resample(samples, sampleRate, 16000);
  // An even length keeps both forms exactly the same duration.
  const pcm16k = resampled.subarray(0, resampled.length & ~1);
  return {
    pcm16k,
    mulaw8k: mulawEncode(resample(pcm16k, 16000, 8000)),
    durationMs: (pcm16k.length * 1000) / 16000,
    voice,
  };
}

/** Picks a voice from a locale → voice table by full tag, then by language (`zh-CN`, then `zh`). */
export function voiceForLocale(voices: Readonly<Record<string, string>>, locale: string): string | null {
  const lower = locale.toLowerCase();
  return voices[lower] ?? voices[lower.split(/[-_]/)[0] ?? ''] ?? null;
}
