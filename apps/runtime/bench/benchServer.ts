// The server side of `pnpm bench`: the runtime (SQLite, every snapshot persisted), a bare express echo and a bare node:http echo,
// in a process of their own so the load generator does not share their event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startRuntime } from '../src/startRuntime.ts';
import { benchMenuLoop } from './benchMenuLoop.ts';
import { processStatsRouter } from './processStats.ts';

const ADMIN = 'bench-admin-token';
const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-bench-'));
const runtime = await startRuntime(
  loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    OMNIFLOW_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'info',
    OMNIFLOW_PLUGINS: '',
    OMNIFLOW_RATE_LIMIT_MAX: '1000000000',
    // The load comes from one address over one channel token: the live-session caps would measure themselves.
    OMNIFLOW_MAX_SESSIONS_PER_CLIENT: '0',
    OMNIFLOW_MAX_SESSIONS_PER_TOKEN: '0',
  }),
);

// The bare baseline: express parsing the same JSON body and answering a small JSON reply.
const echo = express();
echo.use(express.json());
echo.post('/echo', (req, res) => void res.json({ outputs: [{ type: 'say', text: 'echo' }], input: req.body }));
// CPU, GC and event-loop delay of this process, for the load generator to read between rounds.
echo.use(processStatsRouter());
const echoServer = createServer(echo).listen(0, '127.0.0.1');
await new Promise((resolve) => echoServer.once('listening', resolve));

// A second, stricter baseline: node:http alone reading, parsing and answering the same JSON: what express itself costs.
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
    res
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
      .end(body);
  });
}).listen(0, '127.0.0.1');
await new Promise((resolve) => nodeEchoServer.once('listening', resolve));

const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
const post = (path: string, body: unknown) =>
  fetch(`${runtime.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) }).then((r) => r.json());
await post('/api/flows', { flow: benchMenuLoop });
const published = (await post('/api/flows/bench/publish', { note: 'bench' })) as { version?: { version: number } };
if (!published.version) throw new Error(`bench flow did not publish: ${JSON.stringify(published)}`);
const channel = (await post('/api/flows/bench/channel-tokens', { label: 'bench' })) as { token: string };

const urlOf = (server: ReturnType<typeof createServer>) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
process.stdout.write(
  `${JSON.stringify({ runtimeUrl: runtime.url, echoUrl: urlOf(echoServer), nodeEchoUrl: urlOf(nodeEchoServer), token: channel.token })}\n`,
);

process.once('SIGTERM', () => {
  echoServer.close();
  nodeEchoServer.close();
  void runtime.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
