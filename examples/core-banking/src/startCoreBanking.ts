import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openCoreBankingDatabase } from './coreBankingDatabase.ts';
import { createCoreBankingApp } from './createCoreBankingApp.ts';

/** The API key the service accepts when none is configured; for local development only. */
export const DEFAULT_CORE_BANKING_API_KEY = 'dev-core-banking-key';

/** Options of {@link startCoreBanking}. */
export interface CoreBankingOptions {
  /** TCP port; `0` (the default) picks a free one. */
  port?: number;
  /** Host to bind; default `127.0.0.1`. */
  host?: string;
  /** SQLite file; default `:memory:` (a fresh seeded database per start). */
  dbFile?: string;
  apiKey?: string;
  now?: () => Date;
  replacementBusinessDays?: number;
  /** Delay of every state-changing reply after its change is committed; default 0 (see `CORE_BANKING_REPLY_DELAY_MS`). */
  replyDelayMs?: number;
}

/** A running core-banking service. */
export interface CoreBankingService {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/** Starts the sample core-banking HTTP service over a migrated, seeded SQLite database. */
export async function startCoreBanking(options: CoreBankingOptions = {}): Promise<CoreBankingService> {
  const apiKey = options.apiKey ?? DEFAULT_CORE_BANKING_API_KEY;
  const db = openCoreBankingDatabase(options.dbFile ?? ':memory:');
  const app = createCoreBankingApp(db, {
    apiKey,
    now: options.now ?? (() => new Date()),
    replacementBusinessDays: options.replacementBusinessDays ?? 5,
    replyDelayMs: options.replyDelayMs ?? 0,
  });
  const server = createServer(app);
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : options.port;
  return {
    url: `http://${host}:${port}`,
    apiKey,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          db.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
