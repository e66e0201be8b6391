import { randomBytes } from 'node:crypto';
import { startTestPostgres, type TestPostgres } from './startTestPostgres.ts';
import { startTestRuntime, type TestRuntime } from './startTestRuntime.ts';

/** Runtimes of one deployment on a test PostgreSQL, as several processes behind a load balancer. */
export interface TestDeployment {
  server: TestPostgres;
  runtimes: TestRuntime[];
  close(): Promise<void>;
}

/** Starts a PostgreSQL and `count` runtimes on it, one after the other, sharing the snapshot key (and `env`). */
export async function startTestRuntimesOnPostgres(
  count: number,
  env: Record<string, string> = {},
): Promise<TestDeployment> {
  const server = await startTestPostgres();
  const shared = {
    STORE: 'postgres',
    DATABASE_URL: server.url,
    OMNIFLOW_SNAPSHOT_KEY: randomBytes(32).toString('base64'),
    ...env,
  };
  const runtimes: TestRuntime[] = [];
  for (let i = 0; i < count; i++) runtimes.push(await startTestRuntime(shared));
  return {
    server,
    runtimes,
    async close() {
      for (const runtime of runtimes) await runtime.close();
      await server.stop();
    },
  };
}
