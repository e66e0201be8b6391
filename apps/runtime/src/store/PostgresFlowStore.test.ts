import { afterAll, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/startTestPostgres.ts';
import { describeFlowStoreContract } from './flowStoreContract.ts';
import { PostgresFlowStore } from './PostgresFlowStore.ts';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describeFlowStoreContract('PostgreSQL 15', async () => PostgresFlowStore.open(server.url));
