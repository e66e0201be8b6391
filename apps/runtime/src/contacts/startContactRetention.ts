import type { Logger } from 'pino';
import type { ContactStore } from './ContactStore.ts';

/** A running retention job. */
export interface ContactRetention {
  /** Deletes everything past retention now, batch by batch; answers how many sessions went. */
  runOnce(): Promise<number>;
  stop(): void;
}

const DAY_MS = 86_400_000;

/**
 * Deletes contacts, their transcripts and sessions that ended more than `days` ago (`OMNIFLOW_CONTACT_RETENTION_DAYS`),
 * every `intervalMs`, in batches of `batchSize` sessions, each its own short transaction with the event loop free
 * between them, so turns are never held behind one long delete. `days` 0 keeps everything; `now` is injected for tests.
 */
export function startContactRetention(options: {
  contacts: ContactStore;
  days: number;
  logger: Logger;
  now?: () => Date;
  intervalMs?: number;
  batchSize?: number;
}): ContactRetention {
  const { contacts, days, logger } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  let running: Promise<number> | undefined;
  let stopped = false;

  const sweep = async (): Promise<number> => {
    if (days <= 0) return 0;
    const cutoff = new Date(now().getTime() - days * DAY_MS);
    let total = 0;
    for (;;) {
      const removed = await contacts.deleteBatchOlderThan(cutoff, batchSize);
      total += removed;
      if (removed < batchSize || stopped) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (total > 0) logger.info({ sessions: total, retentionDays: days }, 'contacts past retention deleted');
    return total;
  };
  const runOnce = (): Promise<number> => {
    running ??= sweep().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer =
    days > 0
      ? setInterval(
          () =>
            void runOnce().catch((error: unknown) => logger.error({ err: String(error) }, 'contact retention failed')),
          options.intervalMs ?? 3_600_000,
        )
      : undefined;
  timer?.unref();
  return {
    runOnce,
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
