import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../http/ApiError.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { jsonClient } from '../testing/jsonClient.ts';
import { postgresRuntimeEnv, spawnRuntime, type SpawnedRuntime } from '../testing/spawnRuntime.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { pinFlow } from '../testing/testFlows.ts';
import { PostgresSessionCaps } from './PostgresSessionCaps.ts';

// Issue 22, "limits are per process": the live-session caps, counted by every process on one PostgreSQL.

const ADMIN = 'shared-caps-admin-token';
let server: TestPostgres;
const dirs: string[] = [];
const running: SpawnedRuntime[] = [];
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  for (const r of running) await r.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await server?.stop();
});

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 201,
    (error: unknown) => (error instanceof ApiError ? error.status : 500),
  );

describe('PostgresSessionCaps', () => {
  it('lets a start that was never stored lapse, and never admits more than the cap at once', async () => {
    const stores = [await PostgresFlowStore.open(server.url), await PostgresFlowStore.open(server.url)];
    try {
      const limits = { perChannelToken: 2, perClient: 0 };
      const [a, b] = stores.map((s) => new PostgresSessionCaps(s.pool, { idleMs: 60_000, limits, pendingMs: 300 }));
      if (!a || !b) throw new Error('two caps expected');
      const caller = { channelTokenId: 'lapsing', address: '10.0.0.1' };
      // Ten admissions at once from two "processes": two get the slots.
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => statusOf((i % 2 ? a : b).admit(caller, `pending-${i}`))),
      );
      expect(statuses.filter((s) => s === 201)).toHaveLength(2);
      expect(statuses.filter((s) => s === 429)).toHaveLength(8);
      // Their process died before storing the sessions: the slots lapse after the pending time.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await statusOf(a.admit(caller, 'after-lapse'))).toBe(201);
    } finally {
      for (const store of stores) await store.close();
    }
  });
});

describe('live-session caps shared by two runtime processes', () => {
  let a: SpawnedRuntime;
  let b: SpawnedRuntime;
  let token: string;
  beforeAll(async () => {
    const key = randomBytes(32).toString('base64');
    const start = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'omniflow-caps-'));
      dirs.push(dir);
      const runtime = await spawnRuntime({
        ...postgresRuntimeEnv({ databaseUrl: server.url, dataDir: dir, adminToken: ADMIN, snapshotKey: key }),
        OMNIFLOW_MAX_SESSIONS_PER_TOKEN: '4',
      });
      running.push(runtime);
      return runtime;
    };
    a = await start();
    b = await start();
    const admin = jsonClient(a.url, ADMIN);
    await admin('POST', '/api/flows', { flow: pinFlow('capped') });
    await admin('POST', '/api/flows/capped/publish', {});
    token = (await admin('POST', '/api/flows/capped/channel-tokens', { label: 'web' })).body.token;
  }, 90_000);

  const startOn = (runtime: SpawnedRuntime) =>
    jsonClient(runtime.url, token)('POST', '/api/sessions', { flowId: 'capped', channel: 'chat' });

  it('admits the cap across both processes, frees a slot when a session ends, and keeps counting after kill -9', async () => {
    // Eight starts at once, four on each process: a per-process cap of 4 would admit all eight.
    const replies = await Promise.all([a, a, a, a, b, b, b, b].map(startOn));
    const admitted = replies.filter((r) => r.status === 201);
    expect(admitted).toHaveLength(4);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(4);
    expect(refused[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused[0]?.body.errors[0]).toMatchObject({ code: 'TOO_MANY_SESSIONS' });

    // A process holding sessions dies: its sessions live on (the other process continues them) and still count...
    await a.stop('SIGKILL');
    expect((await startOn(b)).status).toBe(429);
    // ...until one ends, on the surviving process: its slot is free for a new start there.
    const ended = admitted[0]?.body.session.sessionId;
    expect((await jsonClient(b.url, token)('POST', `/api/sessions/${ended}/end`)).status).toBe(200);
    expect((await startOn(b)).status).toBe(201);
    expect((await startOn(b)).status).toBe(429);
  }, 60_000);
});
