import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonClient } from '../testing/jsonClient.ts';
import { postgresRuntimeEnv, spawnRuntime, type SpawnedRuntime } from '../testing/spawnRuntime.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';

// Issue 22, "limits are per process": two real runtime processes on one PostgreSQL.

const ADMIN = 'shared-limits-admin-token';
let server: TestPostgres;
const dirs: string[] = [];
const running: SpawnedRuntime[] = [];
let a: SpawnedRuntime;
let b: SpawnedRuntime;

beforeAll(async () => {
  server = await startTestPostgres();
  const key = randomBytes(32).toString('base64');
  const start = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omniflow-limits-'));
    dirs.push(dir);
    const runtime = await spawnRuntime({
      ...postgresRuntimeEnv({ databaseUrl: server.url, dataDir: dir, adminToken: ADMIN, snapshotKey: key }),
      OMNIFLOW_RATE_LIMIT_MAX: '40',
    });
    running.push(runtime);
    return runtime;
  };
  // One after the other: the first applies the migrations (processes starting together are tested elsewhere).
  a = await start();
  b = await start();
}, 90_000);
afterAll(async () => {
  for (const r of running) await r.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await server?.stop();
});

/** GET `path` with the admin token from the loopback address `from`: each test is its own client to the limiter. */
function statusFrom(from: string, base: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(
      `${base}${path}`,
      { localAddress: from, headers: { authorization: `Bearer ${ADMIN}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    request.on('error', reject);
  });
}

describe('limits shared by two runtime processes on PostgreSQL', () => {
  it('admits one rate limit across both processes, not one per process', async () => {
    // 30 requests to each process from one client: a per-process limit of 40 would admit all 60.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      for (const runtime of [a, b]) statuses.push(await statusFrom('127.0.0.2', runtime.url, '/api/flows'));
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('stops a token revoked on one process on the other within a second', async () => {
    const issued = await jsonClient(a.url, ADMIN)('POST', '/api/tokens', { role: 'viewer', label: 'soon revoked' });
    const token: string = issued.body.token;
    const onB = jsonClient(b.url, token);
    // B looks the token up and caches it.
    expect((await onB('GET', '/api/flows')).status).toBe(200);
    expect((await onB('GET', '/api/flows')).status).toBe(200);
    expect((await jsonClient(a.url, ADMIN)('DELETE', `/api/tokens/${issued.body.record.id}`)).status).toBe(204);
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 5000) {
      status = (await onB('GET', '/api/flows')).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
  });
});
