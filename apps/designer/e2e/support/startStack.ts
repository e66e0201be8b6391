import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreBanking } from '@omniflow/core-banking';
import { build } from 'vite';

const designerDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = resolve(designerDir, '../..');

/** A runtime process serving the freshly built designer, on an ephemeral port with a throwaway data dir. */
export interface Stack {
  url: string;
  /** A publisher token from the runtime's loopback auth, for API calls made by the test itself. */
  token: string;
  close(): Promise<void>;
}

/**
 * Builds the designer (skip with `OMNIFLOW_E2E_SKIP_BUILD=1`), starts a fresh sample core bank, then spawns
 * `tsx apps/runtime/src/main.ts` wired to it with a temporary `DATA_DIR` on a free port, serving the build (with the
 * example flows when asked), and waits until it answers.
 */
export async function startStack(options: { seedExamples?: boolean } = {}): Promise<Stack> {
  if (process.env.OMNIFLOW_E2E_SKIP_BUILD !== '1') {
    await build({ root: designerDir, configFile: join(designerDir, 'vite.config.ts'), logLevel: 'warn' });
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-e2e-'));
  // The runtime reaches a bank only by URL; the plugin node tests run against this one's seeded customers.
  const bank = await startCoreBanking();
  const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: join(repoRoot, 'apps/runtime'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      OMNIFLOW_DESIGNER_DIR: join(designerDir, 'dist'),
      OMNIFLOW_SECRET_CORE_BANKING_URL: bank.url,
      OMNIFLOW_SECRET_CORE_BANKING_API_KEY: bank.apiKey,
      OMNIFLOW_SECRET_CORE_BANKING_URL_ALLOW: bank.url,
      OMNIFLOW_SECRET_CORE_BANKING_API_KEY_ALLOW: bank.url,
      // The simulator runs drafts, which get only draft (sandbox) secrets: this bank is a sandbox.
      OMNIFLOW_DRAFT_SECRET_CORE_BANKING_URL: bank.url,
      OMNIFLOW_DRAFT_SECRET_CORE_BANKING_API_KEY: bank.apiKey,
      // The example flows come from their files, and the flight example's handlers from their pack, as ./omniflow start does.
      ...(options.seedExamples
        ? {
            OMNIFLOW_SEED_DIR: join(repoRoot, 'examples/flows'),
            OMNIFLOW_PLUGINS: `@omniflow/plugin-banking,${join(repoRoot, 'examples/handlers/flightsPack.ts')}`,
          }
        : {}),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    const token = await waitForToken(url, child, () => output);
    return {
      url,
      token,
      close: async () => {
        await stop(child);
        await bank.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(child);
    await bank.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function waitForToken(url: string, child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`runtime exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/auth/local`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        const body: unknown = await response.json();
        const token = typeof body === 'object' && body !== null && 'token' in body ? body.token : null;
        if (typeof token === 'string') return token;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`runtime did not answer within 120 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
