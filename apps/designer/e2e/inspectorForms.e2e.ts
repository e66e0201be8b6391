import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

/** A two-locale menu with no retry policy yet, and a transaction whose results map is empty. */
const flow = {
  id: 'retry-forms',
  name: 'Retry forms',
  schemaVersion: 1,
  locales: ['en-US', 'zh-CN'],
  defaultLocale: 'en-US',
  variables: [{ name: 'balance', type: 'number', default: 0 }],
  start: 'start1',
  nodes: [
    { id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'menu1',
      type: 'menu',
      label: 'Main menu',
      position: { x: 300, y: 0 },
      config: {
        prompt: { text: { 'en-US': 'Press 1.', 'zh-CN': '请按1。' } },
        options: [{ key: '1', label: { 'en-US': 'Balance', 'zh-CN': '余额' } }],
      },
    },
    { id: 'tx1', type: 'transaction', label: 'Look up', position: { x: 600, y: 0 }, config: { handler: 'lookup' } },
    { id: 'end1', type: 'end', label: 'Goodbye', position: { x: 900, y: 0 }, config: { outcome: 'completed' } },
  ],
  edges: [
    { source: 'start1', port: 'next', target: 'menu1' },
    { source: 'menu1', port: '1', target: 'tx1' },
    { source: 'tx1', port: 'success', target: 'end1' },
  ],
};

type SavedNode = { id: string; config: Record<string, unknown> };

async function savedConfig(nodeId: string): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(`${stack.url}/api/flows/${flow.id}`, {
    headers: { authorization: `Bearer ${stack.token}` },
  });
  const body = (await response.json()) as { flow: { draft: { nodes: SavedNode[] } } };
  return body.flow.draft.nodes.find((n) => n.id === nodeId)?.config;
}

async function saved(): Promise<void> {
  await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 20_000 });
}

