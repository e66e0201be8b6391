import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Pool } from 'pg';

/**
 * An express-rate-limit store on the runtime's PostgreSQL pool, so every process behind the load balancer counts
 * against one limit per client (issue 22: 50/min across two processes admitted 100). A fixed window per key, counted
 * with one atomic upsert per request; expired windows are swept now and then.
 */
export class PostgresRateLimitStore implements Store {
  readonly #pool: Pool;
  #windowMs = 60_000;
  #lastSweep = 0;
  /** Counts are shared across processes. */
  readonly localKeys = false;
  readonly prefix = 'api:';

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  init(options: Options): void {
    this.#windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    this.#sweepNowAndThen();
    const { rows } = await this.#pool.query<{ hits: number; reset_at: Date }>(
      `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
         reset_at = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
       RETURNING hits, reset_at`,
      [this.prefix + key, this.#windowMs],
    );
    const row = rows[0];
    if (!row) throw new Error('The rate-limit upsert returned no row.');
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.#pool.query('UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.#pool.query('DELETE FROM rate_limits WHERE key = $1', [this.prefix + key]);
  }

  #sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now;
    // Best effort: a failed sweep only leaves expired rows until the next one.
    this.#pool.query('DELETE FROM rate_limits WHERE reset_at < now()').catch(() => undefined);
  }
}
