import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from './testing/startTestPostgres.ts';
import { startTestRuntime, type TestRuntime } from './testing/startTestRuntime.ts';
import { pinFlow } from './testing/testFlows.ts';

// Issue 22, start-up: three processes starting together overwrote each other's seeded chat tokens (1 of 3 survived).

let server: TestPostgres;
const started: TestRuntime[] = [];
const seedDir = mkdtempSync(join(tmpdir(), 'omniflow-seed-together-'));
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  for (const t of started) await t.close();
  await server?.stop();
  rmSync(seedDir, { recursive: true, force: true });
});

describe('processes starting together on one PostgreSQL', () => {
  it('seed the flows once and all hand out the same working chat links', async () => {
    for (const id of ['first', 'second', 'third'])
      writeFileSync(join(seedDir, `${id}.json`), JSON.stringify(pinFlow(id)));
    const env = {
      STORE: 'postgres',
      DATABASE_URL: server.url,
      OMNIFLOW_SNAPSHOT_KEY: randomBytes(32).toString('base64'),
      OMNIFLOW_SEED_DIR: seedDir,
    };
    started.push(...(await Promise.all([startTestRuntime(env), startTestRuntime(env), startTestRuntime(env)])));
    const links = started.map((t) => t.runtime.seededChatPaths.toSorted());
    expect(links[0]).toHaveLength(3);
    expect(links[1]).toEqual(links[0]);
    expect(links[2]).toEqual(links[0]);
    const versions = await started[0]?.api('GET', '/api/flows/first/versions');
    expect(versions?.body.versions).toHaveLength(1);
    // Every link's token opens its chat on every process.
    for (const t of started) {
      for (const path of links[0] ?? []) {
        const url = new URL(path, t.url);
        const token = url.searchParams.get('token') ?? '';
        const config = await fetch(`${t.url}${url.pathname}/config`, { headers: { authorization: `Bearer ${token}` } });
        expect(config.status).toBe(200);
      }
    }
  }, 90_000);
});
