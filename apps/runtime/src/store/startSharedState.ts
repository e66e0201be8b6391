import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { TokenService } from '../auth/TokenService.ts';
import { PostgresRateLimitStore } from '../http/PostgresRateLimitStore.ts';
import type { FlowStore } from './FlowStore.ts';
import type { SessionCapLimits, SessionCaps } from '../sessions/LiveSessionCaps.ts';
import { PostgresSessionCaps } from '../sessions/PostgresSessionCaps.ts';
import { PostgresFlowStore, TOKENS_CHANNEL } from './PostgresFlowStore.ts';
import { PostgresListener } from './PostgresListener.ts';

/** What processes sharing one PostgreSQL share besides the flow store (nothing on SQLite: one process). */
export interface SharedState {
  /** The API rate limit's counts, shared by every process; absent: this process's memory. */
  rateLimitStore?: Store;
  /** The live-session caps, shared by every process; absent: this process's own `LiveSessionCaps`. */
  sessionCaps?: (options: { idleMs: number; limits: SessionCapLimits }) => SessionCaps;
  /** The process's LISTEN connection on PostgreSQL (live contact-center events use it too). */
  listener?: PostgresListener;
  close(): Promise<void>;
}

/**
 * On PostgreSQL: one rate limit and one set of live-session caps for all processes (counts in the database) and
 * token revocations announced to every process (LISTEN/NOTIFY). On SQLite nothing changes.
 */
export async function startSharedState(
  store: FlowStore,
  databaseUrl: string | undefined,
  tokens: TokenService,
  logger: Logger,
): Promise<SharedState> {
  if (!(store instanceof PostgresFlowStore) || databaseUrl === undefined) return { close: async () => undefined };
  const listener = await PostgresListener.start(databaseUrl, [TOKENS_CHANNEL], logger);
  tokens.followRevocations(listener, TOKENS_CHANNEL);
  return {
    rateLimitStore: new PostgresRateLimitStore(store.pool),
    sessionCaps: (options) => new PostgresSessionCaps(store.pool, options),
    listener,
    close: () => listener.close(),
  };
}
