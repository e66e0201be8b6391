import type { RoutingDecision } from './ContactRouter.ts';

/** The service level counts a contact answered within this many seconds. */
export const SERVICE_LEVEL_SECONDS = 20;

/** Per-queue counts since this process started, for the supervisor view. */
export interface QueueCounts {
  answered: number;
  answeredInTime: number;
  abandoned: number;
}

/** Counts answered (in time) and abandoned contacts per queue from the router's decisions. */
export class SupervisorStats {
  readonly #counts = new Map<string, QueueCounts>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  record(decision: RoutingDecision): void {
    if (decision.kind === 'accepted') {
      const counts = this.counts(decision.queueId);
      counts.answered += 1;
      if (decision.waitedMs <= SERVICE_LEVEL_SECONDS * 1000) counts.answeredInTime += 1;
    } else if (decision.kind === 'abandoned') this.counts(decision.queueId).abandoned += 1;
  }

  counts(queueId: string): QueueCounts {
    let counts = this.#counts.get(queueId);
    if (!counts) {
      counts = { answered: 0, answeredInTime: 0, abandoned: 0 };
      this.#counts.set(queueId, counts);
    }
    return counts;
  }

  /** Share of answered contacts answered within {@link SERVICE_LEVEL_SECONDS}; 1 before the first answer. */
  serviceLevel(queueId: string): number {
    const counts = this.counts(queueId);
    return counts.answered === 0 ? 1 : counts.answeredInTime / counts.answered;
  }

  now(): number {
    return this.#now();
  }
}
