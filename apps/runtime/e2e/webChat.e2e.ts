import { chromium, type Browser, type Page } from 'playwright-core';
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

  it('sends an input whose reply was lost again with the same inputId, and the turn runs once (issue 22)', async () => {
    const page = await browser.newPage();
    const lost = await loseFirstReply(page, 'input');
    await page.goto(chatUrl);
    await expect.poll(() => page.locator('.msg.bot').first().textContent()).toMatch(/Main menu/);
    await page.getByRole('button', { name: 'Balance' }).click();
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toMatch(/PIN/);
    expect(lost.dropped).toBe(true);
    expect(lost.sent).toHaveLength(2);
    expect(lost.sent[0]?.inputId).toMatch(/\S{8,}/);
    expect(lost.sent[1]?.inputId).toBe(lost.sent[0]?.inputId);
    const sessionId = await page.evaluate("sessionStorage.getItem('omniflow-chat:webchat')");
    expect((await t.api('GET', `/api/sessions/${sessionId}`)).body.session.turn).toBe(1);
  });

  it('starts again with the same inputId when the first reply was lost, and one session is started (issue 22)', async () => {
    const before = (await t.api('GET', '/api/contacts?flowId=webchat&limit=100')).body.contacts.length;
    const page = await browser.newPage();
    const lost = await loseFirstReply(page, 'start');
    await page.goto(chatUrl);
    await expect.poll(() => page.locator('.msg.bot').first().textContent(), { timeout: 10_000 }).toMatch(/Main menu/);
    expect(lost.dropped).toBe(true);
    expect(lost.sent).toHaveLength(2);
    expect(lost.sent[1]?.inputId).toBe(lost.sent[0]?.inputId);
    expect((await t.api('GET', '/api/contacts?flowId=webchat&limit=100')).body.contacts).toHaveLength(before + 1);
  });
});

/**
 * Passes the chat socket's messages through, except that the reply to the first client message of `type` is lost with
 * the connection (the page reconnects); answers the client messages of that type as sent.
 */
async function loseFirstReply(
  page: Page,
  type: 'start' | 'input',
): Promise<{ sent: { inputId?: string }[]; dropped: boolean }> {
  const lost: { sent: { inputId?: string }[]; dropped: boolean } = { sent: [], dropped: false };
  await page.routeWebSocket(/\/ws\/chat/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const parsed = JSON.parse(String(message));
      if (parsed.type === type) lost.sent.push(parsed);
      server.send(message);
    });
    server.onMessage((message) => {
      if (!lost.dropped && lost.sent.length === 1 && JSON.parse(String(message)).type === 'turn') {
        lost.dropped = true;
        void ws.close();
        return;
      }
      ws.send(message);
    });
  });
  return lost;
}
