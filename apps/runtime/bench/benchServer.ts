// The server side of `pnpm bench`: the runtime (SQLite, every snapshot persisted) and a bare express echo,
// in a process of their own so the load generator does not share their event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startRuntime } from '../src/startRuntime.ts';

const ADMIN = 'bench-admin-token';
const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-bench-'));
const runtime = await startRuntime(
  loadConfig({
    PORT: '0', DATA_DIR: dataDir, OMNIFLOW_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn', OMNIFLOW_PLUGINS: '',
    OMNIFLOW_SEED_EXAMPLES: 'false', OMNIFLOW_START_CORE_BANKING: 'false', OMNIFLOW_RATE_LIMIT_MAX: '1000000000',
  }),
);

// The bare baseline: express parsing the same JSON body and answering a small JSON reply.
const echo = express();
echo.use(express.json());
echo.post('/echo', (req, res) => void res.json({ outputs: [{ type: 'say', text: 'echo' }], input: req.body }));
echo.get('/memory', (_req, res) => {
  globalThis.gc?.();
  globalThis.gc?.();
  res.json({ heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
});
const echoServer = createServer(echo).listen(0, '127.0.0.1');
await new Promise((resolve) => echoServer.once('listening', resolve));

const menuLoop = {
  id: 'bench', name: 'Bench menu loop', schemaVersion: 1, locales: ['en-US'], defaultLocale: 'en-US', variables: [], start: 'start',
  nodes: [
    { id: 'start', type: 'start', config: {} },
    {
      id: 'menu', type: 'menu',
      config: {
        prompt: { text: { 'en-US': 'Main menu. Balance or cards?' } },
        options: [{ key: '1', label: { 'en-US': 'Balance' } }, { key: '2', label: { 'en-US': 'Cards' } }],
      },
    },
    { id: 'balance', type: 'message', config: { prompt: { text: { 'en-US': 'Your balance is fine.' } } } },
    { id: 'cards', type: 'message', config: { prompt: { text: { 'en-US': 'Your cards are fine.' } } } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'menu' },
    { source: 'menu', port: '1', target: 'balance' },
    { source: 'menu', port: '2', target: 'cards' },
    { source: 'balance', port: 'next', target: 'menu' },
    { source: 'cards', port: 'next', target: 'menu' },
  ],
};
const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
const post = (path: string, body: unknown) => fetch(`${runtime.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) }).then((r) => r.json());
await post('/api/flows', { flow: menuLoop });
const published = (await post('/api/flows/bench/publish', { note: 'bench' })) as { version?: { version: number } };
if (!published.version) throw new Error(`bench flow did not publish: ${JSON.stringify(published)}`);
const channel = (await post('/api/flows/bench/channel-tokens', { label: 'bench' })) as { token: string };

process.stdout.write(`${JSON.stringify({ runtimeUrl: runtime.url, echoUrl: `http://127.0.0.1:${(echoServer.address() as AddressInfo).port}`, token: channel.token })}\n`);

process.once('SIGTERM', () => {
  echoServer.close();
  void runtime.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
