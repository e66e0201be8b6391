import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonClient, type ApiReply } from './testing/jsonClient.ts';
import { postgresRuntimeEnv, spawnRuntime, type SpawnedRuntime } from './testing/spawnRuntime.ts';
import { startTestPostgres, type TestPostgres } from './testing/startTestPostgres.ts';
import { pinFlow } from './testing/testFlows.ts';

// Issue 22, fault drills: PostgreSQL restarted mid-traffic and the runtime's connections killed. Bounded: 24 callers,
// each holding conversations one after another until the drill is over (so the faults land on traffic in flight
// however fast the machine is), every call retried for at most 30 s.

const ADMIN = 'fault-drill-admin-token';
const CONVERSATIONS = 24;
let server: TestPostgres;
const dirs: string[] = [];
const runtimes: SpawnedRuntime[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
  const key = randomBytes(32).toString('base64');
  for (let i = 0; i < 2; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'omniflow-drill-'));
    dirs.push(dir);
    runtimes.push(
      await spawnRuntime(
        postgresRuntimeEnv({ databaseUrl: server.url, dataDir: dir, adminToken: ADMIN, snapshotKey: key }),
      ),
    );
  }
  const api = jsonClient(runtimes[0]?.url ?? '', ADMIN);
  await api('POST', '/api/flows', { flow: pinFlow('drill') });
  await api('POST', '/api/flows/drill/publish', {});
}, 120_000);
afterAll(async () => {
  for (const r of runtimes) await r.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await server?.stop();
});

/** Calls until an answer that is not a failure of the store or the network, alternating processes, for at most 30 s. */
async function untilAnswered(
  call: (base: string) => Promise<ApiReply>,
  counts: { retries: number },
): Promise<ApiReply> {
  const deadline = Date.now() + 30_000;
  for (let attempt = 0; ; attempt++) {
    const base = runtimes[attempt % runtimes.length]?.url ?? '';
    const reply = await call(base).catch(() => undefined);
    if (reply && reply.status < 500) return reply;
    if (Date.now() > deadline) throw new Error(`no answer in 30 s (last: ${reply?.status ?? 'network error'})`);
    counts.retries += 1;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One conversation: start, menu choice, PIN; each input sent with its idempotency key until it is answered. */
async function converse(n: string, counts: { retries: number }): Promise<string> {
  const started = await untilAnswered(
    (base) => jsonClient(base, ADMIN)('POST', '/api/sessions', { flowId: 'drill', channel: 'dtmf' }),
    counts,
  );
  const id: string = started.body.session.sessionId;
  for (const [step, digits] of [
    ['menu', '1'],
    ['pin', '2580'],
  ] as const) {
    const reply = await untilAnswered(
      (base) =>
        jsonClient(base, ADMIN)(
          'POST',
          `/api/sessions/${id}/input`,
          { input: { type: 'dtmf', digits } },
          { headers: { 'idempotency-key': `${n}-${step}` } },
        ),
      counts,
    );
    expect(reply.status).toBe(200);
    await new Promise((r) => setTimeout(r, 30));
  }
  return id;
}

/** Kills every connection of the runtime processes (`pg_terminate_backend`), as a failover or an admin would. */
async function terminateRuntimeConnections(): Promise<number> {
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  const { rows } = await admin.query(
    'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND usename = current_user',
  );
  await admin.end();
  return rows.length;
}

describe('fault drills on two runtime processes and one PostgreSQL', () => {
  it('completes every conversation exactly once through killed connections and a database restart', async () => {
    const counts = { retries: 0 };
    const drill = { running: true };
    const caller = async (c: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let k = 0; k === 0 || drill.running; k++) ids.push(await converse(`${c}.${k}`, counts));
      return ids;
    };
    const traffic = Promise.all(Array.from({ length: CONVERSATIONS }, (_, c) => caller(c))).then((all) => all.flat());
    await new Promise((r) => setTimeout(r, 300));
    expect(await terminateRuntimeConnections()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    await server.halt();
    await new Promise((r) => setTimeout(r, 1000));
    await server.resume();
    drill.running = false;
    const ids = await traffic.catch((error: unknown) => {
      throw new Error(`${String(error)}\n${runtimes.map((r) => r.output().slice(-3000)).join('\n---\n')}`);
    });

    const api = jsonClient(runtimes[1]?.url ?? '', ADMIN);
    for (const id of ids) {
      const session = (await api('GET', `/api/sessions/${id}`)).body.session;
      // Each input stored once: two turns, two caller entries, never three.
      expect(session).toMatchObject({ status: 'ended', turn: 2 });
      const transcript = (await api('GET', `/api/sessions/${id}/transcript`)).body.transcript;
      expect(transcript.filter((e: { from: string }) => e.from === 'caller')).toHaveLength(2);
    }
    // The drill really hit the traffic: some calls failed and were sent again.
    expect(counts.retries).toBeGreaterThan(0);
    // Both processes still answer after it.
    for (const r of runtimes) expect((await jsonClient(r.url, ADMIN)('GET', '/readyz')).status).toBe(200);
  }, 120_000);
});
