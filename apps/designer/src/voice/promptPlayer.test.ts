import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PromptPlayer, type PromptOutput } from './promptPlayer.ts';

/** An output whose clock the test moves, recording what was started when and what was stopped. */
function fakeOutput() {
  const started: { samples: number; at: number; stopped: boolean }[] = [];
  const output: PromptOutput & { currentTime: number } = {
    currentTime: 10,
    start(samples, at) {
      const entry = { samples: samples.length, at, stopped: false };
      started.push(entry);
      return { stop: () => (entry.stopped = true) };
    },
  };
  return { output, started };
}

/** `ms` of 16 kHz 16-bit PCM. */
function pcm(ms: number): ArrayBuffer {
  return new ArrayBuffer(ms * 32);
}

describe('PromptPlayer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('plays frames back to back from now, however fast they arrive, and counts the bytes', () => {
    const { output, started } = fakeOutput();
    const player = new PromptPlayer(output);
    player.play(pcm(20));
    player.play(pcm(20));
    player.play(pcm(20));
    expect(started.map((s) => [s.samples, Number(s.at.toFixed(3))])).toEqual([
      [320, 10],
      [320, 10.02],
      [320, 10.04],
    ]);
    expect(player.bytesReceived).toBe(3 * 640);
    expect(player.remainingMs()).toBeCloseTo(60);
  });

  it('starts a frame that arrives after the queue ran dry at the current time, not in the past', () => {
    const { output, started } = fakeOutput();
    const player = new PromptPlayer(output);
    player.play(pcm(20));
    output.currentTime = 12;
    player.play(pcm(20));
    expect(started[1]?.at).toBe(12);
  });

  it('answers a mark when the audio queued before it has played', () => {
    const { output } = fakeOutput();
    const player = new PromptPlayer(output);
    const played: string[] = [];
    player.play(pcm(500));
    player.mark('m1', (name) => played.push(name));
    vi.advanceTimersByTime(490);
    expect(played).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(played).toEqual(['m1']);
  });

  it('stops what plays on clear and hands back the marks it dropped instead of answering them later', () => {
    const { output, started } = fakeOutput();
    const player = new PromptPlayer(output);
    const played: string[] = [];
    player.play(pcm(400));
    player.mark('m1', (name) => played.push(name));
    player.play(pcm(400));
    player.mark('m2', (name) => played.push(name));
    expect(player.clear()).toEqual(['m1', 'm2']);
    expect(started.every((s) => s.stopped)).toBe(true);
    vi.advanceTimersByTime(2000);
    expect(played).toEqual([]);
    player.play(pcm(20));
    expect(started[2]?.at).toBe(10);
  });
});