describe('generated inspector forms for nested config', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    session = await openDesigner(pageErrors);
    ({ stack, page, canvas } = session);
    await createFlow(stack, flow);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sets the menu no-input retries and a reprompt in two locales without typing JSON', async () => {
    await page.goto(`${stack.url}/#/flows/${flow.id}`);
    await canvas.node('menu1').waitFor();
    await canvas.select('menu1');
    const inspector = page.locator('.inspector');
    expect(await inspector.locator('.json-field').count()).toBe(0);

    await inspector.locator('[data-field-pointer="/noInput/maxRetries"]').getByLabel('Times to ask again').fill('2');
    const reprompts = inspector.locator('[data-field-pointer="/noInput/reprompts"]');
    await reprompts.getByRole('button', { name: 'Add prompt' }).click();
    const first = inspector.locator('[data-field-pointer="/noInput/reprompts/0"]');
    await first.getByLabel('Retry prompts 1 (en-US)').fill('Sorry, I did not hear you. Press 1.');
    await first.getByRole('tab', { name: 'zh-CN' }).click();
    await first.getByLabel('Retry prompts 1 (zh-CN)').fill('抱歉，没有听到。请按1。');
    await saved();
    await expect
      .poll(() => savedConfig('menu1').then((c) => c?.noInput), { timeout: 20_000 })
      .toEqual({
        maxRetries: 2,
        reprompts: [{ text: { 'en-US': 'Sorry, I did not hear you. Press 1.', 'zh-CN': '抱歉，没有听到。请按1。' } }],
      });
    await page.screenshot({ path: join(screenshots, '20-inspector-retries.png') });
  });

  it('undoes the last reprompt text as one step and redoes it', async () => {
    await page.getByRole('button', { name: /Undo/ }).click();
    await saved();
    await expect
      .poll(() => savedConfig('menu1').then((c) => c?.noInput), { timeout: 20_000 })
      .toEqual({
        maxRetries: 2,
        reprompts: [{ text: { 'en-US': 'Sorry, I did not hear you. Press 1.' } }],
      });
    await page.getByRole('button', { name: /Redo/ }).click();
    await saved();
    await expect
      .poll(() => savedConfig('menu1').then((c) => c?.noInput), { timeout: 20_000 })
      .toMatchObject({ reprompts: [{ text: { 'zh-CN': '抱歉，没有听到。请按1。' } }] });
  });

  it('adds a second reprompt and moves it before the first', async () => {
    const reprompts = page.locator('.inspector [data-field-pointer="/noInput/reprompts"]');
    await reprompts.getByRole('button', { name: 'Add prompt' }).click();
    await page
      .locator('.inspector [data-field-pointer="/noInput/reprompts/1"]')
      .getByLabel('Retry prompts 2 (en-US)')
      .fill('Still there? Press 1.');
    await reprompts.getByRole('button', { name: 'Move up Retry prompts 2' }).click();
    await saved();
    await expect
      .poll(
        () =>
          savedConfig('menu1').then((c) =>
            (c?.noInput as { reprompts?: { text: Record<string, string> }[] } | undefined)?.reprompts?.map(
              (r) => r.text['en-US'],
            ),
          ),
        { timeout: 20_000 },
      )
      .toEqual(['Still there? Press 1.', 'Sorry, I did not hear you. Press 1.']);
  });

  it('previews what the menu says per channel, and only the prompt once its instructions are off (issue 20)', async () => {
    await canvas.select('menu1');
    const preview = page.getByTestId('node-preview');
    const said = (channel: string) => preview.locator(`[data-channel="${channel}"] dd`).textContent();
    await expect.poll(() => said('dtmf'), { timeout: 20_000 }).toBe('Press 1. For Balance, press 1.');
    expect(await said('voice')).toBe('Press 1. You can say Balance.');
    await page.locator('.inspector [data-field-pointer="/instructions"] select').selectOption('off');
    await expect.poll(() => said('dtmf'), { timeout: 20_000 }).toBe('Press 1.');
    await preview.getByRole('tab', { name: 'zh-CN' }).click();
    await expect.poll(() => said('voice'), { timeout: 20_000 }).toBe('请按1。');
    await saved();
    await expect.poll(() => savedConfig('menu1').then((c) => c?.instructions), { timeout: 20_000 }).toBe('off');
    await page.screenshot({ path: join(screenshots, '21-inspector-preview.png') });
  });

  it('maps a transaction result into a flow variable with a variable picker', async () => {
    await canvas.select('tx1');
    const results = page.locator('.inspector [data-field-pointer="/results"]');
    await results.getByLabel('Store results (variable: result field) Key').selectOption('balance');
    await results.getByLabel('Store results (variable: result field) balance').fill('accountBalance');
    await saved();
    await expect
      .poll(() => savedConfig('tx1').then((c) => c?.results), { timeout: 20_000 })
      .toEqual({ balance: 'accountBalance' });
    expect(pageErrors).toEqual([]);
  });

  it('shows only the settings of the chosen answer type on a dropped ask node (issue 20)', async () => {
    await canvas.dropFromPalette('ask', 0.5, 0.75);
    await canvas.node('ask1').waitFor();
    await canvas.select('ask1');
    const slot = page.locator('.inspector [data-field-pointer="/slot"]');
    const shown = () =>
      slot.locator('[data-field-pointer^="/slot/"]').evaluateAll((els) => els.map((el) => el.dataset.fieldPointer));
    await slot.locator('[data-field-pointer="/slot/type"] select').selectOption('number');
    await expect.poll(shown).toEqual(['/slot/type', '/slot/min', '/slot/max', '/slot/validate']);
    await slot.locator('[data-field-pointer="/slot/type"] select').selectOption('digits');
    await expect
      .poll(shown)
      .toEqual(['/slot/type', '/slot/minLength', '/slot/maxLength', '/slot/terminator', '/slot/validate']);
    expect(await slot.getByText('Key that ends the entry').count()).toBe(1);
  });

  it("words the ask node's missing variable in plain words under the node's title (issue 20)", async () => {
    await page.locator('#node-label').fill('Card digits');
    const problem = page.locator('.problems li').filter({ hasText: 'Store answer in: choose a variable' });
    await expect.poll(() => problem.textContent()).toContain('Card digits');
    expect(await page.locator('.problems').textContent()).not.toContain('must NOT');
  });

  it('declares a new variable from the picker and stores the answer in it (issue 20)', async () => {
    const field = page.locator('.inspector [data-field-pointer="/variable"]');
    await field.getByLabel('Store answer in').selectOption({ label: '+ New variable' });
    await field.getByLabel('New variable name').fill('cardLast4');
    await field.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => field.getByLabel('Store answer in').inputValue()).toBe('cardLast4');
    await expect.poll(() => page.locator('.problems li').filter({ hasText: 'Store answer in' }).count()).toBe(0);
    await saved();
    await expect.poll(() => savedConfig('ask1').then((c) => c?.variable), { timeout: 20_000 }).toBe('cardLast4');
  });

  it('drops a banking node with no problem in its form (issue 20)', async () => {
    await canvas.dropFromPalette('banking.activateCard', 0.25, 0.75);
    await canvas.node('activateCard1').waitFor();
    await canvas.select('activateCard1');
    const onNode = page.locator('.problems li').filter({ hasText: 'Activate card' });
    // It waits to be connected (FLOW011, FLOW013); nothing about its config or variables is wrong.
    await expect.poll(() => onNode.count()).toBeGreaterThan(0);
    expect(await onNode.filter({ hasNotText: /FLOW011|FLOW013/ }).count()).toBe(0);
    // Even those read in analyst words: the port's label, never the node's id.
    expect(await onNode.first().textContent()).toContain('"Success" leads nowhere yet');
    expect((await onNode.allTextContents()).join('\n')).not.toContain('activateCard1');
    expect(await page.locator('.inspector [data-field-pointer] .field-error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
