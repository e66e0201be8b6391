import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.ts';
import { startRuntime, type RunningRuntime } from '../startRuntime.ts';
import { jsonClient } from '../testing/jsonClient.ts';
import { pinFlow } from '../testing/testFlows.ts';

const ADMIN = 'catch-up-test-admin-token';
const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-catch-up-'));
const running: RunningRuntime[] = [];
afterAll(async () => {
  for (const runtime of running) await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ runtime: RunningRuntime; api: ReturnType<typeof jsonClient> }> {
  const runtime = await startRuntime(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      OMNIFLOW_ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'warn',
      OMNIFLOW_PLUGINS: '',
    }),
  );
  running.push(runtime);
  return { runtime, api: jsonClient(runtime.url, ADMIN) };
}

describe('the analysis of turns runs after the reply (issue 13): nothing is lost when a process stops first', () => {
  it('analyzes at start a contact whose batch a stopped process never ran, without waiting for the minute', async () => {
    const first = await start();
    await first.api('POST', '/api/flows', { flow: pinFlow('crash') });
    await first.api('POST', '/api/flows/crash/publish', {});
    const started = await first.api('POST', '/api/sessions', { flowId: 'crash', channel: 'dtmf' });
    const id: string = started.body.session.sessionId;
    await first.api('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: '1' } });
    const ended = await first.api('POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: '2580' } });
    expect(ended.body.session.status).toBe('ended');
    await first.runtime.close();
    running.pop();

    // What a process killed between the reply and the batch after it leaves: the turn stored, its analysis not.
    const db = new Database(join(dataDir, 'omniflow.db'));
    try {
      for (const table of ['contact_insights', 'contact_categories', 'contact_node_stats'])
        db.prepare(`DELETE FROM ${table} WHERE session_id = ?`).run(id);
    } finally {
      db.close();
    }

    const second = await start();
    expect((await second.api('GET', `/api/sessions/${id}`)).body.session.status).toBe('ended');
    // The periodic catch-up runs once a minute; the one at start finds the contact within moments.
    await expect
      .poll(async () => (await second.api('GET', `/api/insights/contacts/${id}`)).status, { timeout: 15_000 })
      .toBe(200);
    const contact = await second.api('GET', `/api/insights/contacts/${id}`);
    expect(contact.body.contact).toMatchObject({ outcome: 'completed', endNode: expect.any(String) });
  });
});
