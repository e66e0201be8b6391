// Part of `pnpm bench` (issue 14): starts OMNIFLOW_SOAK_SESSIONS (20,000) chat sessions over HTTP on one runtime, lets
// them all idle out through the idle sweep, and prints RSS and heap at the start, at the peak and after expiry. Fails
// when RSS after expiry is more than 20% above the start. Run with --expose-gc so the readings follow a full GC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startRuntime } from '../src/startRuntime.ts';
import { pinFlow } from '../src/testing/testFlows.ts';

const SESSIONS = Number(process.env['OMNIFLOW_SOAK_SESSIONS'] ?? 20_000);
const CONCURRENCY = 16;
const ADMIN = 'soak-admin-token-0123456789';

const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-soak-'));
const runtime = await startRuntime(
  loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    OMNIFLOW_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'warn',
    OMNIFLOW_PLUGINS: '',
    OMNIFLOW_RATE_LIMIT_MAX: '1000000000',
    OMNIFLOW_MAX_SESSIONS_PER_CLIENT: '0',
    OMNIFLOW_MAX_SESSIONS_PER_TOKEN: '0',
  }),
);
const call = async (path: string, body: unknown, token = ADMIN): Promise<Record<string, unknown>> => {
  const res = await fetch(`${runtime.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
};

/** RSS and heap in MB after full collections (when exposed) and a moment for freed pages to return. */
async function memory(): Promise<{ rss: number; heap: number }> {
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss / 2 ** 20, heap: usage.heapUsed / 2 ** 20 };
}

try {
  await call('/api/flows', { flow: pinFlow('soak') });
  await call('/api/flows/soak/publish', {});
  const channel = String((await call('/api/flows/soak/channel-tokens', {}))['token']);
  // Warm-up: compile caches, JIT and the store's statements are part of the baseline, not of what sessions hold.
  for (let i = 0; i < 200; i += 1) await call('/api/sessions', { flowId: 'soak', channel: 'chat' }, channel);
  await runtime.sweepIdleSessions(new Date(Date.now() + 1000));
  const start = await memory();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SESSIONS) {
        next += 1;
        await call('/api/sessions', { flowId: 'soak', channel: 'chat' }, channel);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = await memory();
  const expired = await runtime.sweepIdleSessions(new Date(Date.now() + 1000));
  const after = await memory();
  const ratio = after.rss / start.rss;
  process.stdout.write(
    [
      `session soak: ${SESSIONS} sessions in ${seconds.toFixed(1)} s, ${expired} expired${globalThis.gc ? '' : ' (no --expose-gc: readings without a forced GC)'}`,
      `  start  RSS ${start.rss.toFixed(0)} MB  heap ${start.heap.toFixed(0)} MB`,
      `  peak   RSS ${peak.rss.toFixed(0)} MB  heap ${peak.heap.toFixed(0)} MB`,
      `  after  RSS ${after.rss.toFixed(0)} MB  heap ${after.heap.toFixed(0)} MB  (${((ratio - 1) * 100).toFixed(0)}% above the start; target ≤ 20%)`,
    ].join('\n') + '\n',
  );
  process.exitCode = ratio <= 1.2 ? 0 : 1;
} finally {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
