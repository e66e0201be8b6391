import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../designer/e2e/support/launchChromium.ts';
import { openPersonPage, signInToDesk } from './support/deskBrowser.ts';
import { startTestRuntime, type TestRuntime } from '../../runtime/src/testing/startTestRuntime.ts';
import { queueFlow } from '../../runtime/src/testing/testFlows.ts';

// Issue 16, point 1: a supervisor creates a queue and an agent on the desk's Administration page (a mistake is
// explained in plain words first), the new agent signs in, and a customer whose flow transfers to the new queue rings
// at the new agent's desk.
const deskDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(deskDir, '../..');

let t: TestRuntime;
let browser: Browser;
let chatUrl = '';
const pageErrors: string[] = [];

const openPage = (): Promise<Page> => openPersonPage(browser, pageErrors, 900);
const signIn = (page: Page, login: string, password: string): Promise<void> =>
  signInToDesk(page, t.url, login, password);

describe('the desk administration (issue 16, point 1)', () => {
  beforeAll(async () => {
    await build({ root: deskDir, configFile: join(deskDir, 'vite.config.ts'), logLevel: 'warn' });
    t = await startTestRuntime({ OMNIFLOW_SEED_DIR: join(repoRoot, 'examples/flows') });
    // A flow that hands its callers to a queue nobody has created yet.
    await t.api('POST', '/api/flows', { flow: queueFlow('loans', 'mortgages') });
    await t.api('POST', '/api/flows/loans/publish', {});
    const token: string = (await t.api('POST', '/api/flows/loans/channel-tokens', {})).body.token;
    chatUrl = `${t.url}/chat/loans?token=${token}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a queue and an agent, and the agent is offered a contact of that queue', async () => {
    const supervisor = await openPage();
    await signIn(supervisor, 'sam', 'sam-demo-desk');
    await supervisor.getByRole('button', { name: 'Administration' }).click();

    await supervisor.getByRole('button', { name: 'New queue' }).click();
    const queueForm = supervisor.locator('form.admin-form');
    await queueForm.getByLabel('Id', { exact: true }).fill('mortgages');
    await queueForm.getByLabel('Name', { exact: true }).fill('Mortgages');
    await queueForm.getByRole('button', { name: 'Add a skill' }).click();
    await queueForm.getByLabel('Skill', { exact: true }).fill('mortgage');
    await queueForm.getByLabel('Minimum level').selectOption('3');
    await queueForm.getByLabel('Priority (1–10, higher first)').fill('11');
    await queueForm.getByLabel('When closed or waited too long').selectOption('queue');
    await queueForm.getByRole('button', { name: 'Save' }).click();
    // Mistakes are named in plain words, by field, before anything is sent.
    const problems = queueForm.locator('.form-problems');
    await problems.getByText('Priority: Enter a whole number from 1 to 10.').waitFor();
    await problems.getByText('When closed or waited too long: Pick the queue to move contacts to.').waitFor();
    await queueForm.getByLabel('Priority (1–10, higher first)').fill('8');
    await queueForm.getByLabel('Queue to move to').selectOption('general-banking');
    await queueForm.getByLabel('Maximum wait (seconds)').fill('600');
    await queueForm.getByRole('button', { name: 'Save' }).click();
    await supervisor.locator('tr[data-queue="mortgages"]', { hasText: 'mortgage ≥ 3' }).waitFor();

    await supervisor.getByRole('button', { name: 'New agent' }).click();
    const agentForm = supervisor.locator('form.admin-form');
    await agentForm.getByLabel('Id', { exact: true }).fill('mina');
    await agentForm.getByLabel('Name', { exact: true }).fill('Mina Park');
    await agentForm.getByLabel('Login', { exact: true }).fill('mina');
    await agentForm.getByLabel('Password', { exact: true }).fill('short');
    await agentForm.getByRole('button', { name: 'Add a skill' }).click();
    await agentForm.getByLabel('Skill', { exact: true }).fill('mortgage');
    await agentForm.getByLabel('Level', { exact: true }).selectOption('4');
    await agentForm.getByLabel('Languages (comma-separated, e.g. en, zh-CN, ko)').fill('en, ko');
    await agentForm.getByLabel('Maximum chats at once').fill('2');
    await agentForm.getByRole('button', { name: 'Save' }).click();
    await agentForm.getByText('Password: The password needs at least 8 characters.').waitFor();
    await agentForm.getByText('Takes contacts from: Pick at least one queue').waitFor();
    await agentForm.getByLabel('Password', { exact: true }).fill('mina-password');
    await agentForm.getByLabel('Mortgages').check();
    await agentForm.getByRole('button', { name: 'Save' }).click();
    const row = supervisor.locator('tr[data-agent="mina"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('mortgage 4');
    expect(await row.textContent()).toContain('en, ko');
    await supervisor.screenshot({ path: join(repoRoot, 'docs/desk-admin.png'), fullPage: true });

    // The runtime stored what the page showed.
    const stored = (await t.api('GET', '/api/agents')).body.agents.find((a: { id: string }) => a.id === 'mina');
    expect(stored).toMatchObject({ maxChats: 2, languages: ['en', 'ko'], queues: ['mortgages'], role: 'agent' });
    const queue = (await t.api('GET', '/api/queues')).body.queues.find((q: { id: string }) => q.id === 'mortgages');
    expect(queue).toMatchObject({
      priority: 8,
      maxWaitSeconds: 600,
      overflow: { kind: 'queue', queueId: 'general-banking' },
    });

    // The new agent signs in and goes available; a customer of the loans flow rings at her desk.
    const mina = await openPage();
    await signIn(mina, 'mina', 'mina-password');
    await mina.getByLabel('State').selectOption('available');
    const customer = await openPage();
    await customer.goto(chatUrl);
    await customer.getByText('Topic?').waitFor();
    await customer.getByLabel('Message').fill('mortgage rates');
    await customer.getByRole('button', { name: 'Send' }).click();
    const offer = mina.locator('.offer');
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Accept' }).click();
    await customer.getByText('Mina Park joined the chat.').waitFor();

    // The same page in Korean: labels and mistakes in the supervisor's language.
    await supervisor.getByLabel('Language').selectOption('ko');
    await supervisor.getByRole('button', { name: '새 대기열' }).click();
    await supervisor.getByRole('button', { name: '저장' }).click();
    await supervisor.getByText('이름: 이름을 입력하세요.').waitFor();
    await supervisor.getByLabel('언어').selectOption('en');
    expect(pageErrors).toEqual([]);
  });
});
