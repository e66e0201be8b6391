import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import { stackApi } from './support/stackApi.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

const node = (id: string, type: string, x: number, config: Record<string, unknown>) => ({
  id,
  type,
  label: id,
  position: { x, y: 0 },
  config,
});

/** A flow of a start node, one node and the edges `port → target` from it. */
function flow(id: string, middle: ReturnType<typeof node>, ports: Record<string, string>) {
  return {
    id,
    name: id,
    schemaVersion: 1,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'start',
    nodes: [node('start', 'start', 0, {}), middle, node('bye', 'end', 600, { outcome: 'completed' })],
    edges: [
      { source: 'start', port: 'next', target: middle.id },
      ...Object.entries(ports).map(([port, target]) => ({ source: middle.id, port, target })),
    ],
  };
}

const child = (text: string) =>
  flow('child', node('greet', 'message', 300, { prompt: { text: { 'en-US': text } } }), { next: 'bye' });

const api = (method: string, path: string, body?: unknown): Promise<unknown> => stackApi(stack)(method, path, body);

describe('pinned subflows in the Versions panel (issue 22)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page } = session);
    await page.addInitScript(() => localStorage.setItem('omniflow.uiLanguage', 'en'));
    await createFlow(stack, child('Child one.'));
    await api('POST', '/api/flows/child/publish', {});
    await createFlow(
      stack,
      flow('parent', node('call', 'subflow', 300, { flowId: 'child' }), { next: 'bye', error: 'bye' }),
    );
    await api('POST', '/api/flows/parent/publish', {});
    const stored = (await api('GET', '/api/flows/child')) as { flow: { revision: number } };
    await api('PUT', '/api/flows/child', { flow: child('Child two.'), revision: stored.flow.revision });
    await api('POST', '/api/flows/child/publish', {});
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows which child version a parent version uses, that a newer one is live, and republishes the parent', async () => {
    await page.goto(`${stack.url}/#/flows/parent`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByText('uses child v1, v2 is live').waitFor();
    await page.screenshot({ path: join(screenshots, '60-pinned-subflows.png') });
    await page.getByRole('button', { name: 'Republish v1 with the live subflows' }).click();
    await page.getByText('Published v2 with the live subflows.').waitFor();
    await page.getByText('uses child v2', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Republish v2/ }).count()).toBe(0);
    const versions = (await api('GET', '/api/flows/parent/versions')) as { liveVersion: number };
    expect(versions.liveVersion).toBe(2);
    expect(pageErrors).toEqual([]);
  });
});
