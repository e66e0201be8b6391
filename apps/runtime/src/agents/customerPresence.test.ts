import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { testSessionService } from '../testing/testSessionService.ts';
import { AgentStore } from './AgentStore.ts';
import { CenterRelay } from './CenterRelay.ts';
import { LocalCenterEvents } from './ContactCenterEvents.ts';
import { LiveChat } from './LiveChat.ts';

// Issue 16, point 7: a customer whose socket dropped on one process and who reconnected to another is not counted as
// gone by the first (its 60 s "abandoned" countdown stops). Two LiveChats on one bus stand for two processes.
const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'omniflow-presence-'));
let store: SqliteFlowStore;

beforeAll(() => {
  store = SqliteFlowStore.open(dir);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Two processes' live chats on one bus; `left()` lists the contacts each one reported as left. */
function twoProcesses(): { a: LiveChat; b: LiveChat; left: () => string[] } {
  const events = new LocalCenterEvents();
  const reported: string[] = [];
  const process = (name: string): LiveChat => {
    const center = new CenterRelay({ events, store: AgentStore.beside(store), logger });
    vi.spyOn(center, 'call').mockImplementation(async (op, ...args) => {
      if (op === 'customerLeft') reported.push(`${name}:${String(args[0])}`);
      return undefined as never;
    });
    return new LiveChat({ center, events, sessions: testSessionService(store), logger });
  };
  return { a: process('A'), b: process('B'), left: () => reported };
}

describe('a customer present on another process', () => {
  it('keeps a process whose socket dropped late from abandoning a customer already back elsewhere', () => {
    vi.useFakeTimers();
    const { a, b, left } = twoProcesses();
    const offA = a.subscribe('c1', () => undefined);
    // The customer reconnected to B before A noticed its old socket was gone.
    const offB = b.subscribe('c1', () => undefined);
    offA();
    vi.advanceTimersByTime(61_000);
    expect(left()).toEqual([]);
    // Then the customer leaves B for good: B counts them gone after the grace period.
    offB();
    vi.advanceTimersByTime(61_000);
    expect(left()).toEqual(['B:c1']);
  });

  it('stops the countdown when the customer comes back on another process within the grace period', () => {
    vi.useFakeTimers();
    const { a, b, left } = twoProcesses();
    a.subscribe('c2', () => undefined)();
    vi.advanceTimersByTime(30_000);
    b.subscribe('c2', () => undefined);
    vi.advanceTimersByTime(61_000);
    expect(left()).toEqual([]);
  });

  it('abandons a customer nobody came back to', () => {
    vi.useFakeTimers();
    const { a, left } = twoProcesses();
    a.subscribe('c3', () => undefined)();
    vi.advanceTimersByTime(59_000);
    expect(left()).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(left()).toEqual(['A:c3']);
  });
});
