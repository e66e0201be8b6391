import { parseWav } from './pcm.ts';
import { runProcess } from './runProcess.ts';
import {
  chosenVoice,
  type SynthesizedAudio,
  type Synthesizer,
  toSynthesizedAudio,
  voiceForLocale,
} from './Synthesizer.ts';
import { toEspeakSsml } from './toEspeakSsml.ts';

/** Options of the espeak-ng synthesizer. */
export interface EspeakOptions {
  /** Locale (or language) → espeak-ng voice. */
  voices?: Record<string, string>;
  binary?: string;
  timeoutMs?: number;
  /** Words per minute. */
  rate?: number;
}

/**
 * espeak-ng voices of Debian 12 for the locales Omniflow ships: Mandarin as pinyin (`cmn-latn-pinyin`; plain `cmn`
 * reads Latin letters as English, so its own tone digits came out as "ni three hao three", issue 19), Korean (`ko`),
 * English.
 */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = {
  'zh-cn': 'cmn-latn-pinyin',
  zh: 'cmn-latn-pinyin',
  ko: 'ko',
  en: 'en-us',
};

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

  /**
   * Speaks `text` as {@link toEspeakSsml} prepares it for the voice (Mandarin as pinyin, numbers read in the
   * language); espeak-ng writes 22.05 kHz WAV to stdout, resampled for both transports.
   */
  async synthesize(text: string, locale: string, signal: AbortSignal, chosen?: string): Promise<SynthesizedAudio> {
    const voice = chosenVoice(this.name, chosen) ?? this.requireVoice(locale);
    const result = await this.run(['-s', String(this.rate), '--stdout'], text, voice, signal);
    const wav = parseWav(new Uint8Array(result));
    if (wav === null) throw new Error('espeak-ng wrote no PCM WAV');
    return toSynthesizedAudio(wav.samples, wav.sampleRate, `espeak-ng/${voice}`);
  }

  /** The phonemes espeak-ng would speak for `text` (`-x`, no audio): what a test or a curious analyst can read. */
  async phonemes(text: string, locale: string, signal: AbortSignal): Promise<string> {
    const result = await this.run(['-q', '-x'], text, this.requireVoice(locale), signal);
    return result.toString('utf8');
  }

  private requireVoice(locale: string): string {
    const voice = this.voiceFor(locale);
    if (voice === null) throw new Error(`espeak-ng has no voice for ${locale}; add one to EspeakOptions.voices`);
    return voice;
  }

  /** Runs espeak-ng on the prepared SSML, read from stdin so no text is taken for an option. */
  private async run(args: readonly string[], text: string, voice: string, signal: AbortSignal): Promise<Buffer> {
    const result = await runProcess(this.binary, ['-v', voice, '-m', ...args, '--stdin'], {
      input: new TextEncoder().encode(toEspeakSsml(text, voice)),
      timeoutMs: this.timeoutMs,
      signal,
    });
    if (result.code !== 0) throw new Error(`espeak-ng failed (${result.code}): ${result.stderr.slice(-200)}`);
    return result.stdout;
  }
}
