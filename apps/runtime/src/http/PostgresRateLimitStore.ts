import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Pool } from 'pg';

const MAX_INT = 2_147_483_647;

/** Hits this process may count without asking the database: reserved there already, not used yet. */
interface Reservation {
  /** Reserved hits not used yet. */
  left: number;
  /** The database's count of the key when the reservation was made, this reservation included (at most the limit). */
  counted: number;
  resetTime: Date;
  /** When a hit last used the reservation (epoch ms), for {@link PostgresRateLimitStore.returnIdle}. */
  usedAt: number;
}

/** How a {@link PostgresRateLimitStore} reserves hits. */
export interface RateLimitReservationOptions {
  /** Share of a key's remaining allowance one process reserves at a time (default 1/8). */
  share?: number;
  /** Unused reserved hits go back to the database after this long without a hit (default 1000 ms). */
  idleMs?: number;
  now?: () => number;
}

/**
 * An express-rate-limit store on the runtime's PostgreSQL pool, so every process behind the load balancer counts
 * against one limit per client (issue 22: 50/min across two processes admitted 100). A fixed window per key.
 *
 * A process does not ask the database on every request: it reserves a block of hits at once (an eighth of what is
 * left of the key's allowance, one hit when little is left) and admits from the block locally. A hit is admitted only
 * against hits already counted in the database, so all processes together never admit more than the limit; a
 * process's unused block is given back after a second without hits, so another process refuses early by at most the
 * blocks the others hold for that client meanwhile.
 */
export class PostgresRateLimitStore implements Store {
  readonly #pool: Pool;
  readonly #share: number;
  readonly #idleMs: number;
  readonly #now: () => number;
  readonly #reservations = new Map<string, Reservation>();
  /** Reservations being made, per key: concurrent hits of a key wait for one instead of each asking. */
  readonly #reserving = new Map<string, Promise<ClientRateLimitInfo>>();
  #windowMs = 60_000;
  #limit: number | undefined;
  #lastSweep = 0;
  #returner: NodeJS.Timeout | undefined;
  /** Counts are shared across processes. */
  readonly localKeys = false;
  readonly prefix = 'api:';

  constructor(pool: Pool, options: RateLimitReservationOptions = {}) {
    this.#pool = pool;
    this.#share = options.share ?? 1 / 8;
    this.#idleMs = options.idleMs ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  init(options: Options): void {
    this.#windowMs = options.windowMs;
    // A limit computed per request cannot be reserved against: every hit then asks the database.
    this.#limit = typeof options.limit === 'number' ? options.limit : undefined;
    this.#returner = setInterval(() => void this.returnIdle(), this.#idleMs);
    this.#returner.unref();
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    for (;;) {
      const local = this.#takeReserved(key);
      if (local) return local;
      const reserving = this.#reserving.get(key);
      if (reserving === undefined) break;
      // Another hit of the key is reserving a block: use that block, or ask on our own once it is gone.
      await reserving.catch(() => undefined);
    }
    const reserving = this.#reserve(key);
    this.#reserving.set(key, reserving);
    try {
      return await reserving;
    } finally {
      this.#reserving.delete(key);
    }
  }

