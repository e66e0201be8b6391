import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { pinFlow } from '../testing/testFlows.ts';
import { testSessionService } from '../testing/testSessionService.ts';
import { describeContactStoreContract } from './contactStoreContract.ts';
import { SqliteContactStore } from './SqliteContactStore.ts';
import { noSubflows } from '../testing/noSubflows.ts';

describeContactStoreContract('SQLite', async () => SqliteFlowStore.open(':memory:'));

// The same contract with tiny thresholds, so every text search with matches walks the newest contacts and, when they
// hold less than a page, falls back to sorting all matches.
describeContactStoreContract('SQLite, walk of common words', async () => {
  const store = SqliteFlowStore.open(':memory:');
  const contacts = new SqliteContactStore(store.database, { matchedEntries: 1, recentWindow: 2 });
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'contacts') return contacts;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
});

describe('the background indexer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-indexer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits out another connection holding the write lock, then indexes what was pending', async () => {
    const store = SqliteFlowStore.open(dir, { busyTimeoutMs: 20, contactIndexIntervalMs: 10 });
    const sessions = testSessionService(store);
    const flow = pinFlow('pin');
    await store.createFlow('pin', 'PIN', flow);
    await store.publish('pin', noSubflows(flow), 'v1', 'test');
    const { sessionId } = await sessions.start({ flowId: 'pin', channel: 'chat' });

    // A second process's long transaction: several of the indexer's passes meet SQLITE_BUSY. Any of them escaping
    // the timer would be an uncaught exception (the process would stop; vitest fails the run).
    const other = new Database(join(dir, 'omniflow.db'));
    other.exec('BEGIN IMMEDIATE');
    await sessions.input(sessionId, { type: 'text', text: 'lost card' }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 150));
    other.exec('ROLLBACK');
    other.close();

    await sessions.input(sessionId, { type: 'text', text: 'blocked card' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The timer caught up on its own: nothing is left for a search to index.
    expect(store.contacts.indexPending()).toBe(0);
    await store.close();
  });
});
