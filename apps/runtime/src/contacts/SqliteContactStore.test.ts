import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { testSession } from '../testing/testSession.ts';
import { describeContactStoreContract } from './contactStoreContract.ts';
import { SqliteContactStore } from './SqliteContactStore.ts';

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

it('keeps indexing after another connection held the write lock past the busy timeout (issue 15)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-indexer-'));
  const store = SqliteFlowStore.open(dir, { busyTimeoutMs: 10, contactIndexIntervalMs: 20 });
  const other = new Database(join(dir, 'omniflow.db'));
  try {
    await store.createSession(testSession('locked-1', 'f'), [{ at: '', from: 'bot', nodeId: 'm', text: '锁住的时候' }]);
    other.exec('BEGIN IMMEDIATE');
    // Several indexer ticks meet the lock; none may escape as an uncaught exception (vitest fails the run if one does).
    await new Promise((resolve) => setTimeout(resolve, 200));
    other.exec('COMMIT');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.contacts.indexPending()).toBe(0);
    expect((await store.contacts.search({ text: '锁住' }, { limit: 5 })).contacts.map((c) => c.id)).toEqual([
      'locked-1',
    ]);
  } finally {
    other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
