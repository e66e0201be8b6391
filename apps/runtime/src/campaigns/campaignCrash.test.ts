import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonClient } from '../testing/jsonClient.ts';
import { spawnRuntime, type SpawnedRuntime } from '../testing/spawnRuntime.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { campaignBody, publishReminder, uploadCsv, waitForCampaign } from './campaignTestKit.ts';

const TOKEN = 'crash-admin-token-0123456789';
const running: SpawnedRuntime[] = [];
const dirs: string[] = [];

/** Each test spawns runtimes and runs 30–40 calls through the voice gateway: generous on a busy machine. */
const CRASH_TEST_MS = 300_000;
/** How long a spawned runtime may take to listen, and a campaign to finish, on a loaded machine. */
const SPAWN_MS = 90_000;
const FINISH_MS = 180_000;
let postgres: TestPostgres | undefined;
let databases = 0;

afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.stop('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await postgres?.stop();
});

/** Where the runtimes keep campaigns: the SQLite file of the data directory, or one PostgreSQL database. */
type StoreKind = 'sqlite' | 'postgres';

/** Runs a query against the campaign tables the runtimes share. */
type Query = (sql: string) => Promise<Record<string, unknown>[]>;

async function environment(
  kind: StoreKind,
  leaseMs = 3000,
): Promise<{ env: Record<string, string>; dataDir: string; query: Query }> {
  // The processes share the data directory either way: the line simulator's key log is their "phone network".
  const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-campaign-'));
  dirs.push(dataDir);
  let store: Record<string, string> = {};
  let query: Query = async (sql) => {
    const db = new Database(join(dataDir, 'omniflow.db'), { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };
  if (kind === 'postgres') {
    if (!postgres) throw new Error('PostgreSQL was not started');
    const name = `crash_${++databases}`;
    const admin = new Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = postgres.url.replace(/\/postgres$/, `/${name}`);
    store = { STORE: 'postgres', DATABASE_URL: url, OMNIFLOW_SNAPSHOT_KEY: randomBytes(32).toString('base64') };
    query = async (sql) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    };
  }
  return {
    dataDir,
    query,
    env: {
      ...store,
      DATA_DIR: dataDir,
      OMNIFLOW_ADMIN_TOKEN: TOKEN,
      OMNIFLOW_PLUGINS: '',
      OMNIFLOW_CAMPAIGN_LEASE_MS: String(leaseMs),
      OMNIFLOW_SIMULATOR_RING_MS: '40',
      OMNIFLOW_SIMULATOR_SPEED: '4',
    },
  };
}

/** Answered calls that press 1: each runs the flow through the voice gateway for a few hundred ms. */
function answeringList(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `P${i},+1415555${String(1000 + i)},press:1`);
  return ['name,phone,sim', ...rows].join('\n');
}

/** Every placed call of the simulator log: key and number. */
function placedCalls(dataDir: string): { key: string; phone: string }[] {
  return readFileSync(join(dataDir, 'line-simulator.log'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('call '))
    .map((line) => {
      const [, key = '', phone = ''] = line.split(' ');
      return { key, phone };
    });
}

/** Every attempt's claim and end (epoch ms), in claim order. */
async function attemptSpans(query: Query): Promise<{ start: number; end: number }[]> {
  const rows = await query('SELECT claimed_at, ended_at FROM campaign_attempts ORDER BY claimed_at');
  return rows.map((row) => ({ start: Number(row['claimed_at']), end: Number(row['ended_at']) }));
}

/** The most attempts in progress at one moment. */
function maxOverlap(spans: { start: number; end: number }[]): number {
  const edges = spans.flatMap((s) => [
    { at: s.start, step: 1 },
    { at: s.end, step: -1 },
  ]);
  // An end and a start at the same millisecond: the line is free first.
  edges.sort((x, y) => x.at - y.at || x.step - y.step);
  let now = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (now += edge.step));
  return most;
}

async function startCampaign(url: string, contacts: number, pacing: { maxConcurrent: number; callsPerSecond: number }) {
  const api = jsonClient(url, TOKEN);
  await publishReminder(api);
  const id: string = (await api('POST', '/api/campaigns', campaignBody({ pacing }))).body.campaign.id;
  expect((await uploadCsv(api, id, answeringList(contacts))).body.contactCount).toBe(contacts);
  expect((await api('POST', `/api/campaigns/${id}/start`)).status).toBe(200);
  return { api, id };
}

