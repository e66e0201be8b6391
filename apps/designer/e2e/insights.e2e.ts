import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';

// Issue 17: the dashboards at #/insights and the analytics overlay on the canvas, in Chromium against a real runtime.
const here = dirname(fileURLToPath(import.meta.url));
const readmePicture = resolve(here, '../../../docs/insights.png');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

const say = (text: string) => ({ text: { 'en-US': text } });
const bankFlow = {
  id: 'bank-line',
  name: 'Bank line',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [],
  start: 'start',
  nodes: [
    { id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 80 }, config: {} },
    {
      id: 'welcome',
      type: 'message',
      label: 'Welcome',
      position: { x: 280, y: 80 },
      config: { prompt: say('Welcome to Example Bank.') },
    },
    {
      id: 'menu',
      type: 'menu',
      label: 'Main menu',
      position: { x: 560, y: 80 },
      config: {
        prompt: say('Say balance or agent.'),
        options: [
          { key: '1', label: { 'en-US': 'balance' } },
          { key: '2', label: { 'en-US': 'agent' } },
        ],
        noMatch: { maxRetries: 2 },
      },
    },
    { id: 'bye', type: 'end', label: 'Goodbye', position: { x: 900, y: 0 }, config: { prompt: say('Goodbye.') } },
    { id: 'agent', type: 'transfer', label: 'To an agent', position: { x: 900, y: 200 }, config: { queue: 'general' } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'welcome' },
    { source: 'welcome', port: 'next', target: 'menu' },
    { source: 'menu', port: '1', target: 'bye' },
    { source: 'menu', port: '2', target: 'agent' },
    { source: 'menu', port: 'noMatch', target: 'agent' },
    { source: 'menu', port: 'noInput', target: 'agent' },
  ],
};

/** The reply fields these tests read (sessions and flows). */
interface Reply {
  session: { sessionId: string };
  flow: { revision: number; draft: unknown };
}

async function api(method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Reply;
}

/** One chat conversation on the live version; `hangUp` ends it where it stands. */
async function converse(channel: string, inputs: string[], hangUp = false): Promise<void> {
  const started = await api('POST', '/api/sessions', { flowId: 'bank-line', channel });
  const id: string = started.session.sessionId;
  for (const text of inputs)
    await api('POST', `/api/sessions/${id}/input`, {
      input: channel === 'chat' ? { type: 'text', text } : { type: 'speech', transcript: text, confidence: 0.95 },
    });
  if (hangUp) await api('POST', `/api/sessions/${id}/end`);
}

