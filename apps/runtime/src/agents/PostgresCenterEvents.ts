import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { PostgresListener } from '../store/PostgresListener.ts';
import type { CenterEvent, CenterTopic, ContactCenterEvents } from './ContactCenterEvents.ts';

/** The notification channel every runtime process on one database listens on for live events. */
export const CENTER_EVENTS_CHANNEL = 'omniflow_center_events';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a batch stays below this, with room for its envelope. */
const PAYLOAD_BUDGET = 7000;
/** Spilled events are kept this long for slow listeners, then deleted. */
const SPILL_KEEP_MS = 5 * 60_000;

/** One published event on the wire: `[topic, event]`, or the id of a spilled one too large for a notification. */
type WireItem = [CenterTopic, CenterEvent] | { spilled: string };

/**
 * The live-event bus of several runtime processes on one PostgreSQL (issue 16, point 7): `publish` reaches this
 * process's subscribers at once and every other process's through NOTIFY on {@link CENTER_EVENTS_CHANNEL}. Events
 * published together are sent in one notification (in order, on one connection at a time); an event too large for a
 * notification is stored in `cc_spilled_events` and its id is notified instead. Delivery is at most once: while a
 * process's listening connection is down it misses events, and its clients catch up by resuming (chat message
 * sequence numbers, the desk snapshot).
 */
export class PostgresCenterEvents implements ContactCenterEvents {
  /** This process, so it skips its own notifications (its subscribers already had the event). */
  readonly origin = randomUUID();
  readonly #pool: Pool;
  readonly #logger: Logger;
  readonly #emitter = new EventEmitter();
  #outbox: WireItem[] = [];
  #sending: Promise<void> | undefined;
  #received: Promise<void> = Promise.resolve();
  readonly #sweeper: NodeJS.Timeout;

  private constructor(pool: Pool, logger: Logger) {
    this.#pool = pool;
    this.#logger = logger.child({ component: 'center-events' });
    this.#emitter.setMaxListeners(0);
    this.#sweeper = setInterval(() => void this.#sweep(), 60_000);
    this.#sweeper.unref();
  }

  /** Starts the bus on a pool (to notify) and a listener (to hear the other processes). */
  static async start(pool: Pool, listener: PostgresListener, logger: Logger): Promise<PostgresCenterEvents> {
    const bus = new PostgresCenterEvents(pool, logger);
    await listener.listen(CENTER_EVENTS_CHANNEL);
    listener.on(CENTER_EVENTS_CHANNEL, (payload) => bus.#receive(payload));
    return bus;
  }

  publish(topic: CenterTopic, event: CenterEvent): void {
    this.#emit(topic, event);
    const item: WireItem = [topic, event];
    this.#outbox.push(item);
    this.#sending ??= this.#send();
  }

  subscribe(topic: CenterTopic, listener: (event: CenterEvent) => void): () => void {
    this.#emitter.on(topic, listener);
    return () => this.#emitter.off(topic, listener);
  }

  /** Resolves once every event published so far was handed to PostgreSQL. */
  async flushed(): Promise<void> {
    while (this.#sending) await this.#sending;
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    await this.flushed();
  }

  #emit(topic: CenterTopic, event: CenterEvent): void {
    try {
      this.#emitter.emit(topic, event);
    } catch (error) {
      // One subscriber's failure (a socket gone mid-send) must not keep the event from the others or the wire.
      this.#logger.error({ err: String(error), topic }, 'a live-event subscriber failed');
    }
  }

  /** Sends the outbox as notifications, one at a time so other processes hear events in publishing order. */
  async #send(): Promise<void> {
    // Events published in the same tick travel together.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#outbox.length > 0) {
      const items = this.#outbox;
      this.#outbox = [];
      try {
        for (const payload of await this.#batches(items))
          await this.#pool.query('SELECT pg_notify($1, $2)', [CENTER_EVENTS_CHANNEL, payload]);
      } catch (error) {
        this.#logger.warn({ err: String(error), events: items.length }, 'live events not sent to other processes');
      }
    }
    this.#sending = undefined;
  }

  /** Packs items into notification payloads below the budget, spilling any item that alone is too large. */
  async #batches(items: WireItem[]): Promise<string[]> {
    const head = `{"origin":${JSON.stringify(this.origin)},"items":[`;
    const payloads: string[] = [];
    let parts: string[] = [];
    let bytes = head.length + 2;
    for (const item of items) {
      let text = JSON.stringify(item);
      if (Buffer.byteLength(text) + head.length + 2 > PAYLOAD_BUDGET) text = JSON.stringify(await this.#spill(text));
      const size = Buffer.byteLength(text) + 1;
      if (parts.length > 0 && bytes + size > PAYLOAD_BUDGET) {
        payloads.push(`${head}${parts.join(',')}]}`);
        parts = [];
        bytes = head.length + 2;
      }
      parts.push(text);
      bytes += size;
    }
    if (parts.length > 0) payloads.push(`${head}${parts.join(',')}]}`);
    return payloads;
  }

  async #spill(text: string): Promise<WireItem> {
    const id = randomUUID();
    await this.#pool.query('INSERT INTO cc_spilled_events (id, item, created_at) VALUES ($1, $2, $3)', [
      id,
      text,
      new Date().toISOString(),
    ]);
    return { spilled: id };
  }

  #receive(payload: string | undefined): void {
    if (payload === undefined) {
      this.#logger.warn('live events from other processes may have been missed (listener reconnected)');
      return;
    }
    let batch: { origin?: unknown; items?: unknown };
    try {
      batch = JSON.parse(payload) as { origin?: unknown; items?: unknown };
    } catch (error) {
      this.#logger.warn({ err: String(error) }, 'unreadable live-event notification ignored');
      return;
    }
    if (batch.origin === this.origin || !Array.isArray(batch.items)) return;
    const items = batch.items as WireItem[];
    // Spilled items are read back before the items after them are delivered: order is kept.
    this.#received = this.#received.then(() => this.#deliver(items));
  }

  async #deliver(items: WireItem[]): Promise<void> {
    for (const item of items) {
      const pair = Array.isArray(item) ? item : await this.#unspill(item.spilled);
      if (pair) this.#emit(pair[0], pair[1]);
    }
  }

  async #unspill(id: string): Promise<[CenterTopic, CenterEvent] | undefined> {
    try {
      const { rows } = await this.#pool.query('SELECT item FROM cc_spilled_events WHERE id = $1', [id]);
      const text: unknown = rows[0]?.['item'];
      if (typeof text === 'string') return JSON.parse(text) as [CenterTopic, CenterEvent];
      this.#logger.warn({ id }, 'a spilled live event was gone before it was read');
    } catch (error) {
      this.#logger.warn({ err: String(error), id }, 'a spilled live event could not be read');
    }
    return undefined;
  }

  async #sweep(): Promise<void> {
    const before = new Date(Date.now() - SPILL_KEEP_MS).toISOString();
    await this.#pool
      .query('DELETE FROM cc_spilled_events WHERE created_at < $1', [before])
      .catch((error: unknown) => this.#logger.warn({ err: String(error) }, 'old spilled live events not deleted'));
  }
}
