import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCoreBanking, type CoreBankingService } from '@omniflow/core-banking';
import { exampleFlowsDir } from '@omniflow/examples';
import { defineNodeType } from '@omniflow/flow-engine';
import { afterEach, describe, expect, it } from 'vitest';
import { pinFlow } from './testing/testFlows.ts';
import { startTestRuntime, TEST_ADMIN_TOKEN, type TestRuntime } from './testing/startTestRuntime.ts';
import { statusWithHost } from './testing/statusWithHost.ts';

const started: TestRuntime[] = [];
const banks: CoreBankingService[] = [];
afterEach(async () => {
  for (const t of started.splice(0)) await t.close();
  for (const bank of banks.splice(0)) await bank.close();
});

/** The example flows seeded from their files, with the sample bank running beside the runtime as `./omniflow start` has it. */
async function startExampleRuntime(): Promise<TestRuntime> {
  const bank = await startCoreBanking();
  banks.push(bank);
  return startTestRuntime({
    OMNIFLOW_SEED_DIR: exampleFlowsDir,
    OMNIFLOW_PLUGINS: '@omniflow/plugin-banking',
    OMNIFLOW_SECRET_CORE_BANKING_URL: bank.url,
    OMNIFLOW_SECRET_CORE_BANKING_API_KEY: bank.apiKey,
    OMNIFLOW_SECRET_CORE_BANKING_URL_ALLOW: bank.url,
    OMNIFLOW_SECRET_CORE_BANKING_API_KEY_ALLOW: bank.url,
  });
}

/** A flow whose first step waits on a slow back-end call, so a turn is in flight for a while. */
function slowFlow(): Record<string, unknown> {
  const flow = pinFlow('slow');
  const nodes = flow['nodes'] as Record<string, unknown>[];
  nodes.push({ id: 'wait', type: 'test.slow', config: {} });
  flow['edges'] = [
    { source: 'start', port: 'next', target: 'wait' },
    { source: 'wait', port: 'success', target: 'main' },
    { source: 'wait', port: 'error', target: 'bye' },
    { source: 'wait', port: 'timeout', target: 'bye' },
    ...(flow['edges'] as unknown[]).slice(1),
  ];
  return flow;
}

const slowNode = defineNodeType({
  spec: {
    type: 'test.slow',
    version: 1,
    title: 'Slow call',
    description: 'Waits 400 ms.',
    category: 'test',
    icon: '⏳',
    behaviour: 'async',
    configSchema: { type: 'object' },
    defaults: {},
    ports: [{ name: 'success' }, { name: 'error' }, { name: 'timeout' }],
  },
  handler: () => new Promise((resolve) => setTimeout(() => resolve({ port: 'success' }), 400)),
});

describe('startRuntime', () => {
  it('finishes an in-flight turn on shutdown before closing', async () => {
    const t = await startTestRuntime({}, {});
    t.runtime.registry.register(slowNode);
    started.push(t);
    await t.api('POST', '/api/flows', { flow: slowFlow() });
    expect((await t.api('POST', '/api/flows/slow/publish', {})).status).toBe(201);
    const turn = t.api('POST', '/api/sessions', { flowId: 'slow', channel: 'chat' });
    await new Promise((r) => setTimeout(r, 150));
    const closing = t.runtime.close();
    const reply = await turn;
    expect(reply.status).toBe(201);
    expect(reply.body.session.nodeId).toBe('main');
    await closing;
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow(/fetch failed/);
  });

  it('starts without a plugin pack that fails to load and names it in the log', async () => {
    const t = await startTestRuntime({ OMNIFLOW_PLUGINS: '@omniflow/plugin-banking,@omniflow/no-such-pack' });
    started.push(t);
    expect(t.runtime.plugins.failed.map((f) => f.module)).toEqual(['@omniflow/no-such-pack']);
    expect(t.runtime.plugins.loaded.map((p) => p.pack)).toEqual(['banking']);
    expect(t.logs.some((l) => l.includes('"plugin":"@omniflow/no-such-pack"') && l.includes('failed to load'))).toBe(
      true,
    );
    const types = (await t.api('GET', '/api/node-types')).body.nodeTypes.map((s: { type: string }) => s.type);
    expect(types).toContain('banking.verifyCustomer');
  });

  it('publishes the example flows on first start only, with the sample bank wired in', async () => {
    const t = await startExampleRuntime();
    started.push(t);
    const flows = (await t.api('GET', '/api/flows')).body.flows as { id: string; liveVersion: number | null }[];
    expect(flows.map((f) => [f.id, f.liveVersion])).toEqual([
      ['bank-main-menu', 1],
      ['bilingual-welcome', 1],
      ['card-activation', 1],
      ['flight-rebooking', 1],
    ]);
    const session = await t.api('POST', '/api/sessions', { flowId: 'card-activation', channel: 'chat' });
    expect(session.status).toBe(201);
    expect(session.body.session.outputs.length).toBeGreaterThan(0);
  });

  it('hands out a web chat link per seeded example that opens the chat page', async () => {
    const t = await startExampleRuntime();
    started.push(t);
    const paths = t.runtime.seededChatPaths;
    expect(paths.map((p) => p.split('?')[0]).toSorted()).toEqual([
      '/chat/bank-main-menu',
      '/chat/bilingual-welcome',
      '/chat/card-activation',
      '/chat/flight-rebooking',
    ]);
    const page = await fetch(`${t.url}${paths[0]}`);
    expect(page.status).toBe(200);
    const link = new URL(`${t.url}${paths[0]}`);
    const flowId = decodeURIComponent(link.pathname.replace('/chat/', ''));
    const token = link.searchParams.get('token');
    const session = await fetch(`${t.url}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ flowId, channel: 'chat' }),
    });
    expect(session.status).toBe(201);
    const otherFlow = await fetch(`${t.url}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        flowId: flowId === 'bank-main-menu' ? 'card-activation' : 'bank-main-menu',
        channel: 'chat',
      }),
    });
    expect(otherFlow.status).toBe(403);
  });

  it('serves the built designer at / with a fallback to its index.html', async () => {
    const designerDir = mkdtempSync(join(tmpdir(), 'omniflow-designer-'));
    writeFileSync(join(designerDir, 'index.html'), '<!doctype html><title>Omniflow designer</title>');
    const t = await startTestRuntime({ OMNIFLOW_DESIGNER_DIR: designerDir });
    started.push(t);
    expect(await (await fetch(`${t.url}/`)).text()).toContain('Omniflow designer');
    expect(await (await fetch(`${t.url}/flows/some-flow`)).text()).toContain('Omniflow designer');
    expect((await t.api('GET', '/api/unknown')).status).toBe(404);
    rmSync(designerDir, { recursive: true, force: true });
  });

  it('hands the designer a publisher token on localhost only', async () => {
    const t = await startTestRuntime();
    started.push(t);
    const local = await t.api('GET', '/api/auth/local', undefined, { token: null });
    expect(local.status).toBe(200);
    expect(local.body.role).toBe('publisher');
    expect((await t.api('GET', '/api/flows', undefined, { token: local.body.token })).status).toBe(200);
    expect((await t.api('GET', '/api/tokens', undefined, { token: local.body.token })).status).toBe(403);
    const foreign = await t.api('GET', '/api/auth/local', undefined, {
      token: null,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(404);
    expect(await statusWithHost(`${t.url}/api/auth/local`, 'evil.example')).toBe(404);
    expect(await statusWithHost(`${t.url}/api/auth/local`, `localhost:${t.runtime.port}`)).toBe(200);
    expect(TEST_ADMIN_TOKEN).not.toBe(local.body.token);
  });
});
