// The server side of `pnpm bench`: the runtime (SQLite, every snapshot persisted), a bare express echo and a bare node:http echo,
// in a process of their own so the load generator does not share their event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startRuntime } from '../src/startRuntime.ts';
import { benchMenuLoop } from './benchMenuLoop.ts';

const ADMIN = 'bench-admin-token';
const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-bench-'));
const runtime = await startRuntime(
  loadConfig({
    PORT: '0', DATA_DIR: dataDir, OMNIFLOW_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'info', OMNIFLOW_PLUGINS: '',
    OMNIFLOW_RATE_LIMIT_MAX: '1000000000',
    // The load comes from one address over one channel token: the live-session caps would measure themselves.
    OMNIFLOW_MAX_SESSIONS_PER_CLIENT: '0', OMNIFLOW_MAX_SESSIONS_PER_TOKEN: '0',
  }),
);

// The bare baseline: express parsing the same JSON body and answering a small JSON reply.
const echo = express();
echo.use(express.json());
echo.post('/echo', (req, res) => void res.json({ outputs: [{ type: 'say', text: 'echo' }], input: req.body }));
// What the server process itself saw since the last reset: event-loop delay (blocking work on the loop), CPU
// time used (machine-independent cost per turn), and GC pauses. Tells the code's latency from the machine's.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
let gcMs = 0;
let gcMajorMs = 0;
let gcMaxMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
    const detail: unknown = 'detail' in entry ? entry.detail : undefined;
    if (typeof detail === 'object' && detail !== null && 'kind' in detail && detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gcMajorMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
let statsFrom = { cpu: process.cpuUsage(), at: performance.now(), gcMs: 0, gcMajorMs: 0 };
echo.post('/stats/reset', (_req, res) => {
  loopDelay.reset();
  statsFrom = { cpu: process.cpuUsage(), at: performance.now(), gcMs, gcMajorMs };
  gcMaxMs = 0;
  res.json({ ok: true });
});
echo.get('/stats', (_req, res) => {
  const cpu = process.cpuUsage(statsFrom.cpu);
  res.json({
    wallMs: performance.now() - statsFrom.at,
    cpuMs: (cpu.user + cpu.system) / 1000,
    gcMs: gcMs - statsFrom.gcMs,
    gcMajorMs: gcMajorMs - statsFrom.gcMajorMs,
    gcMaxMs,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
    loopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  });
});
echo.get('/memory', (_req, res) => {
  globalThis.gc?.();
  globalThis.gc?.();
  res.json({ heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
});
const echoServer = createServer(echo).listen(0, '127.0.0.1');
await new Promise((resolve) => echoServer.once('listening', resolve));

// A second, stricter baseline: node:http alone reading, parsing and answering the same JSON. The runtime answers chat
// turns outside express's router (src/http/turnFastPath.ts), so it is also compared with no framework at all.
const nodeEchoServer = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let input: unknown;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const body = JSON.stringify({ outputs: [{ type: 'say', text: 'echo' }], input });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  });
}).listen(0, '127.0.0.1');
await new Promise((resolve) => nodeEchoServer.once('listening', resolve));

const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
const post = (path: string, body: unknown) => fetch(`${runtime.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) }).then((r) => r.json());
await post('/api/flows', { flow: benchMenuLoop });
const published = (await post('/api/flows/bench/publish', { note: 'bench' })) as { version?: { version: number } };
if (!published.version) throw new Error(`bench flow did not publish: ${JSON.stringify(published)}`);
const channel = (await post('/api/flows/bench/channel-tokens', { label: 'bench' })) as { token: string };

const urlOf = (server: ReturnType<typeof createServer>) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
process.stdout.write(`${JSON.stringify({ runtimeUrl: runtime.url, echoUrl: urlOf(echoServer), nodeEchoUrl: urlOf(nodeEchoServer), token: channel.token })}\n`);

process.once('SIGTERM', () => {
  echoServer.close();
  nodeEchoServer.close();
  void runtime.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
