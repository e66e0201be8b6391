import { afterAll, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { describeContactStoreContract } from './contactStoreContract.ts';

// A real PostgreSQL 15 with pg_trgm (Debian's postgresql-15 ships it); missing binaries fail this file.
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describeContactStoreContract('PostgreSQL 15', async () => PostgresFlowStore.open(server.url));
