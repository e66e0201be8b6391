import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { PostgresListener } from '../store/PostgresListener.ts';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { CenterLeadership } from './CenterLeadership.ts';
import type { CenterEvent } from './ContactCenterEvents.ts';
import { PostgresCenterEvents } from './PostgresCenterEvents.ts';

// Issue 16, point 7: the live-event bus and the routing lock of several processes on one PostgreSQL. Each "process"
// here is its own pool and LISTEN connection, as separate runtime processes have.
const logger = pino({ level: 'silent' });
let server: TestPostgres;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  for (const cleanup of cleanups.toReversed()) await cleanup();
  await server?.stop();
});

async function startProcess(): Promise<{ bus: PostgresCenterEvents; store: PostgresFlowStore }> {
  const store = await PostgresFlowStore.open(server.url);
  const listener = await PostgresListener.start(server.url, [], logger);
  const bus = await PostgresCenterEvents.start(store.pool, listener, logger);
  cleanups.push(async () => {
    await bus.close();
    await listener.close();
    await store.close();
  });
  return { bus, store };
}

/** Resolves with the first `count` events of a topic a bus delivers. */
function collect(bus: PostgresCenterEvents, topic: string, count: number): Promise<CenterEvent[]> {
  const seen: CenterEvent[] = [];
  return new Promise((resolve) => {
    const off = bus.subscribe(topic, (event) => {
      seen.push(event);
      if (seen.length < count) return;
      off();
      resolve(seen);
    });
  });
}

describe('PostgresCenterEvents', () => {
  it('delivers events to the other process in publishing order, and once to its own subscribers', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const atB = collect(b.bus, 'contact:c1', 300);
    const atA: CenterEvent[] = [];
    a.bus.subscribe('contact:c1', (event) => atA.push(event));
    // More than one notification's worth, published in one tick and across ticks.
    for (let i = 0; i < 200; i++) a.bus.publish('contact:c1', { type: 'message', n: i, text: 'x'.repeat(100) });
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 200; i < 300; i++) a.bus.publish('contact:c1', { type: 'message', n: i });
    const delivered = await atB;
    expect(delivered.map((e) => e['n'])).toEqual([...Array(300).keys()]);
    await a.bus.flushed();
    await new Promise((r) => setTimeout(r, 200));
    // Its own notifications come back from PostgreSQL too: they are skipped, not delivered twice.
    expect(atA.map((e) => e['n'])).toEqual([...Array(300).keys()]);
  }, 30_000);

  it('carries an event larger than a notification allows by storing it, keeping its place in the order', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const atB = collect(b.bus, 'agent:ana', 3);
    const transcript = Array.from({ length: 400 }, (_, i) => ({ from: 'caller', text: `line ${i} ${'é'.repeat(40)}` }));
    a.bus.publish('agent:ana', { type: 'offer', n: 1 });
    a.bus.publish('agent:ana', { type: 'assigned', n: 2, transcript });
    a.bus.publish('agent:ana', { type: 'message', n: 3 });
    const delivered = await atB;
    expect(delivered.map((e) => e['n'])).toEqual([1, 2, 3]);
    expect(delivered[1]?.['transcript']).toEqual(transcript);
    expect(Buffer.byteLength(JSON.stringify(transcript))).toBeGreaterThan(8000);
  }, 30_000);

  it('keeps topics apart: a subscriber hears only its own topic', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const other: CenterEvent[] = [];
    b.bus.subscribe('agent:bo', (event) => other.push(event));
    const atB = collect(b.bus, 'supervisors', 1);
    a.bus.publish('agent:ana', { type: 'offer' });
    a.bus.publish('supervisors', { type: 'overview' });
    await atB;
    expect(other).toEqual([]);
  }, 30_000);
});

describe('CenterLeadership', () => {
  it('lets exactly one process lead, and another take over within seconds when the leader goes', async () => {
    const leads: string[] = [];
    const start = (name: string): Promise<CenterLeadership> =>
      CenterLeadership.start({
        url: server.url,
        logger,
        onLead: async () => void leads.push(`${name} leads`),
        onLose: () => void leads.push(`${name} stops`),
      });
    const first = await start('first');
    const second = await start('second');
    await new Promise((r) => setTimeout(r, 1500));
    expect([first.leading, second.leading]).toEqual([true, false]);
    const gone = performance.now();
    await first.close();
    while (!second.leading) {
      expect(performance.now() - gone).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(leads).toEqual(['first leads', 'first stops', 'second leads']);
    await second.close();
  }, 30_000);

  it('steps down when its connection is killed, and leads again once it holds the lock again', async () => {
    const changes: string[] = [];
    const leader = await CenterLeadership.start({
      url: server.url,
      logger,
      onLead: async () => void changes.push('lead'),
      onLose: () => void changes.push('lose'),
    });
    cleanups.push(() => leader.close());
    expect(leader.leading).toBe(true);
    const store = await PostgresFlowStore.open(server.url);
    await store.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()`,
    );
    await store.close();
    const deadline = performance.now() + 5000;
    while (changes.length < 3 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(changes).toEqual(['lead', 'lose', 'lead']);
  }, 30_000);
});
