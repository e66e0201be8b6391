import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type RuntimeConfig } from '../config/loadConfig.ts';
import { startRuntime, type RunningRuntime, type StartRuntimeOptions } from '../startRuntime.ts';
import { jsonClient } from './jsonClient.ts';

/** The bootstrap admin token of test runtimes. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A runtime started for a test, with its log lines and a tiny JSON client. */
export interface TestRuntime {
  runtime: RunningRuntime;
  url: string;
  logs: string[];
  /** Calls the API with the admin token (or `token`), answers status, headers and parsed JSON body. */
  api: ReturnType<typeof jsonClient>;
  close(): Promise<void>;
}

/** Starts a runtime on 127.0.0.1:0 over a temp data dir (SQLite unless `env` says otherwise). */
export async function startTestRuntime(
  env: Record<string, string> = {},
  overrides: Partial<RuntimeConfig> = {},
  options: Omit<StartRuntimeOptions, 'logDestination'> = {},
): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-runtime-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l.length > 0),
      );
      done();
    },
  });
  const config: RuntimeConfig = {
    ...loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      OMNIFLOW_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      LOG_LEVEL: 'debug',
      OMNIFLOW_PLUGINS: '',
      ...env,
    }),
    ...overrides,
  };
  const runtime = await startRuntime(config, { ...options, logDestination: sink });
  const url = runtime.url;
  return {
    runtime,
    url,
    logs,
    api: jsonClient(url, TEST_ADMIN_TOKEN),
    async close() {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
