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
  /**
   * Speaks `text`; rejects when the locale has no voice, the engine fails, times out or `signal` aborts. `voice`
   * (`engine/voice`, e.g. `flite/kal16`, the flow's choice for the locale) is used when this synthesizer has it.
   */
  synthesize(text: string, locale: string, signal: AbortSignal, voice?: string): Promise<SynthesizedAudio>;
  /** A prompt's recording (its `audio` value) as prompt audio; null when it cannot play it (then the text is said). */
  recording?(reference: string, signal: AbortSignal): Promise<SynthesizedAudio | null>;
}

/** `ms` of silence as prompt audio (a pause in an SSML prompt). */
export function silence(ms: number): SynthesizedAudio {
  return toSynthesizedAudio(new Int16Array(Math.round(ms * 16)), 16000, 'silence');
}

/** Pieces of prompt audio played as one. */
export function concatAudio(pieces: readonly SynthesizedAudio[]): SynthesizedAudio {
  const pcm16k = new Int16Array(pieces.reduce((sum, piece) => sum + piece.pcm16k.length, 0));
  const mulaw8k = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.mulaw8k.length, 0));
  let pcmAt = 0;
  let mulawAt = 0;
  for (const piece of pieces) {
    pcm16k.set(piece.pcm16k, pcmAt);
    mulaw8k.set(piece.mulaw8k, mulawAt);
    pcmAt += piece.pcm16k.length;
    mulawAt += piece.mulaw8k.length;
  }
  const voice = pieces.find((piece) => piece.voice !== 'silence')?.voice ?? 'silence';
  return { pcm16k, mulaw8k, durationMs: (pcm16k.length * 1000) / 16000, voice };
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

/** The voice part of a chosen `engine/voice` when it names `engine`, else null. */
export function chosenVoice(engine: string, chosen: string | undefined): string | null {
  return chosen?.startsWith(`${engine}/`) ? chosen.slice(engine.length + 1) : null;
}

/** Picks a voice from a locale → voice table by full tag, then by language (`zh-CN`, then `zh`). */
export function voiceForLocale(voices: Readonly<Record<string, string>>, locale: string): string | null {
  const lower = locale.toLowerCase();
  return voices[lower] ?? voices[lower.split(/[-_]/)[0] ?? ''] ?? null;
}
