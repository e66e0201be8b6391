import { EventEmitter } from 'node:events';

/**
 * Who a live event is for, as `kind:id` or a plain name. In use: `contact:<id>` (the customer's chat and the desks
 * following the contact), `agent:<id>` (one agent's desks), `supervisors`, `process:<id>` (one runtime process: the
 * contact center's relayed calls' answers) and `center:calls` (calls relayed to the routing process). A new audience
 * (e.g. insights alerts) takes a new prefix; subscribers of other topics never see its events.
 */
export type CenterTopic = string;

/** A live event as sent to browsers (JSON). */
export type CenterEvent = { type: string } & Record<string, unknown>;

/**
 * Carries live events to the subscribers of a topic, in publishing order per publisher. One bus per process:
 * {@link LocalCenterEvents} on SQLite (one process), `PostgresCenterEvents` (LISTEN/NOTIFY) when several processes
 * share one PostgreSQL, so an event published in one process reaches the subscribers of every process. Events are
 * JSON; delivery is at most once, so durable facts (chat lines) are stored first and clients resume from the store.
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
