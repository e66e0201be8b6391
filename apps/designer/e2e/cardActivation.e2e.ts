import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { openDesigner, type DesignerSession } from './support/openDesigner.ts';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = join(here, 'screenshots');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
let flowId = '';
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** Waits until the autosave indicator says the draft is saved. */
async function saved(): Promise<void> {
  await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 20_000 });
}

function problems() {
  return page.locator('.problems li');
}

describe('an analyst builds the card-activation menu from an empty flow', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    session = await openDesigner(pageErrors);
    ({ stack, page, canvas } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('creates an empty flow from the flow list', async () => {
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Flow name').fill('Card activation');
    await page.getByRole('button', { name: 'Create' }).click();
    await canvas.node('start1').waitFor();
    flowId = decodeURIComponent(new URL(page.url()).hash.replace('#/flows/', ''));
    expect(flowId).toMatch(/^card-activation-/);
    await expect.poll(() => problems().allTextContents()).toEqual([expect.stringContaining('FLOW011')]);
  });

  it('drags a menu, a message, a transfer and an end node from the palette', async () => {
    await page.locator('.react-flow__controls-zoomout').click();
    await page.locator('.react-flow__controls-zoomout').click();
    await canvas.dropFromPalette('menu', 0.22, 0.1);
    await canvas.dropFromPalette('message', 0.72, 0.06);
    await canvas.dropFromPalette('transfer', 0.72, 0.3);
    await canvas.dropFromPalette('end', 0.72, 0.72);
    for (const id of ['menu1', 'message1', 'transfer1', 'end1']) await canvas.node(id).waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
  });

  it('fills the menu prompt and options in English and Chinese', async () => {
    await canvas.select('menu1');
    const prompt = page.locator('[data-field-pointer="/prompt"]');
    await prompt
      .getByLabel('Prompt (en-US)')
      .fill('Welcome to card services. For card activation press 1, for an agent press 2.');
    await prompt.getByRole('tab', { name: 'zh-CN' }).click();
    await prompt.getByLabel('Prompt (zh-CN)').fill('欢迎致电银行卡服务。激活卡请按1，人工服务请按2。');

    const options = page.locator('[data-field-pointer="/options"]');
    await options.getByLabel('Label 1 (en-US)').fill('card activation');
    await options.getByRole('button', { name: 'Add row' }).click();
    await expect.poll(() => options.getByLabel('Key 2').inputValue()).toBe('2');
    await options.getByLabel('Label 2 (en-US)').fill('agent');
    await options.getByRole('tab', { name: 'zh-CN' }).click();
    await options.getByLabel('Label 1 (zh-CN)').fill('激活卡');
    await options.getByLabel('Label 2 (zh-CN)').fill('人工服务');
    // The new option is a port on the canvas at once.
    await canvas.node('menu1').locator('.react-flow__handle[data-handleid="2"]').waitFor();

    await canvas.select('message1');
    await page.getByLabel('Message (en-US)').fill('Your card is now active. Thank you!');
  });

  it('connects the ports', async () => {
    await canvas.connect('start1', 'next', 'menu1');
    await canvas.connect('menu1', '1', 'message1');
    await canvas.connect('menu1', '2', 'transfer1');
    await canvas.connect('menu1', 'noInput', 'end1');
    await canvas.connect('menu1', 'noMatch', 'end1');
    await canvas.connect('message1', 'next', 'end1');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(6);
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForTimeout(600);
    await shot('01-built-flow');
  });

  it('shows the missing Chinese message as a problem and fixes it from the problems panel', async () => {
    const missing = problems().filter({ hasText: 'zh-CN' });
    await expect.poll(() => missing.count()).toBe(1);
    await expect.poll(() => canvas.node('message1').locator('.flow-node-badge.error').textContent()).toBe('1');
    await shot('02-problem');
    await missing.getByRole('button').click();
    const zh = page.getByLabel('Message (zh-CN)');
    await expect.poll(() => zh.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('您的卡已激活。谢谢！');
    await expect.poll(() => problems().count()).toBe(0);
    await expect.poll(() => page.locator('.problems').textContent()).toContain('No problems');
  });

  it('undoes and redoes deleting a node with its edges', async () => {
    await canvas.select('transfer1');
    await page.locator('.react-flow__pane').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(5);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(6);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await page.keyboard.press('Control+y');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(6);
  });

  it('publishes the flow with a note', async () => {
    await saved();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByLabel('Release note').fill('First card-activation menu');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 1.').waitFor();
    const version = page.locator('.version-list li').filter({ hasText: 'First card-activation menu' });
    expect(await version.textContent()).toMatch(/v1.*active/);
    await shot('03-published');
  });

  it('converses with the draft in the chat simulator', async () => {
    await page.getByRole('tab', { name: 'Simulator' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: 'Welcome to card services' }).waitFor();
    await canvas.node('menu1').locator('.flow-node.is-active').waitFor();
    await page
      .locator('.sim-choices')
      .getByRole('button', { name: /card activation/i })
      .click();
    await page.locator('.sim-line.from-bot').filter({ hasText: 'Your card is now active' }).waitFor();
    await page.locator('.sim-line.from-system').filter({ hasText: 'Session ended' }).waitFor();
    expect(await page.locator('.sim-line.from-caller').allTextContents()).toEqual(['card activation']);
    await shot('04-simulator-chat');
  });

  it('converses in keypad mode and in Chinese', async () => {
    await page.getByLabel('Channel').selectOption('dtmf');
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.locator('.sim-line.from-bot').first().waitFor();
    await shot('05-simulator-keypad');
    await page.getByRole('button', { name: 'key 2' }).click();
    await page.locator('.sim-line.from-system').filter({ hasText: 'Transferred to general' }).waitFor();

    await page.locator('.simulator').getByLabel('Locale').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: '欢迎致电银行卡服务' }).waitFor();
    await page.getByRole('button', { name: 'key 1' }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: '您的卡已激活' }).waitFor();
    expect(await page.locator('.sim-line.from-caller').allTextContents()).toEqual(['1']);
  });

  it('converses in voice mode by typing what the caller says', async () => {
    await page.locator('.simulator').getByLabel('Locale').selectOption('en-US');
    await page.getByLabel('Channel').selectOption('voice');
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: 'Welcome to card services' }).waitFor();
    await page.getByLabel('Type what the caller says').fill('I want to talk to an agent');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.sim-line.from-system').filter({ hasText: 'Transferred to general' }).waitFor();
    expect(await page.locator('.sim-line.from-caller').allTextContents()).toEqual(['I want to talk to an agent']);
  });

  it('shows a conflicting save from another user instead of overwriting it', async () => {
    const headers = { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' };
    const current = (await (await fetch(`${stack.url}/api/flows/${flowId}`, { headers })).json()) as {
      flow: { draft: Record<string, unknown>; revision: number };
    };
    const theirs = { ...current.flow.draft, name: 'Renamed by a colleague' };
    const put = await fetch(`${stack.url}/api/flows/${flowId}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ flow: theirs, revision: current.flow.revision }),
    });
    expect(put.status).toBe(200);

    await page.getByLabel('Flow name', { exact: true }).fill('My name for it');
    await page.getByRole('alertdialog').waitFor();
    await shot('06-conflict');
    await page.getByRole('button', { name: 'Reload theirs' }).click();
    await expect.poll(() => page.getByLabel('Flow name', { exact: true }).inputValue()).toBe('Renamed by a colleague');
    await saved();

    // Again, and this time keep mine: the save goes on top of their revision.
    const again = (await (await fetch(`${stack.url}/api/flows/${flowId}`, { headers })).json()) as typeof current;
    const second = await fetch(`${stack.url}/api/flows/${flowId}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ flow: { ...again.flow.draft, name: 'Theirs again' }, revision: again.flow.revision }),
    });
    expect(second.status).toBe(200);
    await page.getByLabel('Flow name', { exact: true }).fill('Card activation');
    await page.getByRole('button', { name: 'Overwrite with mine' }).click();
    await saved();
    const after = (await (await fetch(`${stack.url}/api/flows/${flowId}`, { headers })).json()) as typeof current;
    expect(after.flow.draft.name).toBe('Card activation');
    expect(after.flow.revision).toBe(again.flow.revision + 2);
  });

  it('switches the UI language', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('ko');
    await page.getByRole('tab', { name: '시뮬레이터' }).waitFor();
    await page.getByLabel('언어', { exact: true }).selectOption('zh-CN');
    await page.getByRole('tab', { name: '模拟器' }).waitFor();
    await page.getByLabel('语言', { exact: true }).selectOption('en');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.locator('.canvas-fit').click();
    await page.waitForTimeout(400);
    await canvas.select('menu1');
    await shot('07-designer');
    expect(pageErrors).toEqual([]);
  });
});
