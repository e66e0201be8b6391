import type { StoredTurn } from '../sessions/SessionService.ts';

/**
 * Gathers stored turns and hands them on in batches, after the replies have left: once per event-loop turn (a
 * `setImmediate`: on SQLite a batch is the turns one group commit stored; they are analyzed while still young for the
 * garbage collector, and an alert goes out far within the 1 s it may take). A batch holds the live turns of a session
 * since the last batch as one turn with all their entries (the latest locale and version), and a turn that ended the
 * session after them on its own, so the live part is still checked as live. So the analysis of a turn never runs
 * inside the request that carried it, and a session that took several turns meanwhile is analyzed once. Nothing here
 * is durable: a turn's transcript is stored before it gets here, and what a stopped process had not analyzed is caught
 * up from the store (see InsightsService.catchUp).
 */
export class TurnBatcher {
  readonly #pending = new Map<string, StoredTurn[]>();
  readonly #analyze: (turns: StoredTurn[]) => void;
  #timer: NodeJS.Immediate | undefined;
  #stopped = false;

  constructor(analyze: (turns: StoredTurn[]) => void) {
    this.#analyze = analyze;
  }

  /** Queues a stored turn; its analysis runs with the next batch. */
  add(turn: StoredTurn): void {
    if (this.#stopped) return;
    const waiting = this.#pending.get(turn.sessionId) ?? [];
    const last = waiting.at(-1);
    const merged =
      last?.status === 'active' && turn.status === 'active'
        ? [...waiting.slice(0, -1), { ...turn, entries: [...last.entries, ...turn.entries] }]
        : [...waiting, turn];
    // Re-inserted, so a session that took a turn again is analyzed after the sessions waiting longer.
    this.#pending.delete(turn.sessionId);
    this.#pending.set(turn.sessionId, merged);
    this.#timer ??= setImmediate(() => this.flush());
  }

  /** Sessions with turns waiting for their batch. */
  get pending(): number {
    return this.#pending.size;
  }

  /**
   * Drops what is waiting and takes no more turns (the store is about to close: a settled shutdown flushed first, and
   * the catch-up of the next start analyzes ended contacts whose batch was dropped).
   */
  stop(): void {
    this.#stopped = true;
    clearImmediate(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
  }

  /** Hands every waiting turn on now (shutdown, tests) and cancels the timer. */
  flush(): void {
    clearImmediate(this.#timer);
    this.#timer = undefined;
    if (this.#pending.size === 0) return;
    const turns = [...this.#pending.values()].flat();
    this.#pending.clear();
    this.#analyze(turns);
  }
}
