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

/** A greeting and a goodbye: small enough to publish, diff and chat with. */
function greetingFlow(id: string, name: string, greeting: string) {
  return {
    id,
    name,
    schemaVersion: 1,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'start1',
    nodes: [
      { id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'greet',
        type: 'message',
        label: 'Greeting',
        position: { x: 300, y: 0 },
        config: { prompt: { text: { 'en-US': greeting } } },
      },
      { id: 'bye', type: 'end', label: 'Goodbye', position: { x: 600, y: 0 }, config: { outcome: 'completed' } },
    ],
    edges: [
      { source: 'start1', port: 'next', target: 'greet' },
      { source: 'greet', port: 'next', target: 'bye' },
    ],
  };
}

const api = (method: string, path: string, body?: unknown): Promise<unknown> => stackApi(stack)(method, path, body);

/** Replaces the draft with `flow` at its current revision, then publishes it. */
async function publishDraft(flow: ReturnType<typeof greetingFlow>, note: string): Promise<void> {
  const stored = (await api('GET', `/api/flows/${flow.id}`)) as { flow: { revision: number } };
  await api('PUT', `/api/flows/${flow.id}`, { flow, revision: stored.flow.revision });
  const after = (await api('GET', `/api/flows/${flow.id}`)) as { flow: { revision: number } };
  await api('POST', `/api/flows/${flow.id}/publish`, { note, revision: after.flow.revision });
}

async function openFlow(id: string): Promise<void> {
  await page.goto(`${stack.url}/#/flows/${id}`);
  await page.locator('.react-flow__node').first().waitFor();
}

