import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A background thread that checkpoints a SQLite WAL file. */
export interface WalCheckpointer {
  /**
   * Checkpoints the last few frames and makes the next commit rewind the WAL to its start; call it only while this
   * process holds its writes back (the checkpoint would otherwise wait for them).
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

// Plain JavaScript so the worker runs the same under tsx, vitest and node: it only needs better-sqlite3.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let wanted = false;
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (!wanted && result && result.log > workerData.walLimitFrames) {
      // Once more, so the hold only covers what was written during this short pass, not during the long one before.
      db.pragma('wal_checkpoint(PASSIVE)');
      wanted = true;
      parentPort.postMessage({ wantRestart: true });
    }
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'restart') {
    try {
      db.pragma('wal_checkpoint(RESTART)');
    } catch (error) {
      parentPort.postMessage({ error: String(error) });
    }
    wanted = false;
    parentPort.postMessage({ restarted: true });
    return;
  }
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
 *
 * Under sustained writes a passive checkpoint never catches up with the writer, so SQLite never rewinds the WAL
 * and the file grows without end. When it passes `walLimitFrames` pages the worker asks for `onRestartWanted`: the
 * owner holds its writes back and calls `restart()`. The passive checkpoint just before has copied all but the last
 * few frames, so the hold costs one small copy and one fsync of the database file, not a copy of the whole WAL; the
 * file is rewound rather than truncated (a truncate of a large WAL took 30–60 ms), so it stays at about
 * `walLimitFrames` pages.
 */
export function startWalCheckpointer(
  file: string,
  options: { intervalMs?: number; walLimitFrames?: number; onRestartWanted?(): void; onFailure(error: string): void },
): WalCheckpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const workerData = {
    module,
    file,
    intervalMs: options.intervalMs ?? 1000,
    walLimitFrames: options.walLimitFrames ?? 16_384,
  };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  let stopping = false;
  let restarted: (() => void) | undefined;
  worker.on('message', (message: { error?: string; wantRestart?: boolean; restarted?: boolean }) => {
    if (message.error) options.onFailure(message.error);
    if (message.wantRestart) options.onRestartWanted?.();
    if (message.restarted) restarted?.();
  });
  worker.on('error', (error) => options.onFailure(String(error)));
  worker.on('exit', (code) => {
    if (!stopping) options.onFailure(`checkpoint worker exited with ${code}`);
  });
  worker.unref();
  return {
    restart() {
      return new Promise<void>((resolve) => {
        // A worker that does not answer must not hold the owner's writes back for long.
        const timer = setTimeout(done, 2000);
        function done(): void {
          clearTimeout(timer);
          restarted = undefined;
          resolve();
        }
        restarted = done;
        // eslint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
        worker.postMessage('restart');
      });
    },
    async stop() {
      stopping = true;
      // A restart asked for just before stopping is answered now rather than by its timeout.
      restarted?.();
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