describe.each<StoreKind>(['sqlite', 'postgres'])(
  'campaigns on %s survive a crash and share work across processes',
  (kind) => {
    beforeAll(async () => {
      if (kind === 'postgres') postgres ??= await startTestPostgres();
    }, 60_000);

    it(
      'continues after kill -9: nobody dialed twice, no attempt lost',
      async () => {
        const { env, dataDir, query } = await environment(kind);
        const first = await spawnRuntime(env, SPAWN_MS);
        running.push(first);
        const { api, id } = await startCampaign(first.url, 30, { maxConcurrent: 4, callsPerSecond: 8 });
        await waitForCampaign(api, id, (b) => (b.progress.attempts ?? 0) >= 8);
        await first.stop('SIGKILL');
        const atCrash = placedCalls(dataDir).length;
        expect(atCrash).toBeGreaterThan(0);

        const second = await spawnRuntime(env, SPAWN_MS);
        running.push(second);
        const after = jsonClient(second.url, TOKEN);
        const final = await waitForCampaign(after, id, (b) => b.campaign.status === 'completed', FINISH_MS);
        expect(final.campaign.status).toBe('completed');
        expect(final.progress.finished).toBe(30);

        const calls = placedCalls(dataDir);
        expect(calls.length).toBeGreaterThan(atCrash);
        expect(new Set(calls.map((c) => c.key)).size).toBe(calls.length); // no key placed twice
        expect(new Set(calls.map((c) => c.phone)).size).toBe(calls.length); // nobody dialed twice
        expect(calls.length).toBe(30);
        // Every attempt has its result; the ones cut by the crash count as failed (the failed rule allows one attempt).
        const [open] = await query('SELECT COUNT(*) AS n FROM campaign_attempts WHERE ended_at IS NULL');
        expect(Number(open?.['n'])).toBe(0);
        const [attempts] = await query('SELECT COUNT(*) AS n FROM campaign_attempts');
        expect(Number(attempts?.['n'])).toBe(30);
        expect(final.progress.outcomes['completed'] ?? 0).toBeGreaterThanOrEqual(30 - 4);
      },
      CRASH_TEST_MS,
    );

    it(
      'lets two processes share one campaign without dialing anyone twice',
      async () => {
        // Nobody is killed here: a lease long enough that a loaded machine's late renewal never looks like a crash
        // (a 3 s lease lost one call to orphan adoption at load 20).
        const { env, dataDir, query } = await environment(kind, 20_000);
        const [a, b] = await Promise.all([spawnRuntime(env, SPAWN_MS), spawnRuntime(env, SPAWN_MS)]);
        running.push(a, b);
        const { api, id } = await startCampaign(a.url, 30, { maxConcurrent: 6, callsPerSecond: 10 });
        // The second process finds the running campaign on its own poll.
        const final = await waitForCampaign(api, id, (body) => body.campaign.status === 'completed', FINISH_MS);
        expect(final.progress.outcomes, `${a.output()}\n${b.output()}`).toEqual({ completed: 30 });
        const calls = placedCalls(dataDir);
        expect(new Set(calls.map((c) => c.phone)).size).toBe(30);
        expect(calls).toHaveLength(30);
        const owners = await query('SELECT owner, COUNT(*) AS n FROM campaign_attempts GROUP BY owner');
        expect(owners.length).toBe(2);
        // Pacing holds for the campaign as a whole: 6 lines and 10 calls a second across both processes.
        const spans = await attemptSpans(query);
        // Each claim is stamped with its process's clock before it waits its turn for the campaign's row lock, so an
        // end stamped in that wait can look later than the start it made room for: ends count 100 ms early. (Limits per
        // process would reach 12 lines.)
        expect(maxOverlap(spans.map((s) => ({ start: s.start, end: s.end - 100 })))).toBeLessThanOrEqual(6);
        const first = spans[0]?.start ?? 0;
        const last = spans.at(-1)?.start ?? 0;
        expect((spans.length - 1) / ((last - first) / 1000)).toBeLessThanOrEqual(10 * 1.05);
      },
      CRASH_TEST_MS,
    );

    it(
      'finishes the campaign on the surviving process when one of two is killed with -9',
      async () => {
        const { env, dataDir, query } = await environment(kind);
        const [a, b] = await Promise.all([spawnRuntime(env, SPAWN_MS), spawnRuntime(env, SPAWN_MS)]);
        running.push(a, b);
        const { id } = await startCampaign(a.url, 40, { maxConcurrent: 6, callsPerSecond: 10 });
        const survivor = jsonClient(b.url, TOKEN);
        await waitForCampaign(survivor, id, (body) => (body.progress.attempts ?? 0) >= 10);
        await a.stop('SIGKILL');
        const final = await waitForCampaign(survivor, id, (body) => body.campaign.status === 'completed', FINISH_MS);
        expect(final.progress.finished).toBe(40);
        const calls = placedCalls(dataDir);
        expect(new Set(calls.map((c) => c.phone)).size).toBe(calls.length); // nobody dialed twice
        expect(calls).toHaveLength(40);
        const [open] = await query('SELECT COUNT(*) AS n FROM campaign_attempts WHERE ended_at IS NULL');
        expect(Number(open?.['n'])).toBe(0);
        const [attempts] = await query('SELECT COUNT(*) AS n FROM campaign_attempts');
        expect(Number(attempts?.['n'])).toBe(40);
      },
      CRASH_TEST_MS,
    );
  },
);
