import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNTIME_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** A runtime running as a real child process (`node --import tsx src/main.ts`), as `pnpm start` runs it. */
export interface SpawnedRuntime {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Spawns the runtime with `env` and resolves once it printed its URL. One process (no tsx wrapper process),
 * so `kill -9` really kills the runtime mid-conversation. `nodeArgs` go to node itself (`--cpu-prof`).
 */
export async function spawnRuntime(
  env: Record<string, string>,
  timeoutMs = 30_000,
  nodeArgs: readonly string[] = [],
): Promise<SpawnedRuntime> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: RUNTIME_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`runtime did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const check = (): void => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The environment of a runtime process on a shared PostgreSQL, as every process of one deployment has it. */
export function postgresRuntimeEnv(options: {
  databaseUrl: string;
  dataDir: string;
  adminToken: string;
  snapshotKey: string;
}): Record<string, string> {
  return {
    STORE: 'postgres',
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    OMNIFLOW_ADMIN_TOKEN: options.adminToken,
    OMNIFLOW_SNAPSHOT_KEY: options.snapshotKey,
    OMNIFLOW_PLUGINS: '',
  };
}