  async decrement(key: string): Promise<void> {
    const reservation = this.#reservations.get(key);
    if (reservation && reservation.resetTime.getTime() > this.#now()) {
      reservation.left += 1;
      return;
    }
    await this.#pool.query({
      name: 'omniflow-rate-limit-decrement',
      text: 'UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = $1',
      values: [this.prefix + key],
    });
  }

  async resetKey(key: string): Promise<void> {
    this.#reservations.delete(key);
    await this.#pool.query('DELETE FROM rate_limits WHERE key = $1', [this.prefix + key]);
  }

  /** Gives back the unused hits of reservations idle for `idleMs` and forgets those of ended windows. */
  async returnIdle(): Promise<void> {
    const now = this.#now();
    const returns: Promise<unknown>[] = [];
    for (const [key, reservation] of this.#reservations) {
      if (reservation.resetTime.getTime() <= now) this.#reservations.delete(key);
      else if (now - reservation.usedAt >= this.#idleMs) {
        this.#reservations.delete(key);
        if (reservation.left > 0)
          returns.push(
            // Only into the window it was reserved in (a window that restarted meanwhile owes it nothing); the
            // database keeps microseconds, a Date milliseconds.
            this.#pool
              .query({
                name: 'omniflow-rate-limit-return',
                text: `UPDATE rate_limits SET hits = GREATEST(hits - $2::int, 0)
                  WHERE key = $1 AND reset_at >= $3 AND reset_at < $3::timestamptz + interval '1 millisecond'`,
                values: [this.prefix + key, reservation.left, reservation.resetTime],
              })
              .catch(() => undefined), // best effort: an unreturned block only expires with its window
          );
      }
    }
    await Promise.all(returns);
  }

  shutdown(): void {
    clearInterval(this.#returner);
  }

  /** A hit admitted from this process's reservation of `key`, or `undefined` when it has none left. */
  #takeReserved(key: string): ClientRateLimitInfo | undefined {
    const reservation = this.#reservations.get(key);
    if (reservation === undefined) return undefined;
    const now = this.#now();
    if (reservation.resetTime.getTime() <= now) {
      this.#reservations.delete(key);
      return undefined;
    }
    if (reservation.left === 0) return undefined;
    reservation.left -= 1;
    reservation.usedAt = now;
    return { totalHits: reservation.counted - reservation.left, resetTime: reservation.resetTime };
  }

  /**
   * Counts this hit and reserves a block of further hits in one atomic upsert. The database grants at most what is
   * left of the limit (`granted`, 0 when nothing is: the hit is then counted and refused), so no process ever holds
   * hits beyond the limit.
   */
  async #reserve(key: string): Promise<ClientRateLimitInfo> {
    this.#sweepNowAndThen();
    const previous = this.#reservations.get(key);
    const limit = this.#limit;
    const known = previous && previous.resetTime.getTime() > this.#now() ? previous.counted : 0;
    const block = limit === undefined ? 1 : Math.max(1, Math.floor((limit - known) * this.#share));
    const { rows } = await this.#pool.query<{ hits: number; reset_at: Date; granted: number }>({
      name: 'omniflow-rate-limit-reserve',
      text: `INSERT INTO rate_limits (key, hits, reset_at, granted)
         VALUES ($1, GREATEST(LEAST($3::int, $4::int), 1), now() + make_interval(secs => $2::float8 / 1000), GREATEST(LEAST($3::int, $4::int), 0))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.hits
           ELSE rate_limits.hits + GREATEST(LEAST($3, $4 - rate_limits.hits), 1) END,
         granted = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.granted
           ELSE GREATEST(LEAST($3, $4 - rate_limits.hits), 0) END,
         reset_at = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
       RETURNING hits, reset_at, granted`,
      values: [this.prefix + key, this.#windowMs, block, limit ?? MAX_INT],
    });
    const row = rows[0];
    if (!row) throw new Error('The rate-limit upsert returned no row.');
    const hits = Number(row.hits);
    const granted = Number(row.granted);
    // A limit computed per request: the library compares the count itself.
    if (limit === undefined || granted === 0) return { totalHits: hits, resetTime: row.reset_at };
    this.#reservations.set(key, { left: granted - 1, counted: hits, resetTime: row.reset_at, usedAt: this.#now() });
    return { totalHits: hits - (granted - 1), resetTime: row.reset_at };
  }

  #sweepNowAndThen(): void {
    const now = this.#now();
    if (now - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now;
    // Best effort: a failed sweep only leaves expired rows until the next one.
    this.#pool.query('DELETE FROM rate_limits WHERE reset_at < now()').catch(() => undefined);
  }
}
