import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { campaignStoreContract, testCampaignConfig } from './campaignStoreContract.ts';
import type { CampaignStore, ClaimedJob } from './CampaignStore.ts';
import { campaignQueue, PostgresCampaignStore } from './PostgresCampaignStore.ts';

let server: TestPostgres;
let databases = 0;
const open: { flows: PostgresFlowStore; campaigns: PostgresCampaignStore }[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterEach(async () => {
  for (const { flows, campaigns } of open.splice(0)) {
    await campaigns.close();
    await flows.close();
  }
});
afterAll(async () => {
  await server.stop();
});

/** A fresh database: the flow store's migrations (the campaign tables among them) and pg-boss's schema. */
async function freshDatabase(): Promise<string> {
  const name = `campaigns_${++databases}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}

/** One runtime process's view of the database: its own pool, flow store and pg-boss. */
async function processOn(url: string): Promise<PostgresCampaignStore> {
  const flows = await PostgresFlowStore.open(url);
  const campaigns = await PostgresCampaignStore.open(flows.pool);
  open.push({ flows, campaigns });
  return campaigns;
}

campaignStoreContract('PostgresCampaignStore', async () => processOn(await freshDatabase()));

describe('PostgresCampaignStore across processes', () => {
  const at = Date.parse('2026-03-06T15:00:00Z'); // 10:00 in New York

  async function campaignOf(
    store: CampaignStore,
    contacts: number,
    pacing: { maxConcurrent: number; callsPerSecond: number },
  ) {
    await store.create('shared', testCampaignConfig({ name: 'shared', pacing }));
    const list = Array.from({ length: contacts }, (_, i) => ({
      line: i + 2,
      phone: `+1212555${String(1000 + i)}`,
      region: 'US',
      timeZones: ['America/New_York'],
      variables: { name: `P${i}` },
    }));
    await store.replaceContacts(
      'shared',
      list,
      { encoding: 'utf-8', columns: ['name', 'phone'], phoneColumn: 'phone', rows: contacts, problems: [] },
      at,
    );
    await store.setStatus('shared', 'running');
  }

  it('queues one pg-boss job per contact on start and completes it with the claim, in one transaction', async () => {
    const url = await freshDatabase();
    const store = await processOn(url);
    await campaignOf(store, 5, { maxConcurrent: 5, callsPerSecond: 1_000 });
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const states = async () =>
        (
          await db.query<{ state: string; n: string }>(
            'SELECT state, COUNT(*) AS n FROM pgboss.job WHERE name = $1 GROUP BY state ORDER BY state',
            [campaignQueue('shared')],
          )
        ).rows.map((r) => `${r.state}:${r.n}`);
      expect(await states()).toEqual(['created:5']);
      // Every waiting job is kept past now: pg-boss's maintenance archives a waiting job whose start plus retention
      // has passed, so a job starting at the epoch (a contact due at once) vanished unclaimed.
      const kept = await db.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'created' AND keep_until > now() + interval '1 day'`,
        [campaignQueue('shared')],
      );
      expect(kept.rows[0]?.n).toBe('5');
      const claimed = await store.claim('shared', 'me', at, 10_000);
      expect('job' in claimed && claimed.job.key).toBe('shared:0:1');
      expect(await states()).toEqual(['created:4', 'completed:1']);
      // A retry is queued by the transaction that records the end, under the next attempt's key.
      if (!('job' in claimed)) throw new Error('no job');
      await store.finish(claimed.job.key, { kind: 'call', result: 'busy' }, at + 1_000);
      const retry = await db.query<{ key: string; data: { key: string } }>(
        `SELECT singleton_key AS key, data FROM pgboss.job WHERE name = $1 AND state = 'created' AND data->>'seq' = '0'`,
        [campaignQueue('shared')],
      );
      expect(retry.rows.map((r) => r.key)).toEqual(['shared:0:2']);
    } finally {
      await db.end();
    }
  });

  it('lets two processes claim one campaign at once: nobody twice, concurrency and rate held for the campaign', async () => {
    const url = await freshDatabase();
    const [a, b] = [await processOn(url), await processOn(url)];
    const contacts = 40;
    await campaignOf(a, contacts, { maxConcurrent: 6, callsPerSecond: 10 });
    const claimed: { job: ClaimedJob; by: string; at: number }[] = [];
    let clock = at;
    let maxBusy = 0;
    const inCall = new Set<string>();
    // Both processes claim as fast as they can at each tick of a shared injected clock; calls last a second.
    const endsAt = new Map<string, number>();
    for (let tick = 0; tick < 400 && claimed.length < contacts; tick++) {
      clock += 50;
      for (const [key, end] of endsAt)
        if (end <= clock) {
          endsAt.delete(key);
          inCall.delete(key);
          await a.finish(key, { kind: 'call', result: 'completed' }, clock);
        }
      const results = await Promise.all(
        [a, b].flatMap((store, i) =>
          [0, 1, 2].map(async () => ({
            by: i === 0 ? 'a' : 'b',
            result: await store.claim('shared', `p${i}`, clock, 60_000),
          })),
        ),
      );
      for (const { by, result } of results)
        if ('job' in result) {
          claimed.push({ job: result.job, by, at: clock });
          inCall.add(result.job.key);
          endsAt.set(result.job.key, clock + 1_000);
        }
      maxBusy = Math.max(maxBusy, inCall.size);
    }
    expect(claimed).toHaveLength(contacts);
    expect(new Set(claimed.map((c) => c.job.contact.phone)).size).toBe(contacts);
    expect(new Set(claimed.map((c) => c.by))).toEqual(new Set(['a', 'b']));
    expect(maxBusy).toBeLessThanOrEqual(6);
    expect(maxBusy).toBe(6);
    // At most one start per 100 ms slot for the campaign as a whole (the catch-up allows no burst at 50 ms ticks).
    const perTick = new Map<number, number>();
    for (const c of claimed) perTick.set(c.at, (perTick.get(c.at) ?? 0) + 1);
    expect(Math.max(...perTick.values())).toBe(1);
    const span = (claimed.at(-1)?.at ?? 0) - (claimed[0]?.at ?? 0);
    expect(contacts / (span / 1000 + 0.1)).toBeLessThanOrEqual(10.5);
  });
});
