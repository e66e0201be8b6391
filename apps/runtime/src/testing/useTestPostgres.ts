import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from './startTestPostgres.ts';

/**
 * Starts a real PostgreSQL 15 for the calling test file (stopped after it) and answers a function that creates a
 * fresh database on it, by name, and gives its URL.
 */
export function useTestPostgres(): (name: string) => Promise<string> {
  let server: TestPostgres | undefined;
  beforeAll(async () => void (server = await startTestPostgres()), 60_000);
  afterAll(async () => server?.stop());
  return async (name) => {
    if (server === undefined) throw new Error('useTestPostgres: the server is not started yet (call it in a test).');
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return server.url.replace(/\/postgres$/, `/${name}`);
  };
}
