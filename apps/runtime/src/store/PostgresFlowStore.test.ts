import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresRuntimeEnv, spawnRuntime, type SpawnedRuntime } from '../testing/spawnRuntime.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { jsonClient } from '../testing/jsonClient.ts';
import { LONG_PIN, pinFlow } from '../testing/testFlows.ts';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { describeFlowStoreContract } from './flowStoreContract.ts';
import { PostgresFlowStore } from './PostgresFlowStore.ts';

// A real PostgreSQL 15 (Debian package postgresql-15); missing binaries fail this file with the package name.
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describeFlowStoreContract('PostgreSQL 15', async () => PostgresFlowStore.open(server.url));

describe('two runtime processes on one PostgreSQL', () => {
  const ADMIN = 'scale-out-admin-token';
  // Both processes seal and open each other's snapshots, so they share the key through config.
  const SNAPSHOT_KEY = randomBytes(32).toString('base64');
  const dirs: string[] = [];
  const running: SpawnedRuntime[] = [];
  afterAll(async () => {
    for (const r of running) await r.stop('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const api = (base: string, method: string, path: string, body?: unknown) =>
    jsonClient(base, ADMIN)(method, path, body);

  const start = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omniflow-scale-'));
    dirs.push(dir);
    const runtime = await spawnRuntime(
      postgresRuntimeEnv({ databaseUrl: server.url, dataDir: dir, adminToken: ADMIN, snapshotKey: SNAPSHOT_KEY }),
    );
    running.push(runtime);
    return runtime;
  };

  it('continues a session started on one runtime on the other, and back', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect((await api(a.url, 'POST', '/api/flows', { flow: pinFlow('shared', LONG_PIN.length) })).status).toBe(201);
    expect((await api(b.url, 'POST', '/api/flows/shared/publish', {})).body.version.version).toBe(1);

    const id: string = (await api(a.url, 'POST', '/api/sessions', { flowId: 'shared', channel: 'chat' })).body.session
      .sessionId;
    const onA = await api(a.url, 'POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: '1' } });
    expect(onA.body.session.nodeId).toBe('askPin');
    // A PIN too short on B: asked again, one turn further than the copy A keeps in memory.
    const onB = await api(b.url, 'POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: '12' } });
    expect([onB.status, onB.body.session.nodeId]).toEqual([200, 'askPin']);
    // A reads the session through on PostgreSQL every turn, so it resumes from B's snapshot, not from its own copy.
    const backOnA = await api(a.url, 'POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: LONG_PIN } });
    expect([backOnA.status, backOnA.body.session.status]).toEqual([200, 'ended']);
    const transcript = (await api(b.url, 'GET', `/api/sessions/${id}/transcript`)).body.transcript;
    expect(transcript.filter((e: { from: string }) => e.from === 'caller')).toHaveLength(3);
    expect((await api(b.url, 'GET', '/readyz')).body).toMatchObject({ ok: true, store: 'postgres' });

    // The PIN was entered, yet the sessions and transcripts tables hold it nowhere in clear.
    const db = new Client({ connectionString: server.url });
    await db.connect();
    try {
      const raw = await db.query<{ dump: string }>(
        'SELECT (SELECT json_agg(s)::text FROM sessions s) || (SELECT json_agg(t)::text FROM transcripts t) AS dump',
      );
      const dump = raw.rows[0]?.dump ?? '';
      expect(dump).toContain(id);
      expect(dump).not.toContain(LONG_PIN);
    } finally {
      await db.end();
    }
  }, 90_000);
});
