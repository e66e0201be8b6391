import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWav } from './pcm.ts';
import { runProcess } from './runProcess.ts';
import {
  chosenVoice,
  type SynthesizedAudio,
  type Synthesizer,
  toSynthesizedAudio,
  voiceForLocale,
} from './Synthesizer.ts';

/** Options of the flite synthesizer. */
export interface FliteOptions {
  /** Locale (or language) → flite voice; flite speaks English only. */
  voices?: Record<string, string>;
  binary?: string;
  timeoutMs?: number;
}

/** English speech by flite (Debian `flite`), voice `slt` at 16 kHz by default. */
export class FliteSynthesizer implements Synthesizer {
  readonly name = 'flite';
  private readonly voices: Record<string, string>;
  private readonly binary: string;
  private readonly timeoutMs: number;
  private readonly dir = join(tmpdir(), 'omniflow-flite');
  private count = 0;

  constructor(options: FliteOptions = {}) {
    this.voices = options.voices ?? { en: 'slt' };
    this.binary = options.binary ?? 'flite';
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** The flite voice for a locale, or null. */
  voiceFor(locale: string): string | null {
    return voiceForLocale(this.voices, locale);
  }

  /** Speaks `text` through a temporary WAV file (flite cannot write WAV to a pipe it cannot seek). */
  async synthesize(text: string, locale: string, signal: AbortSignal, chosen?: string): Promise<SynthesizedAudio> {
    const voice = chosenVoice(this.name, chosen) ?? this.voiceFor(locale);
    if (voice === null)
      throw new Error(
        `flite has no voice for ${locale}; add one to FliteOptions.voices or route the locale to another synthesizer`,
      );
    await mkdir(this.dir, { recursive: true });
    // One WAV per synthesis, removed when read; the process id keeps processes sharing the folder apart.
    const file = join(this.dir, `${process.pid}-${++this.count}.wav`);
    try {
      const result = await runProcess(this.binary, ['-voice', voice, '-t', text, '-o', file], {
        timeoutMs: this.timeoutMs,
        signal,
      });
      if (result.code !== 0) throw new Error(`flite failed (${result.code}): ${result.stderr.slice(-200)}`);
      const wav = parseWav(new Uint8Array(await readFile(file)));
      if (wav === null) throw new Error('flite wrote no PCM WAV');
      return toSynthesizedAudio(wav.samples, wav.sampleRate, `flite/${voice}`);
    } finally {
      await rm(file, { force: true });
    }
  }
}
