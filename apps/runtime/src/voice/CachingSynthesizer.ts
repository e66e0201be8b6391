import type { SynthesizedAudio, Synthesizer } from './Synthesizer.ts';

/** Bounds of the prompt-audio cache. */
export interface CacheLimits {
  maxEntries?: number;
  /** Total bytes of cached audio (both forms). */
  maxBytes?: number;
}

/**
 * Routes each locale to the first synthesizer with a voice for it and caches the audio by voice + text in a
 * bounded LRU (prompts repeat across calls); concurrent requests for the same prompt share one synthesis.
 */
export class CachingSynthesizer implements Synthesizer {
  readonly name: string;
  private readonly engines: readonly Synthesizer[];
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly cache = new Map<string, SynthesizedAudio>();
  private readonly inFlight = new Map<string, Promise<SynthesizedAudio>>();
  private bytes = 0;
  /** Syntheses actually run (cache misses), for metrics and tests. */
  misses = 0;

  constructor(engines: readonly Synthesizer[], limits: CacheLimits = {}) {
    this.engines = engines;
    this.name = `cached(${engines.map((e) => e.name).join(', ')})`;
    this.maxEntries = limits.maxEntries ?? 500;
    this.maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  }

  /** The first engine's voice for the locale. */
  voiceFor(locale: string): string | null {
    return this.route(locale)?.voice ?? null;
  }

  /** Cached audio for (voice, text), synthesizing on a miss. */
  async synthesize(text: string, locale: string, signal: AbortSignal, chosen?: string): Promise<SynthesizedAudio> {
    const route = this.route(locale, chosen);
    if (route === null) throw new Error(`no synthesizer has a voice for ${locale}; configure one for this locale`);
    const { engine, voice } = route;
    const key = `${voice}\u0000${text}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      this.misses++;
      // One caller hanging up must not cancel the synthesis others wait for; the engine's own timeout bounds it.
      pending = engine.synthesize(text, locale, new AbortController().signal, chosen === voice ? voice : undefined);
      this.inFlight.set(key, pending);
      pending
        .then((audio) => this.store(key, audio))
        .catch(() => undefined)
        .finally(() => this.inFlight.delete(key));
    }
    return abortable(pending, signal);
  }

  /** Number of cached prompts. */
  get size(): number {
    return this.cache.size;
  }

  /**
   * The engine of the chosen `engine/voice` when one of them is that engine, else the first engine with a voice for
   * the locale, and that voice as `engine/voice`.
   */
  private route(locale: string, chosen?: string): { engine: Synthesizer; voice: string } | null {
    const named = chosen === undefined ? undefined : this.engines.find((e) => chosen.startsWith(`${e.name}/`));
    if (chosen !== undefined && named !== undefined) return { engine: named, voice: chosen };
    for (const engine of this.engines) {
      const voice = engine.voiceFor(locale);
      if (voice !== null) return { engine, voice: `${engine.name}/${voice}` };
    }
    return null;
  }

  private store(key: string, audio: SynthesizedAudio): void {
    const size = audio.pcm16k.byteLength + audio.mulaw8k.byteLength;
    if (size > this.maxBytes) return;
    this.cache.set(key, audio);
    this.bytes += size;
    while (this.cache.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.cache.entries().next().value ?? [];
      if (oldestKey === undefined || oldest === undefined) break;
      this.cache.delete(oldestKey);
      this.bytes -= oldest.pcm16k.byteLength + oldest.mulaw8k.byteLength;
    }
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('synthesis aborted'));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('synthesis aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
