import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../src/testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../src/testing/startTestRuntime.ts';

let t: TestRuntime;
let browser: Browser;
let chatUrl: string;

beforeAll(async () => {
  t = await startTestRuntime();
  await t.api('POST', '/api/flows', { flow: pinFlow('webchat') });
  await t.api('POST', '/api/flows/webchat/publish', {});
  chatUrl = `${t.url}${(await t.api('POST', '/api/flows/webchat/channel-tokens', { label: 'e2e' })).body.chatUrl}`;
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('web chat page in Chromium', () => {
  it('chats with quick replies and typed text, and survives a reload', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(chatUrl);
    await expect.poll(() => page.locator('.msg.bot').first().textContent()).toMatch(/Main menu/);
    await page.getByRole('button', { name: 'Balance' }).click();
    await expect.poll(() => page.locator('.msg.bot').last().textContent()).toMatch(/PIN/);
    await page.reload();
    await expect.poll(() => page.locator('.msg.system').last().textContent()).toMatch(/Welcome back/);
    await page.getByLabel('Message').fill('4321');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.msg.system').last().textContent()).toMatch(/ended/);
    expect(await page.locator('.log').textContent()).toMatch(/Goodbye/);
    expect(problems).toEqual([]);
  });

  it('switches the language and restarts the conversation in it', async () => {
    const page = await browser.newPage();
    await page.goto(chatUrl);
    await expect.poll(() => page.locator('.msg.bot').first().textContent()).toMatch(/Main menu/);
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.locator('.msg.bot').first().textContent()).toMatch(/主菜单/);
    await expect.poll(() => page.getByRole('button', { name: '余额' }).count()).toBe(1);
  });
});
