import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignConfig, ClaimedJob, ClaimResult } from './CampaignStore.ts';
import { DEFAULT_STRATEGY } from './retryDecision.ts';
import { SqliteCampaignStore } from './SqliteCampaignStore.ts';

const stores: SqliteCampaignStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const T0 = Date.parse('2026-03-06T12:00:00Z'); // a Friday

function setUp(config: Partial<CampaignConfig> = {}, phones: { phone: string; zones: string[] }[] = []) {
  const store = SqliteCampaignStore.open(':memory:');
  stores.push(store);
  store.create('c', {
    name: 'test',
    flowId: 'f',
    defaultRegion: 'US',
    dialer: 'simulator',
    schedule: {
      startAt: '2026-03-01T00:00:00Z',
      endAt: '2026-04-01T00:00:00Z',
      days: [0, 1, 2, 3, 4, 5, 6],
      holidays: [],
      window: { start: '09:00', end: '20:00' },
    },
    pacing: { maxConcurrent: 2, callsPerSecond: 2 },
    strategy: DEFAULT_STRATEGY,
    ...config,
  });
  store.replaceContacts(
    'c',
    phones.map((p, i) => ({ line: i + 2, phone: p.phone, region: 'US', timeZones: p.zones, variables: {} })),
    { encoding: 'utf-8', columns: ['phone'], phoneColumn: 'phone', rows: phones.length, problems: [] },
    T0,
  );
  store.setStatus('c', 'running');
  return store;
}

function job(result: ClaimResult): ClaimedJob {
  if (!('job' in result)) throw new Error(`no job: ${JSON.stringify(result)}`);
  return result.job;
}

const seoul = (n: number) => ({ phone: `+8210000000${n}`, zones: ['Asia/Seoul'] });
const newYork = (n: number) => ({ phone: `+1212555000${n}`, zones: ['America/New_York'] });

describe('SqliteCampaignStore.claim', () => {
  it('paces starts at callsPerSecond and caps calls in progress', () => {
    const store = setUp({}, [newYork(1), newYork(2), newYork(3)]);
    const T1 = T0 + 3 * 3_600_000; // 10:00 in New York
    const first = job(store.claim('c', 'me', T1, 10_000));
    expect(first.key).toBe('c:0:1');
    expect(store.claim('c', 'me', T1 + 100, 10_000)).toEqual({ waitMs: 400 });
    job(store.claim('c', 'me', T1 + 500, 10_000));
    // Two calls in progress = maxConcurrent: the third waits for a line, whatever the slot says.
    expect(store.claim('c', 'me', T1 + 2_000, 10_000)).toEqual({ waitMs: 50 });
    store.finish(first.key, { kind: 'call', result: 'completed' }, T1 + 2_000);
    expect(job(store.claim('c', 'me', T1 + 2_000, 10_000)).contact.phone).toBe(newYork(3).phone);
  });

  it('calls each contact only inside its own window and files the others to their next opening', () => {
    // 12:00Z is 07:00 in New York (closed) and 21:00 in Seoul (closed).
    const store = setUp({}, [newYork(1), seoul(2)]);
    expect(store.claim('c', 'me', T0, 10_000)).toEqual({ waitMs: 1_000 });
    const contacts = store.contacts('c', { offset: 0, limit: 10 });
    expect(new Date(contacts[0]?.nextAt ?? 0).toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(new Date(contacts[1]?.nextAt ?? 0).toISOString()).toBe('2026-03-07T00:00:00.000Z');
    // Nobody is called before their opening; New York's comes first.
    expect(store.claim('c', 'me', Date.parse('2026-03-06T13:59:00Z'), 10_000)).toEqual({ waitMs: 1_000 });
    expect(job(store.claim('c', 'me', Date.parse('2026-03-06T14:00:00Z'), 10_000)).contact.phone).toBe(
      newYork(1).phone,
    );
    expect(job(store.claim('c', 'me', Date.parse('2026-03-07T00:00:00Z'), 10_000)).contact.phone).toBe(seoul(2).phone);
  });

  it('skips numbers on the do-not-call list at dial time', () => {
    const store = setUp({}, [newYork(1), newYork(2)]);
    store.addDoNotCall('*', newYork(1).phone, 'asked');
    const at = Date.parse('2026-03-06T15:00:00Z');
    expect(job(store.claim('c', 'me', at, 10_000)).contact.phone).toBe(newYork(2).phone);
    expect(store.contacts('c', { offset: 0, limit: 1 })[0]?.outcome).toBe('doNotCall');
  });

  it('records each attempt once under its key, retries per the rule and completes', () => {
    const store = setUp(
      {
        strategy: {
          rules: { ...DEFAULT_STRATEGY.rules, busy: { retryAfterMinutes: 10, maxAttempts: 2, smsFallback: false } },
        },
      },
      [newYork(1)],
    );
    const at = Date.parse('2026-03-06T15:00:00Z');
    const first = job(store.claim('c', 'me', at, 10_000));
    expect(store.finish(first.key, { kind: 'call', result: 'busy' }, at + 1_000)).toBe(true);
    expect(store.finish(first.key, { kind: 'call', result: 'completed' }, at + 1_000)).toBe(false);
    expect(store.claim('c', 'me', at + 2_000, 10_000)).toEqual({ waitMs: 1_000 });
    const second = job(store.claim('c', 'me', at + 11 * 60_000, 10_000));
    expect(second.key).toBe('c:0:2');
    store.finish(second.key, { kind: 'call', result: 'busy' }, at + 12 * 60_000);
    expect(store.claim('c', 'me', at + 12 * 60_000, 10_000)).toEqual({ idle: true });
    expect(store.get('c')?.status).toBe('completed');
    expect(store.progress('c')).toMatchObject({ attempts: 2, finished: 1, outcomes: { busy: 1 } });
  });

  it('hands the attempts of a dead owner to another once the lease ran out', () => {
    const store = setUp({}, [newYork(1)]);
    const at = Date.parse('2026-03-06T15:00:00Z');
    const claimed = job(store.claim('c', 'dead', at, 1_000));
    store.markDialed(claimed.key, at);
    expect(store.adoptOrphans('alive', at + 500, 1_000)).toEqual([]);
    store.renewLeases('dead', [claimed.key], at + 900, 1_000);
    expect(store.adoptOrphans('alive', at + 1_500, 1_000)).toEqual([]);
    expect(store.adoptOrphans('alive', at + 2_000, 1_000)).toEqual([
      { key: claimed.key, kind: 'call', campaignId: 'c', seq: 0, dialed: true },
    ]);
    // Adopted once: the next look finds nothing to take.
    expect(store.adoptOrphans('third', at + 2_100, 1_000)).toEqual([]);
  });
});
