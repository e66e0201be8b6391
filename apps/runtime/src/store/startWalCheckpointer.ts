import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A background thread that checkpoints a SQLite WAL file. */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

// Plain JavaScript so the worker runs the same under tsx, vitest and node: it only needs better-sqlite3.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints (which copy pages into the database file and fsync it) off the event loop: a worker
 * thread with its own connection checkpoints every `intervalMs`, so a slow disk never stalls a turn. Calls
 * `onFailure` if the worker dies, so the caller can fall back to SQLite's automatic checkpoints.
 */
export function startWalCheckpointer(file: string, options: { intervalMs?: number; onFailure(error: string): void }): WalCheckpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, file, intervalMs: options.intervalMs ?? 1000 } });
  let stopping = false;
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onFailure(message.error);
  });
  worker.on('error', (error) => options.onFailure(String(error)));
  worker.on('exit', (code) => {
    if (!stopping) options.onFailure(`checkpoint worker exited with ${code}`);
  });
  worker.unref();
  return {
    async stop() {
      stopping = true;
      // Keep the process alive until the worker has gone: with nothing else pending, an unref'd worker let a
      // shutting-down process exit in the middle of close(), before the store and the data dir were closed.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      // eslint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
      if (worker.threadId !== -1) await worker.terminate();
    },
  };
}
