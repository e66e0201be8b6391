/**
 * The clock of one call: milliseconds of caller audio received. It is an xstate `Clock`, so the call machine's
 * delays (prompt end, no-input, inter-digit) fire as the audio arrives, never on wall time: tests never sleep, and
 * a call whose caller sends no audio has no timers to run.
 */
export class AudioClock {
  private nowMs = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { dueMs: number; fn: () => void }>();

  /** Milliseconds of audio so far. */
  now(): number {
    return this.nowMs;
  }

  /** Moves time to `ms` (never back); timers that fall due wait for `runDue`. */
  moveTo(ms: number): void {
    this.nowMs = Math.max(this.nowMs, ms);
  }

  /** Runs every timer that is due by now, earliest first. */
  runDue(): void {
    for (let due = this.nextDue(); due !== null; due = this.nextDue()) {
      this.timers.delete(due.id);
      due.fn();
    }
  }

  /** xstate's `Clock`: `fn` runs once `timeout` ms more of audio have arrived. */
  setTimeout(fn: () => void, timeout: number): number {
    const id = this.nextId++;
    this.timers.set(id, { dueMs: this.nowMs + Math.max(0, timeout), fn });
    return id;
  }

  /** xstate's `Clock`. */
  clearTimeout(id: number): void {
    this.timers.delete(id);
  }

  /** Due timers fire in due order, and in the order they were set when due together (the Map keeps it). */
  private nextDue(): { id: number; fn: () => void } | null {
    let next: { id: number; dueMs: number; fn: () => void } | null = null;
    for (const [id, timer] of this.timers) {
      if (timer.dueMs <= this.nowMs && (next === null || timer.dueMs < next.dueMs)) next = { id, ...timer };
    }
    return next;
  }
}
