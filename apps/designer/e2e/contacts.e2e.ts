import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

const zh = (text: string) => ({ text: { 'zh-CN': text } });

/** Asks what the caller wants (free text), answers and says goodbye. */
const helpDesk = {
  id: 'help-desk',
  name: '客服热线',
  schemaVersion: 1,
  locales: ['zh-CN'],
  defaultLocale: 'zh-CN',
  variables: [{ name: 'reason', type: 'string' }],
  start: 'start1',
  nodes: [
    { id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'askReason',
      type: 'ask',
      label: '询问来意',
      position: { x: 300, y: 0 },
      config: { prompt: zh('您好，请问有什么可以帮您？'), variable: 'reason', slot: { type: 'text' } },
    },
    {
      id: 'answer',
      type: 'message',
      label: '答复',
      position: { x: 600, y: 0 },
      config: { prompt: zh('好的，我们已经记录：{{reason}}') },
    },
    { id: 'bye', type: 'end', label: '再见', position: { x: 900, y: 0 }, config: { outcome: 'completed' } },
  ],
  edges: [
    { source: 'start1', port: 'next', target: 'askReason' },
    { source: 'askReason', port: 'next', target: 'answer' },
    { source: 'answer', port: 'next', target: 'bye' },
  ],
};

async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

const nodeCard = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] .flow-node`);

describe('contacts page (issue 15)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page } = session);
    await page.addInitScript(() => {
      if (!localStorage.getItem('omniflow.uiLanguage')) localStorage.setItem('omniflow.uiLanguage', 'en');
    });
    await createFlow(stack, helpDesk);
    await api('POST', '/api/flows/help-desk/publish', { note: 'v1' });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('finds a chat by Chinese text, opens it and steps its replay with the node lit on its version', async () => {
    // Another chat first, so the search has something to leave out.
    const other = (await api('POST', '/api/sessions', { flowId: 'help-desk', channel: 'chat' })) as {
      session: { sessionId: string };
    };
    await api('POST', `/api/sessions/${other.session.sessionId}/input`, {
      input: { type: 'text', text: '我要改地址' },
    });
    const started = (await api('POST', '/api/sessions', { flowId: 'help-desk', channel: 'chat' })) as {
      session: { sessionId: string };
    };
    await api('POST', `/api/sessions/${started.session.sessionId}/input`, {
      input: { type: 'text', text: '我想查询信用卡余额' },
    });

    await page.goto(`${stack.url}/#/`);
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('searchbox', { name: 'Search transcripts' }).fill('信用卡余额');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.contacts-row').count()).toBe(1);
    expect(await page.locator('.contacts-row').innerText()).toContain('Completed');
    await page.locator('.contacts-row a').click();

    await page.locator('[data-fact="path"]').waitFor();
    expect(await page.locator('[data-fact="path"]').innerText()).toBe('start1 → askReason → answer → bye');
    expect(await page.locator('[data-fact="flow"]').innerText()).toBe('help-desk v1');
    await nodeCard('askReason').waitFor();
    await expect.poll(() => nodeCard('askReason').getAttribute('class')).toContain('is-active');
    expect(await nodeCard('answer').getAttribute('class')).toContain('is-covered');

    await page.getByRole('button', { name: 'Step', exact: true }).click();
    expect(await page.locator('.contact-transcript [aria-current="step"]').innerText()).toContain('我想查询信用卡余额');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => nodeCard('answer').getAttribute('class')).toContain('is-active');
    expect(await nodeCard('askReason').getAttribute('class')).not.toContain('is-active');
    expect(await page.getByRole('status').filter({ hasText: 'Step 3 of' }).count()).toBe(1);
    await page.screenshot({ path: join(docs, 'contacts.png') });
    expect(pageErrors).toEqual([]);
  });
});
