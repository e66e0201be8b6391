import { EventEmitter } from 'node:events';

/** A live event for one audience: a customer's contact, an agent's desk, or every supervisor. */
export type CenterTopic = `contact:${string}` | `agent:${string}` | 'supervisors';

/** A live event as sent to browsers (JSON). */
export type CenterEvent = { type: string } & Record<string, unknown>;

/**
 * Carries live events to the sockets of this process. One bus per process; a scale-out bus (PostgreSQL
 * LISTEN/NOTIFY) implements the same two calls.
 */
export interface ContactCenterEvents {
  publish(topic: CenterTopic, event: CenterEvent): void;
  /** Answers the unsubscribe function. */
  subscribe(topic: CenterTopic, listener: (event: CenterEvent) => void): () => void;
}

/** The bus of one process. */
export class LocalCenterEvents implements ContactCenterEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Every desk, chat and supervisor socket listens: thousands are normal.
    this.#emitter.setMaxListeners(0);
  }

  publish(topic: CenterTopic, event: CenterEvent): void {
    this.#emitter.emit(topic, event);
  }

  subscribe(topic: CenterTopic, listener: (event: CenterEvent) => void): () => void {
    this.#emitter.on(topic, listener);
    return () => this.#emitter.off(topic, listener);
  }
}
