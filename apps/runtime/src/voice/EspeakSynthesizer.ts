import { parseWav } from './pcm.ts';
import { runProcess } from './runProcess.ts';
import { type SynthesizedAudio, type Synthesizer, toSynthesizedAudio, voiceForLocale } from './Synthesizer.ts';

/** Options of the espeak-ng synthesizer. */
export interface EspeakOptions {
  /** Locale (or language) → espeak-ng voice. */
  voices?: Record<string, string>;
  binary?: string;
  timeoutMs?: number;
  /** Words per minute. */
  rate?: number;
}

/** espeak-ng voices of Debian 12 for the locales Omniflow ships: Mandarin (`cmn`), Korean (`ko`), English. */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = { 'zh-cn': 'cmn', zh: 'cmn', ko: 'ko', en: 'en-us' };

/** Multilingual speech by espeak-ng (Debian `espeak-ng`), read from stdin so no text is taken for an option. */
export class EspeakSynthesizer implements Synthesizer {
  readonly name = 'espeak-ng';
  private readonly voices: Readonly<Record<string, string>>;
  private readonly binary: string;
  private readonly timeoutMs: number;
  private readonly rate: number;

  constructor(options: EspeakOptions = {}) {
    this.voices = options.voices ?? ESPEAK_VOICES;
    this.binary = options.binary ?? 'espeak-ng';
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.rate = options.rate ?? 165;
  }

  /** The espeak-ng voice for a locale, or null. */
  voiceFor(locale: string): string | null {
    return voiceForLocale(this.voices, locale);
  }

  /** Speaks `text`; espeak-ng writes 22.05 kHz WAV to stdout, resampled for both transports. */
  async synthesize(text: string, locale: string, signal: AbortSignal): Promise<SynthesizedAudio> {
    const voice = this.voiceFor(locale);
    if (voice === null) throw new Error(`espeak-ng has no voice for ${locale}; add one to EspeakOptions.voices`);
    const result = await runProcess(this.binary, ['-v', voice, '-s', String(this.rate), '--stdout', '--stdin'], {
      input: new TextEncoder().encode(text),
      timeoutMs: this.timeoutMs,
      signal,
    });
    if (result.code !== 0) throw new Error(`espeak-ng failed (${result.code}): ${result.stderr.slice(-200)}`);
    const wav = parseWav(new Uint8Array(result.stdout));
    if (wav === null) throw new Error('espeak-ng wrote no PCM WAV');
    return toSynthesizedAudio(wav.samples, wav.sampleRate, `espeak-ng/${voice}`);
  }
}
