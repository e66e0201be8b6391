import { describe, expect, it } from 'vitest';
import type { CampaignConfig, CampaignStore, ClaimedJob, ClaimResult } from './CampaignStore.ts';
import { DEFAULT_STRATEGY } from './retryDecision.ts';

const T0 = Date.parse('2026-03-06T12:00:00Z'); // a Friday

function job(result: ClaimResult): ClaimedJob {
  if (!('job' in result)) throw new Error(`no job: ${JSON.stringify(result)}`);
  return result.job;
}

function waitOf(result: ClaimResult): number {
  if (!('waitMs' in result)) throw new Error(`no wait: ${JSON.stringify(result)}`);
  return result.waitMs;
}

const seoul = (n: number) => ({ phone: `+8210000000${n}`, zones: ['Asia/Seoul'] });
const newYork = (n: number) => ({ phone: `+1212555000${n}`, zones: ['America/New_York'] });

/** A campaign of March 2026 calling 09:00–20:00 local every day, 2 lines at 2 calls a second. */
export function testCampaignConfig(overrides: Partial<CampaignConfig> = {}): CampaignConfig {
  return {
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
    ...overrides,
  };
}

/**
 * What every campaign store must do, run against each implementation (SQLite, PostgreSQL with pg-boss) with an
 * injected clock: `open` gives a fresh, empty store.
 */
