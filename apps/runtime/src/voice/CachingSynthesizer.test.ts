import { describe, expect, it } from 'vitest';
import { CachingSynthesizer } from './CachingSynthesizer.ts';
import { type SynthesizedAudio, type Synthesizer, toSynthesizedAudio } from './Synthesizer.ts';

/** A recording engine: the cache, not speech, is under test here. */
class CountingEngine implements Synthesizer {
  calls: string[] = [];
  constructor(
    readonly name: string,
    private readonly languages: string[],
  ) {}
  voiceFor(locale: string) {
    return this.languages.includes(locale.slice(0, 2)) ? 'v' : null;
  }
  async synthesize(text: string): Promise<SynthesizedAudio> {
    this.calls.push(text);
    await new Promise((r) => setTimeout(r, 5));
    return toSynthesizedAudio(new Int16Array(text.length * 160), 16000, `${this.name}/v`);
  }
}

const never = new AbortController().signal;

describe('CachingSynthesizer', () => {
  it('synthesizes a prompt once per voice and text', async () => {
    const engine = new CountingEngine('a', ['en']);
    const cache = new CachingSynthesizer([engine]);
    const first = await cache.synthesize('hello', 'en-US', never);
    const second = await cache.synthesize('hello', 'en-GB', never);
    await cache.synthesize('goodbye', 'en-US', never);
    expect(second).toBe(first);
    expect(engine.calls).toEqual(['hello', 'goodbye']);
  });

  it('shares one synthesis between concurrent requests', async () => {
    const engine = new CountingEngine('a', ['en']);
    const cache = new CachingSynthesizer([engine]);
    const all = await Promise.all([1, 2, 3].map(() => cache.synthesize('menu', 'en-US', never)));
    expect(engine.calls).toEqual(['menu']);
    expect(new Set(all).size).toBe(1);
  });

  it('routes each locale to the first engine with a voice for it', async () => {
    const en = new CountingEngine('en-engine', ['en']);
    const multi = new CountingEngine('multi', ['en', 'ko', 'zh']);
    const cache = new CachingSynthesizer([en, multi]);
    expect((await cache.synthesize('x', 'en-US', never)).voice).toBe('en-engine/v');
    expect((await cache.synthesize('x', 'ko-KR', never)).voice).toBe('multi/v');
    await expect(cache.synthesize('x', 'fr-FR', never)).rejects.toThrow(/no synthesizer has a voice for fr-FR/);
  });

  it('evicts the least recently used prompt beyond its entry and byte limits', async () => {
    const engine = new CountingEngine('a', ['en']);
    const cache = new CachingSynthesizer([engine], { maxEntries: 2 });
    await cache.synthesize('one', 'en', never);
    await cache.synthesize('two', 'en', never);
    await cache.synthesize('one', 'en', never);
    await cache.synthesize('three', 'en', never);
    await cache.synthesize('one', 'en', never);
    await cache.synthesize('two', 'en', never);
    expect(engine.calls).toEqual(['one', 'two', 'three', 'two']);

    const bytesPerChar = 160 * 2 + 80;
    const small = new CachingSynthesizer([new CountingEngine('b', ['en'])], { maxBytes: bytesPerChar * 10 });
    await small.synthesize('aaaaa', 'en', never);
    await small.synthesize('bbbbb', 'en', never);
    expect(small.size).toBe(2);
    await small.synthesize('c', 'en', never);
    expect(small.size).toBe(2);
  });

  it('lets a caller stop waiting without cancelling the shared synthesis', async () => {
    const engine = new CountingEngine('a', ['en']);
    const cache = new CachingSynthesizer([engine]);
    const controller = new AbortController();
    const gone = cache.synthesize('shared', 'en', controller.signal);
    const stays = cache.synthesize('shared', 'en', never);
    controller.abort();
    await expect(gone).rejects.toThrow(/aborted/);
    expect((await stays).durationMs).toBeGreaterThan(0);
  });
});
