import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../designer/e2e/support/launchChromium.ts';
import { openPersonPage, signInToDesk } from './support/deskBrowser.ts';
import { startTestRuntime, type TestRuntime } from '../../runtime/src/testing/startTestRuntime.ts';
import { menuFlow, pinFlow } from '../../runtime/src/testing/testFlows.ts';

// Issue 16: three people in three browser contexts — a customer on the web chat page, an agent and a supervisor on
// /desk — from the bot to the queue, the agent taking the chat, chatting both ways, the supervisor reading along, and
// the wrap-up.
const deskDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(deskDir, '../..');
const SECRET = '90817';

const flow = {
  id: 'help',
  name: 'Help line',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [
    { name: 'memorable', type: 'string', sensitive: true },
    { name: 'topic', type: 'string', default: 'card fees' },
  ],
  start: 'ask',
  nodes: [
    {
      id: 'ask',
      type: 'ask',
      config: {
        prompt: { text: { 'en-US': 'Your memorable number?' } },
        variable: 'memorable',
        slot: { type: 'digits' },
      },
    },
    {
      id: 'wait',
      type: 'queue',
      config: {
        queue: 'general-banking',
        prompt: { text: { 'en-US': 'Connecting you to an agent.' } },
        reason: 'Asks about {{topic}}',
      },
    },
  ],
  edges: [
    { source: 'ask', port: 'next', target: 'wait' },
    { source: 'ask', port: 'noMatch', target: 'wait' },
    { source: 'ask', port: 'noInput', target: 'wait' },
  ],
};

let t: TestRuntime;
let browser: Browser;
let customer: Page;
let agent: Page;
let supervisor: Page;
let chatUrl = '';
const pageErrors: string[] = [];

const openPage = (): Promise<Page> => openPersonPage(browser, pageErrors);
const signIn = (page: Page, login: string, password: string): Promise<void> =>
  signInToDesk(page, t.url, login, password);