describe('insights dashboards and flow analytics (issue 17)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page } = session);
    await page.addInitScript(() => localStorage.setItem('omniflow.uiLanguage', 'en'));
    await createFlow(stack, bankFlow);
    const stored = await api('GET', '/api/flows/bank-line');
    await api('POST', '/api/flows/bank-line/publish', { note: 'v1', revision: stored.flow.revision });
    await api('PUT', '/api/insights/rules/*', {
      rules: [
        {
          id: 'complaint',
          category: 'complaint',
          alert: true,
          conditions: [{ kind: 'phrase', phrases: ['complaint'] }],
        },
      ],
    });
    await converse('chat', ['balance']);
    await converse('chat', ['balance please']);
    await converse('voice', ['balance']);
    await converse('chat', ['agent']);
    await converse('chat', ['I have a complaint', 'agent']);
    await converse('chat', ['banana', 'kiwi', 'mango']);
    await converse('voice', ['hmm'], true);
    await converse('chat', [], true);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows contacts by outcome and channel, containment, transfer reasons, sentiment and categories', async () => {
    await page.goto(`${stack.url}/#/`);
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'Conversation insights' }).waitFor();
    const contacts = page.getByTestId('kpi-contacts').locator('strong');
    await expect.poll(() => contacts.textContent()).toBe('8');
    // 3 balance contacts end without an agent, 2 hang-ups too; 3 go to an agent: 5 of 8 contained.
    expect(await page.getByTestId('kpi-containment').locator('strong').textContent()).toBe('63%');
    for (const chart of ['outcome', 'channel', 'transfers', 'sentiment', 'categories', 'qa'])
      await page.getByTestId(`chart-${chart}`).locator('canvas').waitFor();
    await page.getByText('Live alerts').waitFor();
    await page.locator('.insights-alerts li', { hasText: 'complaint' }).waitFor();
    await page.screenshot({ path: readmePicture });

    expect(pageErrors).toEqual([]);
  });

  it('overlays visits, drop-offs and no-match rates per step on the published version', async () => {
    await page.goto(`${stack.url}/#/flows/bank-line`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByLabel('Analytics').check();
    await page.getByText(/Analytics of v1/).waitFor();
    const menu = page.getByTestId('analytics-menu');
    await menu.waitFor();
    // Every contact reached the menu once; two left it there (hung up at the menu or before answering).
    expect(await menu.locator('[data-figure="visits"]').textContent()).toBe('8 visits');
    expect(await menu.locator('[data-figure="dropOffs"]').textContent()).toBe('2 drop-offs (25%)');
    expect(await menu.locator('[data-figure="noMatch"]').textContent()).toMatch(/no-match \d+%/);
    expect(await page.getByTestId('analytics-bye').locator('[data-figure="visits"]').textContent()).toBe('3 visits');
    await page.screenshot({ path: join(here, 'screenshots', '70-flow-analytics.png') });
    await page.getByLabel('Analytics').uncheck();
    expect(await page.getByTestId('analytics-menu').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('edits escalation rules and the empathetic wording of a prompt into the draft', async () => {
    await page.goto(`${stack.url}/#/flows/bank-line`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('tab', { name: 'Escalation' }).click();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByRole('combobox', { name: 'When' }).selectOption('phrases');
    await page.getByLabel('Words (en-US), comma separated').fill('complaint, supervisor');
    await page.getByRole('textbox', { name: 'Queue' }).fill('complaints');
    await page.locator('.react-flow__node[data-id="menu"] .flow-node-label').click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page
      .getByRole('textbox', { name: 'Wording for an upset caller (optional) (en-US)' })
      .fill('Sorry about that. Say balance or agent.');
    await expect
      .poll(async () => (await api('GET', '/api/flows/bank-line')).flow.draft, { timeout: 10_000 })
      .toMatchObject({
        escalation: {
          version: 1,
          rules: [
            {
              when: { kind: 'phrases', phrases: { 'en-US': ['complaint', 'supervisor'] } },
              action: { kind: 'transfer', queue: 'complaints', priority: 1 },
            },
          ],
        },
        nodes: expect.arrayContaining([
          expect.objectContaining({
            id: 'menu',
            config: expect.objectContaining({
              prompt: {
                text: { 'en-US': 'Say balance or agent.' },
                empathetic: { 'en-US': 'Sorry about that. Say balance or agent.' },
              },
            }),
          }),
        ]),
      });
    expect(pageErrors).toEqual([]);
  });
  it('creates a category rule in the form, refusing an incomplete one in plain words, and tags a chat contact', async () => {
    await page.goto(`${stack.url}/#/insights`);
    await page.getByRole('combobox', { name: 'Rules for' }).selectOption('bank-line');
    await page.getByRole('button', { name: 'Add a category rule' }).click();
    const rule = page.getByRole('group', { name: 'Rule 1' });
    await page.getByRole('button', { name: 'Save category rules' }).click();
    const problems = page.getByRole('alert');
    await problems.filter({ hasText: 'Rule 1: give it a name.' }).waitFor();
    await problems.filter({ hasText: 'Rule 1, condition 1: write at least one phrase, in any language.' }).waitFor();
    await rule.getByLabel('Rule name').fill('refund-request');
    await rule.getByLabel('Tag contacts with category').fill('refund');
    await rule.getByLabel('Phrases in Chinese (comma separated)').fill('退款');
    await rule.getByLabel('Phrases in English (comma separated)').fill('refund, money back');
    await rule.getByLabel('Said by').selectOption('caller');
    await rule.getByRole('button', { name: 'Add a condition' }).click();
    const second = rule.locator('.rule-condition').nth(1);
    await second.getByLabel('Condition').selectOption('duration');
    await second.getByLabel('At most (seconds)').fill('3600');
    await page.getByLabel('Alert webhooks (one web address a line)').fill('not a url');
    await page.getByRole('button', { name: 'Save category rules' }).click();
    await problems.filter({ hasText: 'Webhook line 1 is not a web address' }).waitFor();
    await page.getByLabel('Alert webhooks (one web address a line)').fill('');
    await page.getByRole('button', { name: 'Save category rules' }).click();
    await page.getByRole('status').filter({ hasText: 'Rules saved.' }).waitFor();
    await page.locator('.insights-rules').screenshot({ path: join(here, 'screenshots', '71-category-rule-form.png') });

    // A contact made through the chat API after the rule was saved carries its category once it ends.
    const started = await api('POST', '/api/sessions', { flowId: 'bank-line', channel: 'chat' });
    const id = started.session.sessionId;
    await api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: 'I want my money back' } });
    await api('POST', `/api/sessions/${id}/end`);
    await expect
      .poll(
        async () => {
          const response = await fetch(`${stack.url}/api/insights/contacts/${id}`, {
            headers: { authorization: `Bearer ${stack.token}` },
          });
          return response.ok
            ? ((await response.json()) as { contact: { categories: string[] } }).contact.categories
            : [];
        },
        { timeout: 10_000 },
      )
      .toContain('refund');
    // The contact view shows its stored summary, QA scorecard and categories.
    await page.goto(`${stack.url}/#/contacts/${id}`);
    const panel = page.getByRole('region', { name: 'Summary and QA' });
    await panel.locator('[data-summary="categories"]', { hasText: 'refund' }).waitFor();
    expect(await panel.locator('[data-summary="reason"]').textContent()).toBe('I want my money back');
    expect(await panel.locator('[data-criterion="greeting"]').textContent()).toBe('Greeting: passed');
    expect(pageErrors).toEqual([]);
  });
});
