import { describe, expect, it } from 'vitest';
import { AudioClock } from './AudioClock.ts';

/** What a call does with each frame: time moves, the frame is heard, then what fell due runs. */
function advance(clock: AudioClock, ms: number): void {
  clock.moveTo(ms);
  clock.runDue();
}

describe('AudioClock', () => {
  it('runs a timer only once its time of audio has arrived', () => {
    const clock = new AudioClock();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 100);
    advance(clock, 99.875);
    expect(fired).toEqual([]);
    advance(clock, 120);
    expect(fired).toEqual([120]);
    advance(clock, 500);
    expect(fired).toEqual([120]);
  });

  it('runs due timers earliest first, and those due together in the order they were set', () => {
    const clock = new AudioClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('late'), 50);
    clock.setTimeout(() => fired.push('first of two'), 20);
    clock.setTimeout(() => fired.push('second of two'), 20);
    advance(clock, 60);
    expect(fired).toEqual(['first of two', 'second of two', 'late']);
  });

  it('runs a timer set by a timer in the same advance when it is already due, and never a cleared one', () => {
    const clock = new AudioClock();
    const fired: string[] = [];
    const cleared = clock.setTimeout(() => fired.push('cleared'), 10);
    clock.setTimeout(() => {
      fired.push('outer');
      clock.setTimeout(() => fired.push('inner'), 0);
    }, 10);
    clock.clearTimeout(cleared);
    advance(clock, 20);
    expect(fired).toEqual(['outer', 'inner']);
  });

  it('moves time without running what falls due until asked', () => {
    const clock = new AudioClock();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 20);
    clock.moveTo(40);
    expect(fired).toEqual([]);
    clock.runDue();
    expect(fired).toEqual([40]);
  });

  it('never goes back in time', () => {
    const clock = new AudioClock();
    advance(clock, 40);
    advance(clock, 20);
    expect(clock.now()).toBe(40);
  });
});