export function campaignStoreContract(name: string, open: () => Promise<CampaignStore>): void {
  describe(`${name}.claim`, () => {
    async function setUp(config: Partial<CampaignConfig> = {}, phones: { phone: string; zones: string[] }[] = []) {
      const store = await open();
      await store.create('c', testCampaignConfig(config));
      await store.replaceContacts(
        'c',
        phones.map((p, i) => ({ line: i + 2, phone: p.phone, region: 'US', timeZones: p.zones, variables: {} })),
        { encoding: 'utf-8', columns: ['phone'], phoneColumn: 'phone', rows: phones.length, problems: [] },
        T0,
      );
      await store.setStatus('c', 'running');
      return store;
    }

    it('paces starts at callsPerSecond and caps calls in progress', async () => {
      const store = await setUp({}, [newYork(1), newYork(2), newYork(3)]);
      const T1 = T0 + 3 * 3_600_000; // 10:00 in New York
      const first = job(await store.claim('c', 'me', T1, 10_000));
      expect(first.key).toBe('c:0:1');
      expect(await store.claim('c', 'me', T1 + 100, 10_000)).toEqual({ waitMs: 400 });
      job(await store.claim('c', 'me', T1 + 500, 10_000));
      // Two calls in progress = maxConcurrent: the third waits for a line, whatever the slot says.
      expect(await store.claim('c', 'me', T1 + 2_000, 10_000)).toEqual({ waitMs: 50 });
      await store.finish(first.key, { kind: 'call', result: 'completed' }, T1 + 2_000);
      expect(job(await store.claim('c', 'me', T1 + 2_000, 10_000)).contact.phone).toBe(newYork(3).phone);
    });

    it('keeps fractional pacing slots (3 calls a second is a start every 333.3 ms)', async () => {
      const store = await setUp({ pacing: { maxConcurrent: 5, callsPerSecond: 3 } }, [
        newYork(1),
        newYork(2),
        newYork(3),
      ]);
      const T1 = T0 + 3 * 3_600_000;
      job(await store.claim('c', 'me', T1, 10_000));
      expect(waitOf(await store.claim('c', 'me', T1 + 300, 10_000))).toBeCloseTo(1000 / 3 - 300, 3);
      job(await store.claim('c', 'me', T1 + 334, 10_000));
      expect(waitOf(await store.claim('c', 'me', T1 + 600, 10_000))).toBeCloseTo(2000 / 3 - 600, 3);
    });

    it('calls each contact only inside its own window and files the others to their next opening', async () => {
      // 12:00Z is 07:00 in New York (closed) and 21:00 in Seoul (closed).
      const store = await setUp({}, [newYork(1), seoul(2)]);
      expect(await store.claim('c', 'me', T0, 10_000)).toEqual({ waitMs: 1_000 });
      const contacts = await store.contacts('c', { offset: 0, limit: 10 });
      expect(new Date(contacts[0]?.nextAt ?? 0).toISOString()).toBe('2026-03-06T14:00:00.000Z');
      expect(new Date(contacts[1]?.nextAt ?? 0).toISOString()).toBe('2026-03-07T00:00:00.000Z');
      // Nobody is called before their opening; New York's comes first.
      expect(await store.claim('c', 'me', Date.parse('2026-03-06T13:59:00Z'), 10_000)).toEqual({ waitMs: 1_000 });
      expect(job(await store.claim('c', 'me', Date.parse('2026-03-06T14:00:00Z'), 10_000)).contact.phone).toBe(
        newYork(1).phone,
      );
      expect(job(await store.claim('c', 'me', Date.parse('2026-03-07T00:00:00Z'), 10_000)).contact.phone).toBe(
        seoul(2).phone,
      );
    });

    it('skips numbers on the do-not-call list at dial time', async () => {
      const store = await setUp({}, [newYork(1), newYork(2)]);
      await store.addDoNotCall('*', newYork(1).phone, 'asked');
      const at = Date.parse('2026-03-06T15:00:00Z');
      expect(job(await store.claim('c', 'me', at, 10_000)).contact.phone).toBe(newYork(2).phone);
      expect((await store.contacts('c', { offset: 0, limit: 1 }))[0]?.outcome).toBe('doNotCall');
    });

    it('records each attempt once under its key, retries per the rule and completes', async () => {
      const store = await setUp(
        {
          strategy: {
            rules: { ...DEFAULT_STRATEGY.rules, busy: { retryAfterMinutes: 10, maxAttempts: 2, smsFallback: false } },
          },
        },
        [newYork(1)],
      );
      const at = Date.parse('2026-03-06T15:00:00Z');
      const first = job(await store.claim('c', 'me', at, 10_000));
      expect(await store.finish(first.key, { kind: 'call', result: 'busy' }, at + 1_000)).toBe(true);
      expect(await store.finish(first.key, { kind: 'call', result: 'completed' }, at + 1_000)).toBe(false);
      expect(await store.claim('c', 'me', at + 2_000, 10_000)).toEqual({ waitMs: 1_000 });
      const second = job(await store.claim('c', 'me', at + 11 * 60_000, 10_000));
      expect(second.key).toBe('c:0:2');
      await store.finish(second.key, { kind: 'call', result: 'busy' }, at + 12 * 60_000);
      expect(await store.claim('c', 'me', at + 12 * 60_000, 10_000)).toEqual({ idle: true });
      expect((await store.get('c'))?.status).toBe('completed');
      expect(await store.progress('c')).toMatchObject({ attempts: 2, finished: 1, outcomes: { busy: 1 } });
    });

    it('claims nothing while paused, goes on after a resume and finishes the waiting contacts on a stop', async () => {
      const store = await setUp({}, [newYork(1), newYork(2), newYork(3)]);
      const at = Date.parse('2026-03-06T15:00:00Z');
      await store.setStatus('c', 'paused');
      expect(await store.claim('c', 'me', at, 10_000)).toEqual({ idle: true });
      await store.setStatus('c', 'running');
      const first = job(await store.claim('c', 'me', at, 10_000));
      expect(first.key).toBe('c:0:1');
      await store.setStatus('c', 'stopped');
      expect(await store.claim('c', 'me', at + 5_000, 10_000)).toEqual({ idle: true });
      // The call on the line ends on its own and is recorded; nobody else is called.
      expect(await store.finish(first.key, { kind: 'call', result: 'busy' }, at + 6_000)).toBe(true);
      const contacts = await store.contacts('c', { offset: 0, limit: 10 });
      expect(contacts.map((c) => c.outcome)).toEqual(['busy', 'stopped', 'stopped']);
      expect(await store.progress('c')).toMatchObject({ attempts: 1, finished: 3 });
    });

    it('hands the attempts of a dead owner to another once the lease ran out', async () => {
      const store = await setUp({}, [newYork(1)]);
      const at = Date.parse('2026-03-06T15:00:00Z');
      const claimed = job(await store.claim('c', 'dead', at, 1_000));
      await store.markDialed(claimed.key, at);
      expect(await store.adoptOrphans('alive', at + 500, 1_000)).toEqual([]);
      await store.renewLeases('dead', [claimed.key], at + 900, 1_000);
      expect(await store.adoptOrphans('alive', at + 1_500, 1_000)).toEqual([]);
      expect(await store.adoptOrphans('alive', at + 2_000, 1_000)).toEqual([
        { key: claimed.key, kind: 'call', campaignId: 'c', seq: 0, dialed: true },
      ]);
      // Adopted once: the next look finds nothing to take.
      expect(await store.adoptOrphans('third', at + 2_100, 1_000)).toEqual([]);
    });
  });
}
