import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import type { TestRuntime } from '../testing/startTestRuntime.ts';
import { startTestRuntimesOnPostgres, type TestDeployment } from '../testing/startTestRuntimesOnPostgres.ts';
import { FlowCompiler } from './FlowCompiler.ts';
import { pinSubflowVersions } from './pinSubflowVersions.ts';
import { noSubflows } from '../testing/noSubflows.ts';

// Issue 22, "a flow version answers differently per process after a subflow is republished".

const en = (text: string) => ({ text: { 'en-US': text } });

/** An English flow `id` that runs `nodes` in a chain from its start node (`to` names a node's extra ports). */
function chainFlow(id: string, nodes: { id: string; type: string; config: unknown; to?: Record<string, string> }[]) {
  const all = [{ id: 'start', type: 'start', config: {} }, ...nodes];
  const edges = all
    .slice(0, -1)
    .flatMap((node, i) => [
      { source: node.id, port: 'next', target: all[i + 1]?.id },
      ...Object.entries(('to' in node && node.to) || {}).map(([port, target]) => ({ source: node.id, port, target })),
    ]);
  const nodeList = all.map(({ id: nodeId, type, config }) => ({ id: nodeId, type, config }));
  const flow = { id, name: id, schemaVersion: 1, locales: ['en-US'], defaultLocale: 'en-US' };
  return { ...flow, variables: [{ name: 'answer', type: 'string' }], start: 'start', nodes: nodeList, edges };
}

/** A child flow that asks one question and answers, both worded with `label` (its version's text). */
const childFlow = (label: string) =>
  chainFlow('child', [
    {
      id: 'ask',
      type: 'ask',
      config: { prompt: en(`Question from child ${label}.`), variable: 'answer', slot: { type: 'text' } },
    },
    { id: 'done', type: 'end', config: { prompt: en(`Answer from child ${label}.`) } },
  ]);

const parentFlow = chainFlow('parent', [
  { id: 'call', type: 'subflow', config: { flowId: 'child' }, to: { error: 'bye' } },
  { id: 'bye', type: 'end', config: { prompt: en('Parent says goodbye.') } },
]);

const said = (reply: { body: { session: { outputs: { type: string; text?: string }[] } } }) =>
  reply.body.session.outputs.map((o) => o.text ?? '').join(' ');

describe('a published parent on two processes after its subflow is republished', () => {
  let deployment: TestDeployment | undefined;
  let runtimes: TestRuntime[] = [];
  beforeAll(async () => {
    deployment = await startTestRuntimesOnPostgres(2);
    runtimes = deployment.runtimes;
  }, 60_000);
  afterAll(async () => deployment?.close());

  it('keeps running the child version the parent pinned, on every process, until the parent is republished', async () => {
    const [a, b] = runtimes as [TestRuntime, TestRuntime];
    await a.api('POST', '/api/flows', { flow: childFlow('v1') });
    await a.api('POST', '/api/flows/child/publish', {});
    await a.api('POST', '/api/flows', { flow: parentFlow });
    expect((await a.api('POST', '/api/flows/parent/publish', {})).status).toBe(201);
    const started = await a.api('POST', '/api/sessions', { flowId: 'parent', channel: 'chat' });
    expect(said(started)).toMatch(/Question from child v1/);

    await a.api('PUT', '/api/flows/child', { flow: childFlow('v2'), revision: 1 });
    expect((await a.api('POST', '/api/flows/child/publish', {})).body.version.version).toBe(2);

    // Process B never compiled parent v1 before: it must still build it with child v1.
    const next = await b.api('POST', `/api/sessions/${started.body.session.sessionId}/input`, {
      input: { type: 'text', text: 'yes' },
    });
    expect(next.status).toBe(200);
    expect(said(next)).toMatch(/Answer from child v1/);
    const fresh = await b.api('POST', '/api/sessions', { flowId: 'parent', channel: 'chat' });
    expect(said(fresh)).toMatch(/Question from child v1/);

    const versions = await b.api('GET', '/api/flows/parent/versions');
    expect(versions.body.versions[0]).toMatchObject({ version: 1, subflows: { child: 1 } });

    // Republishing the parent's v1 (what the designer offers) pins the child's live version.
    const republish = await b.api('POST', '/api/flows/parent/versions/1/republish');
    expect(republish.status).toBe(201);
    expect(republish.body.version).toMatchObject({
      version: 2,
      subflows: { child: 2 },
      note: 'v1 republished with child v2',
    });
    const republished = await a.api('POST', '/api/sessions', { flowId: 'parent', channel: 'chat' });
    expect(said(republished)).toMatch(/Question from child v2/);
  }, 60_000);
});

describe('pinning versions published before pinning existed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omniflow-pins-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pins them to the subflow versions live at migration time, once', async () => {
    const store = SqliteFlowStore.open(dir);
    const compiler = new FlowCompiler(store, createBuiltInRegistry());
    await store.createFlow('child', 'Child', childFlow('v1'));
    await store.publish('child', noSubflows(childFlow('v1')), '', 'test');
    await store.publish('child', noSubflows(childFlow('v2')), '', 'test');
    await store.createFlow('parent', 'Parent', parentFlow);
    await store.publish('parent', (await compiler.compileForPublish(parentFlow)).release, '', 'test');
    // As the migration left the versions published before it.
    const raw = new Database(join(dir, 'omniflow.db'));
    raw.exec('UPDATE versions SET subflows = NULL');
    raw.close();
    const logger = pino({ level: 'silent' });
    expect(await pinSubflowVersions(store, compiler, logger)).toBe(3);
    expect((await store.getVersion('parent', 1))?.subflows).toEqual({ child: 2 });
    expect((await store.getVersion('child', 1))?.subflows).toEqual({});
    expect(await pinSubflowVersions(store, compiler, logger)).toBe(0);
    await store.close();
  });
});
