import { type SynthesizedAudio, toSynthesizedAudio } from '../voice/Synthesizer.ts';
import { decodePromptAudio } from './decodePromptAudio.ts';
import { promptAudioId, type PromptAudioStore } from './PromptAudioStore.ts';

/** Recordings the voice gateway plays, converted once. */
export interface RecordingSource {
  /** The recording a prompt's audio value names, as both transport forms; null when it is not a stored one. */
  audioFor(reference: string, signal: AbortSignal): Promise<SynthesizedAudio | null>;
}

/**
 * Stored recordings converted by sox to 16 kHz PCM and 8 kHz μ-law for the gateway's call, kept in a small LRU by
 * id (a recording never changes: its id is its content's hash), concurrent first plays sharing one conversion.
 */
export class PromptRecordings implements RecordingSource {
  readonly #store: PromptAudioStore;
  readonly #cache = new Map<string, Promise<SynthesizedAudio | null>>();
  readonly #maxEntries: number;
  /** Conversions actually run, for tests. */
  conversions = 0;

  constructor(store: PromptAudioStore, maxEntries = 100) {
    this.#store = store;
    this.#maxEntries = maxEntries;
  }

  audioFor(reference: string, signal: AbortSignal): Promise<SynthesizedAudio | null> {
    const id = promptAudioId(reference);
    if (id === null) return Promise.resolve(null);
    let pending = this.#cache.get(id);
    if (pending === undefined) {
      pending = this.#convert(id);
      this.#cache.set(id, pending);
      // A failed conversion is not kept: the next call tries again.
      pending.catch(() => this.#cache.delete(id));
      while (this.#cache.size > this.#maxEntries) {
        const oldest = this.#cache.keys().next().value;
        if (oldest === undefined) break;
        this.#cache.delete(oldest);
      }
    } else {
      this.#cache.delete(id);
      this.#cache.set(id, pending);
    }
    if (signal.aborted) return Promise.reject(new Error('recording aborted'));
    return pending;
  }

  async #convert(id: string): Promise<SynthesizedAudio | null> {
    const audio = await this.#store.get(id);
    if (audio === undefined) return null;
    this.conversions++;
    const pcm = await decodePromptAudio(audio.bytes, audio.mediaType);
    return toSynthesizedAudio(pcm, 16000, `recording/${id.slice(0, 12)}`);
  }
}
