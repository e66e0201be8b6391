import { ApiError } from '../http/ApiError.ts';

/** Who starts a session on a public channel: the channel token's id and the client's address. */
export interface SessionCaller {
  channelTokenId: string;
  address: string;
}

/**
 * Live-session caps as the session service uses them: this process's {@link LiveSessionCaps}, or on PostgreSQL the
 * caps every process shares (`PostgresSessionCaps`).
 */
export interface SessionCaps {
  admit(caller: SessionCaller, sessionId: string): void | Promise<void>;
  counts(sessionId: string): boolean | Promise<boolean>;
  touch(sessionId: string): void;
  release(sessionId: string): void | Promise<void>;
}

/** How many live sessions one channel token and one client address may hold; 0 turns a limit off. */
export interface SessionCapLimits {
  perChannelToken: number;
  perClient: number;
}

/** One cap a session counts against: its key (`token:<id>`, `client:<address>`), the cap and what it caps. */
export interface SessionClaim {
  key: string;
  max: number;
  what: string;
}

/** The claims of a caller's session that have a cap (a cap of 0 is off). */
export function sessionClaims(caller: SessionCaller, limits: SessionCapLimits): SessionClaim[] {
  return [
    { key: `token:${caller.channelTokenId}`, max: limits.perChannelToken, what: 'channel token' },
    { key: `client:${caller.address}`, max: limits.perClient, what: 'client address' },
  ].filter((claim) => claim.max > 0);
}

/** The 429 of a full claim, with the seconds until its oldest session (last turn at `oldest`) idles out. */
export function tooManySessions(claim: SessionClaim, oldest: number, idleMs: number, now: number): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + idleMs - now) / 1000));
  return new ApiError(
    429,
    {
      code: 'TOO_MANY_SESSIONS',
      message: `This ${claim.what} already holds ${claim.max} live sessions; end one or retry in ${retryAfterSeconds} s.`,
      pointer: '',
    },
    { retryAfterSeconds },
  );
}

/**
 * Caps live sessions per claim key (issue 14: channel tokens are public, so one of them could start sessions without
 * end). A session stops counting when it ends or after `idleMs` without a turn, when the idle sweeper ends it anyway.
 * Per process (SQLite: one process); on PostgreSQL every process shares `PostgresSessionCaps` instead.
 */
export class LiveSessionCaps implements SessionCaps {
  /** Per key, its sessions by last turn time, oldest first (a touch moves a session to the end). */
  readonly #byKey = new Map<string, Map<string, number>>();
  readonly #keysOf = new Map<string, string[]>();
  readonly #idleMs: number;
  readonly #limits: SessionCapLimits;
  readonly #now: () => number;

  constructor(options: { idleMs: number; limits: SessionCapLimits; now?: () => number }) {
    this.#idleMs = options.idleMs;
    this.#limits = options.limits;
    this.#now = options.now ?? Date.now;
  }

  /** Counts `sessionId` against its caller's token and address, or throws a 429 (with `retryAfterSeconds`) when one is full. */
  admit(caller: SessionCaller, sessionId: string): void {
    const now = this.#now();
    const active = sessionClaims(caller, this.#limits);
    for (const claim of active) {
      const live = this.#pruned(claim.key, now);
      if (live !== undefined && live.size >= claim.max)
        throw tooManySessions(claim, live.values().next().value ?? now, this.#idleMs, now);
    }
    for (const claim of active) {
      const live = this.#byKey.get(claim.key) ?? new Map<string, number>();
      live.set(sessionId, now);
      this.#byKey.set(claim.key, live);
    }
    if (active.length > 0)
      this.#keysOf.set(
        sessionId,
        active.map((claim) => claim.key),
      );
  }

  /** Whether `sessionId` is counted now: a caller-chosen id (a voice CallSid) that is taken must not be admitted twice. */
  counts(sessionId: string): boolean {
    return this.#keysOf.has(sessionId);
  }

  /** Marks a turn of `sessionId`, restarting its idle time. */
  touch(sessionId: string): void {
    const now = this.#now();
    for (const key of this.#keysOf.get(sessionId) ?? []) {
      const live = this.#byKey.get(key);
      if (live?.delete(sessionId)) live.set(sessionId, now);
    }
  }

  /** Stops counting `sessionId` (it ended, or it failed to start). */
  release(sessionId: string): void {
    for (const key of this.#keysOf.get(sessionId) ?? []) {
      const live = this.#byKey.get(key);
      live?.delete(sessionId);
      if (live?.size === 0) this.#byKey.delete(key);
    }
    this.#keysOf.delete(sessionId);
  }

  /** Sessions counted in total (tests and the soak benchmark watch that it drains). */
  get size(): number {
    return this.#keysOf.size;
  }

  #pruned(key: string, now: number): Map<string, number> | undefined {
    const live = this.#byKey.get(key);
    if (live === undefined) return undefined;
    for (const [sessionId, seen] of live) {
      if (now - seen < this.#idleMs) break;
      this.release(sessionId);
    }
    return this.#byKey.get(key);
  }
}
