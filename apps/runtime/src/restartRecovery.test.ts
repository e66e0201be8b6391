import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFlowsDir } from '@omniflow/examples';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnRuntime, type SpawnedRuntime } from './testing/spawnRuntime.ts';
import { jsonClient } from './testing/jsonClient.ts';
import { pinFlow } from './testing/testFlows.ts';

const ADMIN = 'restart-test-admin-token';
const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-restart-'));
const running: SpawnedRuntime[] = [];
afterAll(async () => {
  for (const r of running) await r.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const api = (base: string, method: string, path: string, body?: unknown) => jsonClient(base, ADMIN)(method, path, body);

describe('pnpm start as a process', () => {
  it('continues a conversation after kill -9 and a restart on the same data dir', async () => {
    const env = {
      DATA_DIR: dataDir,
      OMNIFLOW_ADMIN_TOKEN: ADMIN,
      OMNIFLOW_PLUGINS: '@omniflow/plugin-banking,@omniflow/no-such-pack',
      OMNIFLOW_SEED_DIR: exampleFlowsDir,
    };
    const first = await spawnRuntime(env);
    running.push(first);
    expect(first.output()).toMatch(/plugin packs that failed to load: @omniflow\/no-such-pack/);
    expect((await api(first.url, 'GET', '/api/flows')).body.flows.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['bank-main-menu', 'card-activation', 'flight-rebooking']),
    );
    await api(first.url, 'POST', '/api/flows', { flow: pinFlow('crash') });
    await api(first.url, 'POST', '/api/flows/crash/publish', {});
    const started = await api(first.url, 'POST', '/api/sessions', { flowId: 'crash', channel: 'dtmf' });
    const id: string = started.body.session.sessionId;
    expect(
      (await api(first.url, 'POST', `/api/sessions/${id}/input`, { input: { type: 'dtmf', digits: '1' } })).body.session
        .nodeId,
    ).toBe('askPin');

    first.child.kill('SIGKILL');
    await first.stop('SIGKILL');

    const second = await spawnRuntime(env);
    running.push(second);
    const next = await api(second.url, 'POST', `/api/sessions/${id}/input`, {
      input: { type: 'dtmf', digits: '2580' },
    });
    expect(next.status).toBe(200);
    expect(next.body.session.status).toBe('ended');
    const said = next.body.session.outputs
      .filter((o: { type: string }) => o.type === 'say')
      .map((o: { text: string }) => o.text)
      .join(' ');
    expect(said).toMatch(/Goodbye/);
    const transcript = (await api(second.url, 'GET', `/api/sessions/${id}/transcript`)).body.transcript;
    expect(transcript.filter((e: { from: string }) => e.from === 'caller')).toHaveLength(2);
    expect((await api(second.url, 'GET', '/api/flows/bank-main-menu/versions')).body.versions).toHaveLength(1);

    expect(await second.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
