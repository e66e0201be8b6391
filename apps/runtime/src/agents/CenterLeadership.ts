import { Client } from 'pg';
import type { Logger } from 'pino';

/** The advisory-lock key of "this process routes the contact center" (any fixed 64-bit number; the runtime's own). */
export const ROUTER_LOCK_KEY = 7_316_004_216;
const RETRY_MS = 1000;
const HEARTBEAT_MS = 1000;

/**
 * Elects the one runtime process that routes contacts when several share one PostgreSQL (issue 16, point 7): the
 * process holding a session-level advisory lock on its own dedicated connection leads. Followers try the lock every
 * second; when the leader dies its connection closes, PostgreSQL releases the lock and a follower takes over within
 * about a second. A leader that loses its connection (or whose heartbeat query fails) steps down at once, before it
 * reconnects and competes again.
 */
export class CenterLeadership {
  readonly #url: string;
  readonly #logger: Logger;
  readonly #onLead: () => Promise<void>;
  readonly #onLose: () => void;
  #client: Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** True while this process holds the lock. */
  leading = false;

  private constructor(options: LeadershipOptions) {
    this.#url = options.url;
    this.#logger = options.logger.child({ component: 'center-leadership' });
    this.#onLead = options.onLead;
    this.#onLose = options.onLose;
  }

  /** Starts competing; resolves after the first attempt (so a lone process leads before it serves). */
  static async start(options: LeadershipOptions): Promise<CenterLeadership> {
    const leadership = new CenterLeadership(options);
    await leadership.#attempt();
    return leadership;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#stepDown();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #attempt(): Promise<void> {
    if (this.#closed) return;
    try {
      const client = this.#client ?? (await this.#connect());
      if (this.leading) await client.query('SELECT 1');
      else {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
          ROUTER_LOCK_KEY,
        ]);
        if (rows[0]?.locked === true) await this.#lead();
      }
    } catch (error) {
      this.#lost(error);
    }
    if (!this.#closed) this.#timer = setTimeout(() => void this.#attempt(), this.leading ? HEARTBEAT_MS : RETRY_MS);
  }

  async #connect(): Promise<Client> {
    // A heartbeat that hangs (a stalled server) must fail, so the leader steps down instead of waiting forever.
    const client = new Client({
      connectionString: this.#url,
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
      keepAlive: true,
    });
    client.on('error', (error) => this.#lost(error));
    client.on('end', () => this.#lost(new Error('connection ended')));
    await client.connect();
    this.#client = client;
    return client;
  }

  async #lead(): Promise<void> {
    this.leading = true;
    this.#logger.info('this process now routes the contact center');
    try {
      await this.#onLead();
    } catch (error) {
      // A leader that cannot open the center must let another process try.
      this.#logger.error({ err: String(error) }, 'taking over routing failed; releasing the lock');
      this.#lost(error);
    }
  }

  #lost(error: unknown): void {
    const client = this.#client;
    this.#client = undefined;
    if (client) void client.end().catch(() => undefined);
    if (this.leading && !this.#closed) this.#logger.warn({ err: String(error) }, 'routing lock lost; stepping down');
    this.#stepDown();
  }

  #stepDown(): void {
    if (!this.leading) return;
    this.leading = false;
    this.#onLose();
  }
}

/** What {@link CenterLeadership} needs: the database and what to do on taking and losing the lead. */
export interface LeadershipOptions {
  url: string;
  logger: Logger;
  /** Opens the contact center here (takes up the stored hand-overs). */
  onLead: () => Promise<void>;
  /** Closes it: another process routes from now on. */
  onLose: () => void;
}
