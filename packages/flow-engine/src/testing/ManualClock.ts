import type { SessionClock } from '../session/sessionTypes.ts';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * A clock tests move by hand, so handler timeouts and durations are tested without sleeping. With
 * `autoAdvance`, a pending timer fires (in time order) whenever the event loop has nothing else to do,
 * which suits scripted conversations whose handlers resolve in memory.
 */
export class ManualClock implements SessionClock {
  #now: number;
  #timers: Timer[] = [];
  #nextId = 1;
  #autoAdvance: boolean;
  #scheduled = false;

  constructor(options: { start?: number; autoAdvance?: boolean } = {}) {
    this.#now = options.start ?? Date.UTC(2026, 0, 5, 9, 0, 0);
    this.#autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): number {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, ms), fn };
    this.#timers.push(timer);
    if (this.#autoAdvance) this.#scheduleAuto();
    return timer.id;
  }

  clearTimeout(id: unknown): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== id);
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (let timer = this.#due(until); timer; timer = this.#due(until)) {
      this.#now = timer.at;
      timer.fn();
    }
    this.#now = until;
  }

  /** Sets the wall-clock time (e.g. to test business hours). */
  set(ms: number): void {
    this.#now = ms;
  }

  /** Number of timers waiting. */
  get pending(): number {
    return this.#timers.length;
  }

  #due(until: number): Timer | undefined {
    const next = this.#timers.toSorted((a, b) => a.at - b.at || a.id - b.id)[0];
    if (!next || next.at > until) return undefined;
    this.#timers = this.#timers.filter((timer) => timer !== next);
    return next;
  }

  #scheduleAuto(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const next = this.#timers.toSorted((a, b) => a.at - b.at || a.id - b.id)[0];
      if (next) this.advance(next.at - this.#now);
      if (this.#timers.length > 0) this.#scheduleAuto();
    });
  }
}
