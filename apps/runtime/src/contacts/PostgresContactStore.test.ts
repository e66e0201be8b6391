import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { describeContactStoreContract } from './contactStoreContract.ts';
import { PostgresContactStore } from './PostgresContactStore.ts';

// A real PostgreSQL 15 with pg_trgm (Debian's postgresql-15 ships it); missing binaries fail this file.
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describeContactStoreContract('PostgreSQL 15', async () => PostgresFlowStore.open(server.url));

// The same contract with a window of two contacts, so text searches also take the term-index path (a rare word) and
// switch between both paths while paging. A database of its own: the contract counts a caller's contacts.
describeContactStoreContract('PostgreSQL 15, term index', async () => {
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE term_index');
  await admin.end();
  const store = await PostgresFlowStore.open(server.url.replace(/\/postgres$/, '/term_index'));
  const contacts = new PostgresContactStore(store.pool, { recentWindow: 2 });
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'contacts') return contacts;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
});
