import { Client } from 'pg';
import type { Logger } from 'pino';

/**
 * One dedicated PostgreSQL connection that LISTENs on the runtime's notification channels (token revocations, live
 * contact-center events, …), so a change made by one process reaches every other within milliseconds; handlers get
 * the notification's payload. It reconnects after a dropped connection or a database restart; while it is down,
 * `listening` is false and callers must not trust what they cached.
 */
export class PostgresListener {
  readonly #url: string;
  readonly #logger: Logger;
  readonly #handlers = new Map<string, NotificationHandler[]>();
  #client: Client | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;
  /** True while LISTEN is in force on a live connection. */
  listening = false;

  private constructor(url: string, logger: Logger) {
    this.#url = url;
    this.#logger = logger;
  }

  /** Connects and listens on `channels` (the first attempt is awaited; later ones run in the background). */
  static async start(url: string, channels: string[], logger: Logger): Promise<PostgresListener> {
    const listener = new PostgresListener(url, logger);
    for (const channel of channels) listener.#handlers.set(channel, []);
    await listener.#connect();
    return listener;
  }

  /**
   * Calls `handler` with the payload of every notification on `channel`, and once without a payload after each
   * reconnect (notifications sent meanwhile are lost).
   */
  on(channel: string, handler: NotificationHandler): void {
    const handlers = this.#handlers.get(channel);
    if (!handlers) throw new Error(`Channel "${channel}" is not listened to; name it at start or call listen() first.`);
    handlers.push(handler);
  }

  /** Listens on one more channel from now on (and after every reconnect). */
  async listen(channel: string): Promise<void> {
    if (this.#handlers.has(channel)) return;
    this.#handlers.set(channel, []);
    await this.#client?.query(`LISTEN ${channel}`);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    this.listening = false;
    await this.#client?.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new Client({ connectionString: this.#url, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => this.#fire(message.channel, message.payload));
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.#lost(client, error);
      return;
    }
    this.#client = client;
    this.listening = true;
    // Whatever was notified while no one listened is unknown: every handler treats a reconnect as a change.
    for (const channel of this.#handlers.keys()) this.#fire(channel);
  }

  #fire(channel: string, payload?: string): void {
    for (const handler of this.#handlers.get(channel) ?? []) handler(payload);
  }

  #lost(client: Client, error: unknown): void {
    if (this.#client !== undefined && this.#client !== client) return;
    this.#client = undefined;
    this.listening = false;
    void client.end().catch(() => undefined);
    if (this.#closed || this.#retry) return;
    this.#logger.warn({ err: String(error) }, 'PostgreSQL notifications lost; reconnecting');
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (!this.#closed) void this.#connect();
    }, 500);
  }
}

/** Gets a notification's payload, or nothing after a reconnect (when notifications may have been missed). */
export type NotificationHandler = (payload: string | undefined) => void;
