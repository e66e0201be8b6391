import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
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