describe('analyst tools', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors, { permissions: ['clipboard-read', 'clipboard-write'] });
    ({ stack, page } = session);
    // English unless a test picks another language with the switcher.
    await page.addInitScript(() => {
      if (!localStorage.getItem('omniflow.uiLanguage')) localStorage.setItem('omniflow.uiLanguage', 'en');
    });
    const channelsFlow = greetingFlow('support-line', 'Support line', 'Welcome to the support line.');
    await createFlow(stack, channelsFlow);
    await publishDraft(channelsFlow, 'first');
    const greetings = greetingFlow('greetings', 'Greetings', 'Hello.');
    await createFlow(stack, greetings);
    await publishDraft(greetings, 'first words');
    await publishDraft(greetingFlow('greetings', 'Greetings', 'Hello and welcome.'), 'warmer');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('creates a channel token, copies the chat link, previews the chat and revokes the token after confirming', async () => {
    await openFlow('support-line');
    await page.getByRole('tab', { name: 'Channels' }).click();
    await page.getByLabel('Token label').fill('Website');
    await page.getByRole('button', { name: 'Create token' }).click();
    const link = page.getByRole('textbox', { name: 'Web chat link' });
    await expect.poll(() => link.inputValue()).toContain('/chat/support-line?token=');
    await page.getByRole('button', { name: 'Copy: Web chat link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
    expect(await page.getByRole('textbox', { name: 'Embed snippet' }).inputValue()).toContain('<iframe src="');
    const twiml = await page.getByRole('textbox', { name: /Media-stream TwiML/ }).inputValue();
    expect(twiml).toContain('/ws/voice"');
    expect(twiml).toContain('<Parameter name="flowId" value="support-line" />');
    expect(await page.getByRole('textbox', { name: /Twilio webhook/ }).inputValue()).toBe(
      `${stack.url}/twilio/voice/support-line`,
    );
    await page.frameLocator('iframe.chat-preview').getByText('Welcome to the support line.').waitFor();
    await page.screenshot({ path: join(screenshots, '50-channels.png') });

    const token = new URL(await link.inputValue()).searchParams.get('token');
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Revoke Website' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Revoke Website' }).count()).toBe(0);
    expect(asked).toContain('Website');
    const config = await fetch(`${stack.url}/chat/support-line/config`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(config.status).toBe(401);
    expect(pageErrors).toEqual([]);
  });

  it('diffs two versions, previews one read-only, marks a draft that differs from live and asks before a rollback', async () => {
    await openFlow('greetings');
    await page.getByRole('tab', { name: 'Versions' }).click();
    expect(await page.getByTestId('draft-differs').count()).toBe(0);
    await page.getByRole('combobox', { name: 'From', exact: true }).selectOption('1');
    await page.getByRole('combobox', { name: 'To', exact: true }).selectOption('2');
    const changed = page.locator('[data-diff="nodesChanged"]');
    await changed.waitFor();
    expect(await changed.textContent()).toContain('/config/prompt/text/en-US');
    expect(await changed.locator('del').textContent()).toBe('Hello.');
    expect(await changed.locator('ins').textContent()).toBe('Hello and welcome.');
    await page.screenshot({ path: join(screenshots, '51-version-diff.png') });

    await page.getByRole('button', { name: 'Preview v1' }).click();
    await page.getByText('Previewing v1 (read-only)').waitFor();
    await page.getByRole('button', { name: 'Back to the draft' }).click();

    await page.getByLabel('Flow name').fill('Greetings, edited');
    await page.getByTestId('draft-differs').waitFor();
    expect(await page.getByTestId('draft-differs').textContent()).toBe('Draft differs from live');

    await page.getByRole('button', { name: 'Roll back to this version v1' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Roll back to v1?');
    await page.screenshot({ path: join(screenshots, '52-rollback-confirm.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const versions = (await api('GET', '/api/flows/greetings/versions')) as { liveVersion: number };
    expect(versions.liveVersion).toBe(2);
    await page.getByRole('button', { name: 'Roll back to this version v1' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Roll back to this version v1' }).click();
    await expect
      .poll(async () => ((await api('GET', '/api/flows/greetings/versions')) as { liveVersion: number }).liveVersion)
      .toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('creates a flow from a template, shows the shortcut help on ? and searches the flow list', async () => {
    await page.goto(`${stack.url}/#/`);
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    await page.getByText('Menu + transfer').click();
    await page.getByRole('textbox', { name: 'Flow name' }).fill('Sales line');
    await page.screenshot({ path: join(screenshots, '53-template-gallery.png') });
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    expect(await page.locator('.react-flow__node').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Main menu'), expect.stringContaining('Sales queue')]),
    );

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Ctrl/⌘ + Z');
    await page.screenshot({ path: join(screenshots, '54-shortcut-help.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);

    await page.getByRole('link', { name: /All flows/ }).click();
    await page.getByRole('searchbox', { name: 'Search flows' }).fill('greet');
    await expect.poll(() => page.locator('.flow-list-table tr').count()).toBe(1);
    expect(await page.locator('.flow-list-table tr').textContent()).toContain('Greetings');
    expect(await page.locator('.flow-list-table tr').textContent()).toMatch(/Edited /);
    await page.getByRole('searchbox', { name: 'Search flows' }).fill('no such flow');
    await page.getByText('No flow matches "no such flow".').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('speaks Korean throughout: templates, search, channels and the shortcut help', async () => {
    await page.goto(`${stack.url}/#/`);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.getByRole('searchbox', { name: '플로우 검색' }).fill('support');
    await expect.poll(() => page.locator('.flow-list-table tr').count()).toBe(1);
    await page.getByRole('searchbox', { name: '플로우 검색' }).fill('');
    await page.getByText('설문', { exact: true }).click();
    await page.getByRole('textbox', { name: '플로우 이름' }).fill('만족도 설문');
    await page.getByRole('button', { name: '만들기', exact: true }).click();
    await page.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await page.getByRole('tab', { name: '채널' }).click();
    await page.getByText('아직 채널 토큰이 없습니다', { exact: false }).waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: '키보드 단축키' }).waitFor();
    await page.screenshot({ path: join(screenshots, '55-shortcut-help-ko.png') });
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});
