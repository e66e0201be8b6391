import type { Pool } from 'pg';
import { ApiError } from '../http/ApiError.ts';
import { sessionClaims, tooManySessions, type SessionCaller, type SessionCapLimits } from './LiveSessionCaps.ts';

/** A start may take this long between its admission and its stored session before its slot lapses. */
const PENDING_MS = 60_000;

/** A lease counts while its session is active and recent, or, not stored yet, while its start is recent ($2, $3 in ms). */
const LIVE = `((s.id IS NULL AND l.created_at > now() - make_interval(secs => $2::float8 / 1000))
  OR (s.status = 'active' AND s.updated_at > now() - make_interval(secs => $3::float8 / 1000)))`;

/**
 * The live-session caps shared by every process on one PostgreSQL (issue 22; `LiveSessionCaps` counts per process).
 * A session's claims (its channel token, its client address) are rows of `session_leases`; a claim counts while its
 * session is active and had a turn within `idleMs` — the session row's own `updated_at`, which every turn on any
 * process moves, so counting costs a turn nothing — or, before the session is stored, for a minute after admission.
 * A process killed with `kill -9` leaves nothing held for good: its sessions count while they live (any process can
 * continue them) and end or expire as usual; a start it never stored lapses after the minute. Admissions of one claim
 * are serialized by a transaction-scoped advisory lock, so processes starting sessions together never overfill a cap.
 */
export class PostgresSessionCaps {
  readonly #pool: Pool;
  readonly #idleMs: number;
  readonly #pendingMs: number;
  readonly #limits: SessionCapLimits;

  constructor(pool: Pool, options: { idleMs: number; limits: SessionCapLimits; pendingMs?: number }) {
    this.#pool = pool;
    this.#idleMs = options.idleMs;
    this.#limits = options.limits;
    this.#pendingMs = options.pendingMs ?? PENDING_MS;
  }

  /** Counts `sessionId` against its caller's token and address, or throws a 429 (with `retryAfterSeconds`) when one is full. */
  async admit(caller: SessionCaller, sessionId: string): Promise<void> {
    const claims = sessionClaims(caller, this.#limits).toSorted((a, b) => (a.key < b.key ? -1 : 1)); // one lock order: two admissions never wait on each other in a cycle
    if (claims.length === 0) return;
    const client = await this.#pool.connect();
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      for (const claim of claims) {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`omniflow:cap:${claim.key}`]);
        // Leases that no longer count are dropped as the claim is counted, so they never pile up.
        await client.query(
          `DELETE FROM session_leases WHERE claim = $1 AND session_id NOT IN (
             SELECT l.session_id FROM session_leases l LEFT JOIN sessions s ON s.id = l.session_id
             WHERE l.claim = $1 AND ${LIVE})`,
          [claim.key, this.#pendingMs, this.#idleMs],
        );
        const { rows } = await client.query<{ n: string; oldest: Date | null }>(
          `SELECT COUNT(*) AS n, MIN(COALESCE(s.updated_at, l.created_at)) AS oldest
             FROM session_leases l LEFT JOIN sessions s ON s.id = l.session_id WHERE l.claim = $1 AND ${LIVE}`,
          [claim.key, this.#pendingMs, this.#idleMs],
        );
        const live = Number(rows[0]?.n ?? 0);
        if (live >= claim.max)
          throw tooManySessions(claim, rows[0]?.oldest?.getTime() ?? Date.now(), this.#idleMs, Date.now());
      }
      for (const claim of claims)
        await client.query(
          'INSERT INTO session_leases (claim, session_id, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING',
          [claim.key, sessionId],
        );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (!(error instanceof ApiError)) failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(failure);
    }
  }

  /** Whether `sessionId` is counted now: a caller-chosen id (a voice CallSid) that is taken must not be admitted twice. */
  async counts(sessionId: string): Promise<boolean> {
    const { rows } = await this.#pool.query(
      `SELECT 1 FROM session_leases l LEFT JOIN sessions s ON s.id = l.session_id WHERE l.session_id = $1 AND ${LIVE} LIMIT 1`,
      [sessionId, this.#pendingMs, this.#idleMs],
    );
    return rows.length > 0;
  }

  /** A turn needs no write here: the session row's `updated_at`, moved by the turn, is the lease's clock. */
  touch(): void {
    // Nothing to write (see above).
  }

  /** Stops counting `sessionId` (it ended, or it failed to start). */
  async release(sessionId: string): Promise<void> {
    // Best effort: it runs after a stored turn, whose caller must not see it fail; a lease left behind stops counting
    // once its session has ended, and the claim's next admission deletes it.
    await this.#pool.query('DELETE FROM session_leases WHERE session_id = $1', [sessionId]).catch(() => undefined);
  }
}
