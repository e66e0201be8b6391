import type { Options } from 'express-rate-limit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { PostgresRateLimitStore } from './PostgresRateLimitStore.ts';

// Issue 22: one rate limit for every process, without a database round trip on every request. Each store below has
// its own pool, as two runtime processes have.

let server: TestPostgres;
const stores: PostgresFlowStore[] = [];
beforeAll(async () => {
  server = await startTestPostgres();
  stores.push(await PostgresFlowStore.open(server.url), await PostgresFlowStore.open(server.url));
}, 60_000);
afterAll(async () => {
  for (const store of stores) await store.close();
  await server?.stop();
});

/** A limiter store of "process" `index`, initialised as express-rate-limit does with the given window and limit. */
function limiterOf(index: number, limit: number, clock?: () => number): PostgresRateLimitStore {
  const store = stores[index];
  if (!store) throw new Error(`no store ${index}`);
  const limiter = new PostgresRateLimitStore(store.pool, clock ? { now: clock } : {});
  // The library passes its whole options object; the store reads only these two.
  limiter.init({ windowMs: 60_000, limit } as Options);
  return limiter;
}

const admitted = (hits: { totalHits: number }[], limit: number) => hits.filter((h) => h.totalHits <= limit).length;

describe('PostgresRateLimitStore', () => {
  it('admits exactly the limit across two processes hit at the same time', async () => {
    const [a, b] = [limiterOf(0, 50), limiterOf(1, 50)];
    const hits = await Promise.all(
      Array.from({ length: 160 }, (_, i) => ((i * 7) % 3 === 0 ? a : b).increment('client-at-once')),
    );
    expect(admitted(hits, 50)).toBe(50);
    a.shutdown();
    b.shutdown();
  });

  it('asks the database once per block, not once per request', async () => {
    const limiter = limiterOf(0, 6000);
    const pool = stores[0]?.pool;
    if (!pool) throw new Error('no pool');
    const queries = vi.spyOn(pool, 'query');
    try {
      const hits = [];
      for (let i = 0; i < 200; i++) hits.push(await limiter.increment('client-batched'));
      expect(admitted(hits, 6000)).toBe(200);
      // The first hit reserves an eighth of 6000 (750): the next 199 need no query.
      const reservations = queries.mock.calls.filter(([query]) => JSON.stringify(query).includes('rate-limit-reserve'));
      expect(reservations).toHaveLength(1);
      expect(hits.at(-1)?.totalHits).toBe(200);
    } finally {
      queries.mockRestore();
      limiter.shutdown();
    }
  });

  it('gives an idle process’s unused block back, so the other one reaches the whole limit', async () => {
    let now = Date.now();
    const a = limiterOf(0, 40, () => now);
    const b = limiterOf(1, 40, () => now);
    // A takes one hit and holds the rest of its block (4 of 5): B alone reaches 35 of the 40, and (refused hits
    // count too, as in every express-rate-limit store) would be refused from there on.
    expect((await a.increment('client-moves')).totalHits).toBeLessThanOrEqual(40);
    const onB = [];
    for (let i = 0; i < 35; i++) onB.push(await b.increment('client-moves'));
    expect(admitted(onB, 40)).toBe(35);
    now += 1000;
    await a.returnIdle();
    const later = [];
    for (let i = 0; i < 10; i++) later.push(await b.increment('client-moves'));
    expect(admitted(later, 40)).toBe(4);
    a.shutdown();
    b.shutdown();
  });
});
