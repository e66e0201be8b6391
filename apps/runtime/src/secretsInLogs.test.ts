import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFlowsDir } from '@omniflow/examples';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnRuntime, type SpawnedRuntime } from './testing/spawnRuntime.ts';
import { startTestRuntime } from './testing/startTestRuntime.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'omniflow-logs-'));
let spawned: SpawnedRuntime | undefined;
afterAll(async () => {
  await spawned?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('no secret in logs (issue 14)', () => {
  it('prints no admin or channel token at start when stdout is not a terminal, and keeps them in 0600 files', async () => {
    spawned = await spawnRuntime(
      { DATA_DIR: dataDir, OMNIFLOW_SEED_DIR: exampleFlowsDir, OMNIFLOW_PLUGINS: '', LOG_LEVEL: 'info' },
      60_000,
    );
    const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const links = readFileSync(join(dataDir, 'chat-links'), 'utf8');
    const channelTokens = [...links.matchAll(/token=([^\s&]+)/g)].map((m) => decodeURIComponent(m[1] ?? ''));
    expect(channelTokens.length).toBeGreaterThan(0);
    for (const file of ['admin-token', 'chat-links']) expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
    const output = spawned.output();
    expect(output).toContain(join(dataDir, 'admin-token'));
    for (const token of [adminToken, ...channelTokens]) expect(output).not.toContain(token);
  });

  it('guards /metrics with OMNIFLOW_METRICS_TOKEN when it is set', async () => {
    const t = await startTestRuntime({ OMNIFLOW_METRICS_TOKEN: 'scrape-secret-0123456789' });
    try {
      expect((await t.api('GET', '/metrics', undefined, { token: null })).status).toBe(401);
      expect((await t.api('GET', '/metrics', undefined, { token: 'wrong' })).status).toBe(401);
      const ok = await t.api('GET', '/metrics', undefined, { token: 'scrape-secret-0123456789' });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('# HELP');
    } finally {
      await t.close();
    }
  });
});
