import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonClient } from '../testing/jsonClient.ts';
import { spawnRuntime, type SpawnedRuntime } from '../testing/spawnRuntime.ts';
import { campaignBody, publishReminder, uploadCsv, waitForCampaign } from './campaignTestKit.ts';

const TOKEN = 'crash-admin-token-0123456789';
const running: SpawnedRuntime[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.stop('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function environment(): { env: Record<string, string>; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-campaign-'));
  dirs.push(dataDir);
  return {
    dataDir,
    env: {
      DATA_DIR: dataDir,
      OMNIFLOW_ADMIN_TOKEN: TOKEN,
      OMNIFLOW_PLUGINS: '',
      OMNIFLOW_CAMPAIGN_LEASE_MS: '3000',
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

async function startCampaign(url: string, contacts: number, pacing: { maxConcurrent: number; callsPerSecond: number }) {
  const api = jsonClient(url, TOKEN);
  await publishReminder(api);
  const id: string = (await api('POST', '/api/campaigns', campaignBody({ pacing }))).body.campaign.id;
  expect((await uploadCsv(api, id, answeringList(contacts))).body.contactCount).toBe(contacts);
  expect((await api('POST', `/api/campaigns/${id}/start`)).status).toBe(200);
  return { api, id };
}

describe('campaigns survive a crash and share work across processes', () => {
  it('continues after kill -9: nobody dialed twice, no attempt lost', async () => {
    const { env, dataDir } = environment();
    const first = await spawnRuntime(env);
    running.push(first);
    const { api, id } = await startCampaign(first.url, 30, { maxConcurrent: 4, callsPerSecond: 8 });
    await waitForCampaign(api, id, (b) => (b.progress.attempts ?? 0) >= 8);
    await first.stop('SIGKILL');
    const atCrash = placedCalls(dataDir).length;
    expect(atCrash).toBeGreaterThan(0);

    const second = await spawnRuntime(env);
    running.push(second);
    const after = jsonClient(second.url, TOKEN);
    const final = await waitForCampaign(after, id, (b) => b.campaign.status === 'completed', 90_000);
    expect(final.campaign.status).toBe('completed');
    expect(final.progress.finished).toBe(30);

    const calls = placedCalls(dataDir);
    expect(calls.length).toBeGreaterThan(atCrash);
    expect(new Set(calls.map((c) => c.key)).size).toBe(calls.length); // no key placed twice
    expect(new Set(calls.map((c) => c.phone)).size).toBe(calls.length); // nobody dialed twice
    expect(calls.length).toBe(30);
    // Every attempt has its result; the ones cut by the crash count as failed (the failed rule allows one attempt).
    const db = new Database(join(dataDir, 'omniflow.db'), { readonly: true });
    try {
      const open = db.prepare('SELECT COUNT(*) AS n FROM campaign_attempts WHERE ended_at IS NULL').get() as {
        n: number;
      };
      expect(open.n).toBe(0);
      const attempts = db.prepare('SELECT COUNT(*) AS n FROM campaign_attempts').get() as { n: number };
      expect(attempts.n).toBe(30);
    } finally {
      db.close();
    }
    expect(final.progress.outcomes['completed'] ?? 0).toBeGreaterThanOrEqual(30 - 4);
  });

  it('lets two processes share one campaign without dialing anyone twice', async () => {
    const { env, dataDir } = environment();
    const [a, b] = await Promise.all([spawnRuntime(env), spawnRuntime(env)]);
    running.push(a, b);
    const { api, id } = await startCampaign(a.url, 30, { maxConcurrent: 6, callsPerSecond: 10 });
    // The second process finds the running campaign on its own poll.
    const final = await waitForCampaign(api, id, (body) => body.campaign.status === 'completed', 90_000);
    expect(final.progress.outcomes, `${a.output()}\n${b.output()}`).toEqual({ completed: 30 });
    const calls = placedCalls(dataDir);
    expect(new Set(calls.map((c) => c.phone)).size).toBe(30);
    expect(calls).toHaveLength(30);
    const db = new Database(join(dataDir, 'omniflow.db'), { readonly: true });
    try {
      const owners = db.prepare('SELECT owner, COUNT(*) AS n FROM campaign_attempts GROUP BY owner').all();
      expect(owners.length).toBe(2);
    } finally {
      db.close();
    }
  });
});
