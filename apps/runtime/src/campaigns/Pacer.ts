/** How fast a campaign may dial. */
export interface Pacing {
  /** Calls in progress at once, at most. */
  maxConcurrent: number;
  /** New calls per second, at most (spread evenly: no bursts). */
  callsPerSecond: number;
}

/**
 * Spaces call starts evenly at `callsPerSecond` and caps calls in progress at `maxConcurrent`. Time comes from the
 * caller (`now` in ms), so the same code runs under a real clock and a test's clock.
 */
export class Pacer {
  readonly #interval: number;
  readonly #maxConcurrent: number;
  #nextAt = Number.NEGATIVE_INFINITY;
  #active = 0;

  constructor(pacing: Pacing) {
    this.#interval = 1000 / pacing.callsPerSecond;
    this.#maxConcurrent = pacing.maxConcurrent;
  }

  /** Calls in progress. */
  get active(): number {
    return this.#active;
  }

  /**
   * Milliseconds until a call may start (0: start one now, which {@link acquire} records), or `undefined` while every
   * line is busy (wait for a {@link release}).
   */
  waitMs(now: number): number | undefined {
    if (this.#active >= this.#maxConcurrent) return undefined;
    return Math.max(0, this.#nextAt - now);
  }

  /** Records a call start at `now` (after {@link waitMs} said 0). */
  acquire(now: number): void {
    this.#active++;
    // Keep the even spacing when on time; after an idle spell (no contact due, all lines busy) start afresh from now,
    // so the missed slots do not come back as a burst.
    this.#nextAt = this.#nextAt + this.#interval >= now ? this.#nextAt + this.#interval : now + this.#interval;
  }

  /** Records a call end. */
  release(): void {
    if (this.#active > 0) this.#active--;
  }
}