describe('a contact center in three browsers (issue 16)', () => {
  beforeAll(async () => {
    await build({ root: deskDir, configFile: join(deskDir, 'vite.config.ts'), logLevel: 'warn' });
    t = await startTestRuntime({ OMNIFLOW_SEED_DIR: join(repoRoot, 'examples/flows') });
    await t.api('POST', '/api/flows', { flow });
    await t.api('POST', '/api/flows/help/publish', {});
    await t.api('POST', '/api/flows', { flow: pinFlow('pin-check') });
    await t.api('POST', '/api/flows/pin-check/publish', {});
    const token: string = (await t.api('POST', '/api/flows/help/channel-tokens', {})).body.token;
    chatUrl = `${t.url}/chat/help?token=${token}`;
    browser = await launchChromium();
    [customer, agent, supervisor] = [await openPage(), await openPage(), await openPage()];
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('takes a chat from the bot to the agent and back through the wrap-up', async () => {
    // The seeded demo agents sign in (README: "Run a contact center in five minutes").
    await signIn(agent, 'ana', 'ana-demo-desk');
    await signIn(supervisor, 'sam', 'sam-demo-desk');

    await customer.goto(chatUrl);
    await customer.getByText('Your memorable number?').waitFor();
    await customer.getByLabel('Message').fill(SECRET);
    await customer.getByRole('button', { name: 'Send' }).click();
    await customer.getByText('Waiting for an agent…').waitFor();
    await expect.poll(() => customer.locator('#queue').textContent()).toMatch(/number 1 in the queue/);

    await agent.getByLabel('State').selectOption('available');
    const offer = agent.locator('.offer');
    await offer.waitFor();
    await expect.poll(() => offer.locator('.countdown').textContent()).toMatch(/\d+ s left/);
    await offer.getByRole('button', { name: 'Accept' }).click();
    const panel = agent.locator('.contact-panel');
    await panel.waitFor();
    expect(await panel.locator('.variable[data-name="memorable"] dd').textContent()).toBe('****');
    expect(await panel.locator('.reason').textContent()).toBe('Asks about card fees');
    expect(await panel.locator('.path').textContent()).toBe('ask → wait');
    await customer.getByText('Ana Agent joined the chat.').waitFor();

    await customer.getByLabel('Message').fill('Hello, why was I charged?');
    await customer.getByRole('button', { name: 'Send' }).click();
    await panel.locator('.chat-log .customer', { hasText: 'why was I charged' }).waitFor();
    await customer.locator('.msg.caller[data-state="read"]', { hasText: 'why was I charged' }).waitFor();

    await customer.getByLabel('Message').pressSequentially('one more');
    await panel.getByText('The customer is typing…').waitFor();
    await panel.getByLabel('Type a message').fill('Let me check your card fees.');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await customer.locator('.msg.agent', { hasText: 'Let me check your card fees.' }).waitFor();

    // The agent sends the customer straight to the PIN question of a flow; the desk sees only the outcome.
    await panel.getByLabel('Send to a flow').selectOption('pin-check');
    await panel.getByLabel('Node to start at').selectOption('askPin');
    await panel.getByRole('button', { name: 'Send to a flow' }).click();
    await customer.getByText('Enter your four digit PIN.').waitFor();
    await customer.getByLabel('Message').fill('2468');
    await customer.getByRole('button', { name: 'Send' }).click();
    await panel.locator('.chat-log .system', { hasText: 'pin-check: done' }).waitFor();
    await panel.locator('.chat-log .system', { hasText: 'PIN test / askPin' }).waitFor();
    expect(await agent.content()).not.toContain('2468');
    expect(await customer.getByText('Main menu').count()).toBe(0);

    // The supervisor sees the queue and the agent live, and reads along.
    await supervisor.getByRole('button', { name: 'Supervisor' }).click();
    await expect.poll(() => supervisor.locator('tr[data-queue="general-banking"] .answered').textContent()).toBe('1');
    await supervisor
      .locator('tr[data-agent="ana"]', { hasText: 'Busy' })
      .or(supervisor.locator('tr[data-agent="ana"]', { hasText: 'Available' }))
      .first()
      .waitFor();
    await supervisor.locator('.live-list li').getByRole('button', { name: 'Read along' }).click();
    await supervisor.locator('.read-along .chat-log .agent', { hasText: 'Let me check your card fees.' }).waitFor();

    await agent.screenshot({ path: join(repoRoot, 'docs/desk.png') });

    await panel.getByRole('button', { name: 'End chat' }).click();
    await customer.getByText('The agent ended the chat.').waitFor();
    const wrapUp = agent.locator('.wrap-up');
    await wrapUp.waitFor();
    await expect.poll(() => agent.locator('.acw').textContent()).toMatch(/After-call work: \d+ s left/);
    await wrapUp.getByLabel('Disposition').selectOption('resolved');
    await wrapUp.getByLabel('Notes').fill('Explained the annual fee.');
    await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
    await expect.poll(() => agent.getByLabel('State').inputValue()).toBe('available');

    // The desk never received the sensitive value, and the opening is in the audit log.
    expect(await agent.content()).not.toContain(SECRET);
    const audit = await t.api('GET', '/api/desk/audit');
    expect(audit.body.entries.map((e: { agentId: string; action: string }) => `${e.agentId}:${e.action}`)).toEqual(
      expect.arrayContaining(['ana:accept', 'sam:read-along']),
    );
    expect(pageErrors).toEqual([]);
  });

  it("shows a real-time alert in the supervisor view within a second of the caller's turn (issue 17)", async () => {
    // A flow whose caller turns are plain text (the help flow's only question takes a sensitive value, kept masked).
    const menu = menuFlow('service');
    await t.api('POST', '/api/flows', { flow: menu });
    await t.api('POST', '/api/flows/service/publish', {});
    const serviceToken: string = (await t.api('POST', '/api/flows/service/channel-tokens', {})).body.token;
    const rules = await t.api('PUT', '/api/insights/rules/service', {
      rules: [
        {
          id: 'complaint',
          category: 'complaint',
          alert: true,
          conditions: [{ kind: 'phrase', phrases: ['complaint'] }],
        },
      ],
    });
    expect(rules.status).toBe(200);
    await supervisor.locator('.alerts').getByText('No alerts yet.').waitFor();
    // The supervisor's page notes when the alert is drawn, so the time measured is the customer's send to the screen.
    // (A script string: this test file is type-checked without the DOM library.)
    await supervisor.evaluate(`new MutationObserver((changes, observer) => {
      if (document.querySelector('.alert-list li[data-category="complaint"]') === null) return;
      window.alertSeenAt = Date.now();
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true })`);
    const caller = await openPage();
    await caller.goto(`${t.url}/chat/service?token=${serviceToken}`);
    await caller.getByText('Say balance.').waitFor();
    await caller.getByLabel('Message').fill('I want to make a complaint about fees');
    const sentAt = Date.now();
    await caller.getByRole('button', { name: 'Send' }).click();
    const alert = supervisor.locator('.alert-list li[data-category="complaint"]');
    await alert.waitFor({ timeout: 5000 });
    const seenAt = Number(await supervisor.evaluate('window.alertSeenAt ?? 0'));
    expect(seenAt - sentAt).toBeGreaterThanOrEqual(0);
    expect(seenAt - sentAt).toBeLessThan(1000);
    expect(await alert.textContent()).toContain('complaint · chat · service');
    // An agent's desk shows no alerts list.
    expect(await agent.locator('.alert-list').count()).toBe(0);
    await supervisor.locator('.supervisor').screenshot({ path: join(repoRoot, 'docs/desk-alerts.png') });
    expect(pageErrors).toEqual([]);
  });

  it('shows the desk in Chinese and Korean', async () => {
    await agent.getByLabel('Language').selectOption('zh-CN');
    await agent.getByRole('heading', { name: '坐席工作台' }).waitFor();
    await agent.getByLabel('语言').selectOption('ko');
    await agent.getByRole('heading', { name: '상담원 데스크' }).waitFor();
    await agent.getByLabel('언어').selectOption('en');
    expect(await agent.locator('html').getAttribute('lang')).toBe('en');
  });
});
