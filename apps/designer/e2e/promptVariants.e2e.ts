import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';
import { PROMPT_MESSAGES } from '../src/components/PromptVariants/promptMessages.ts';

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

/** A two-locale menu whose prompt has no channel wording and no SSML yet. */
const flow = {
  id: 'prompt-variants',
  name: 'Prompt variants',
  schemaVersion: 1,
  locales: ['en-US', 'zh-CN'],
  defaultLocale: 'en-US',
  variables: [],
  start: 'start1',
  nodes: [
    { id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'menu1',
      type: 'menu',
      label: 'Main menu',
      position: { x: 300, y: 0 },
      config: {
        prompt: { text: { 'en-US': 'Main menu.', 'zh-CN': '主菜单。' } },
        options: [{ key: '1', label: { 'en-US': 'Balance', 'zh-CN': '余额' } }],
        instructions: 'off',
      },
    },
    { id: 'end1', type: 'end', label: 'Goodbye', position: { x: 600, y: 0 }, config: { outcome: 'completed' } },
  ],
  edges: [
    { source: 'start1', port: 'next', target: 'menu1' },
    { source: 'menu1', port: '1', target: 'end1' },
  ],
};

async function savedPrompt(): Promise<unknown> {
  const response = await fetch(`${stack.url}/api/flows/${flow.id}`, {
    headers: { authorization: `Bearer ${stack.token}` },
  });
  const body = (await response.json()) as {
    flow: { draft: { nodes: { id: string; config: { prompt?: unknown } }[] } };
  };
  return body.flow.draft.nodes.find((n) => n.id === 'menu1')?.config.prompt;
}

const promptField = () => page.locator('.inspector [data-field-pointer="/prompt"]').first();
const variants = () => promptField().locator('.prompt-variants');
const wording = (channel: string) => variants().locator(`.prompt-variant[data-channel="${channel}"] textarea`);
const ssml = () => variants().locator('textarea.prompt-ssml');
const said = (channel: string) =>
  page.getByTestId('node-preview').locator(`[data-channel="${channel}"] dd`).textContent();

async function openMenuIn(language: 'en' | 'zh-CN' | 'ko'): Promise<void> {
  await page.goto(`${stack.url}/#/flows/${flow.id}`);
  await page.locator('.language-switcher select').selectOption(language);
  await canvas.node('menu1').waitFor();
  await canvas.select('menu1');
  await variants().waitFor();
}

describe('prompt editor: wording per channel and SSML (issue 20, point 8)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page, canvas } = session);
    await createFlow(stack, flow);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sets a chat and a keypad wording for one locale, which the channel preview shows and the other locale does not', async () => {
    await openMenuIn('en');
    const t = PROMPT_MESSAGES.en;
    expect(await variants().locator('summary').innerText()).toBe('Channel wording and SSML');
    await variants().locator('summary').click();
    expect(await wording('chat').getAttribute('placeholder')).toBe(t.sameAsText);
    await wording('chat').fill('Pick one below:');
    await wording('dtmf').fill('Use your keypad. Main menu.');
    await expect.poll(() => said('chat'), { timeout: 20_000 }).toBe('Pick one below: [Buttons: Balance]');
    expect(await said('dtmf')).toBe('Use your keypad. Main menu.');
    expect(await said('voice')).toBe('Main menu.');
    // The zh-CN tab of the prompt shows its own (empty) wording, and zh-CN callers hear the prompt text.
    await promptField().getByRole('tab', { name: 'zh-CN' }).first().click();
    expect(await wording('chat').inputValue()).toBe('');
    await page.getByTestId('node-preview').getByRole('tab', { name: 'zh-CN' }).click();
    await expect.poll(() => said('chat'), { timeout: 20_000 }).toMatch(/^主菜单。 \[/);
    await expect.poll(savedPrompt, { timeout: 20_000 }).toEqual({
      text: { 'en-US': 'Main menu.', 'zh-CN': '主菜单。' },
      channels: {
        chat: { text: { 'en-US': 'Pick one below:' } },
        dtmf: { text: { 'en-US': 'Use your keypad. Main menu.' } },
      },
    });
    // Clearing the keypad wording drops the keypad override, not the chat one.
    await promptField().getByRole('tab', { name: 'en-US' }).first().click();
    await wording('dtmf').fill('');
    await expect
      .poll(() => savedPrompt().then((prompt) => (prompt as { channels?: unknown }).channels), { timeout: 20_000 })
      .toEqual({ chat: { text: { 'en-US': 'Pick one below:' } } });
  });

  it('checks SSML as it is typed, in plain words, and keeps a valid one', async () => {
    await ssml().fill('<speak>Main <prosody rate="warp">menu</prosody>. Tom & Jerry');
    const problems = variants().getByRole('alert');
    await expect
      .poll(() => problems.locator('li').allInnerTexts())
      .toEqual([
        'Character 13: rate="warp" is not allowed on <prosody>. Use one of: x-slow, slow, medium, fast, x-fast, 80%.',
        'Character 54: write "&" as &amp;.',
        'Character 1: <speak> is never closed; add </speak>.',
      ]);
    expect(await ssml().getAttribute('aria-invalid')).toBe('true');
    await ssml().fill('<speak>Main <break time="300ms"/><emphasis level="strong">menu</emphasis>.</speak>');
    await expect.poll(() => variants().getByRole('status').innerText()).toBe('The SSML is valid.');
    await expect.poll(savedPrompt, { timeout: 20_000 }).toMatchObject({
      ssml: { 'en-US': '<speak>Main <break time="300ms"/><emphasis level="strong">menu</emphasis>.</speak>' },
    });
    expect(pageErrors).toEqual([]);
  });

  for (const language of ['zh-CN', 'ko'] as const) {
    it(`speaks ${language}: labels and SSML problems in that language`, async () => {
      await openMenuIn(language);
      const t = PROMPT_MESSAGES[language];
      // The prompt now has variants, so the section opens by itself.
      expect(await variants().getAttribute('open')).not.toBeNull();
      expect(await variants().locator('summary').innerText()).toBe(t.variants);
      expect(await variants().locator('.prompt-variant[data-channel="chat"]').innerText()).toContain(t.wording_chat);
      expect(await wording('chat').inputValue()).toBe('Pick one below:');
      await ssml().fill('<speak>Hi<audio src="x.wav"/></speak>');
      const expected = t.ssml_unknownTag
        .replace('{at}', '10')
        .replace('{tag}', 'audio')
        .replace('{tags}', 'speak, break, emphasis, prosody, say-as, sub, phoneme, lang, p, s');
      await expect.poll(() => variants().getByRole('alert').locator('li').allInnerTexts()).toEqual([expected]);
      expect(expected).toMatch(language === 'ko' ? /지원하지 않습니다/ : /不支持/);
      await ssml().fill('');
      await expect.poll(() => variants().getByRole('alert').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  }
});
