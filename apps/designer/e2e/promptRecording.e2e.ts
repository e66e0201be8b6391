import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';
import { VOICES_MESSAGES } from '../src/voices/voicesMessages.ts';

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
let canvas: CanvasDriver;
const pageErrors: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'omniflow-recording-e2e-'));
const wavFile = join(work, 'welcome.wav');
const fakeWav = join(work, 'notes.wav');
const textFile = join(work, 'notes.txt');

/** A two-locale menu whose prompt has no recording yet. */
const flow = {
  id: 'prompt-recording',
  name: 'Prompt recording',
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
      },
    },
    { id: 'end1', type: 'end', label: 'Goodbye', position: { x: 600, y: 0 }, config: { outcome: 'completed' } },
  ],
  edges: [
    { source: 'start1', port: 'next', target: 'menu1' },
    { source: 'menu1', port: '1', target: 'end1' },
  ],
};

interface SavedDraft {
  settings?: { voices?: unknown };
  nodes: { id: string; config: { prompt?: { audio?: Record<string, string> } } }[];
}

async function savedDraft(): Promise<SavedDraft> {
  const response = await fetch(`${stack.url}/api/flows/${flow.id}`, {
    headers: { authorization: `Bearer ${stack.token}` },
  });
  const body = (await response.json()) as { flow: { draft: SavedDraft } };
  return body.flow.draft;
}

const savedAudio = async () => (await savedDraft()).nodes.find((n) => n.id === 'menu1')?.config.prompt?.audio;
const recording = () =>
  page.locator('.inspector [data-field-pointer="/prompt"]').first().locator('.prompt-recording').first();

async function openMenuIn(language: 'en' | 'zh-CN' | 'ko', reload = false): Promise<void> {
  await page.goto(`${stack.url}/#/flows/${flow.id}`);
  // A draft changed behind the page's back is read again only by a fresh load (the hash alone does not reload).
  if (reload) await page.reload();
  await page.locator('.language-switcher select').selectOption(language);
  await canvas.node('menu1').waitFor();
  // The page may still show another side tab (Voices) from the test before: the recording is in the inspector.
  await page.locator('#side-tab-inspector').click();
  await canvas.select('menu1');
  const variants = page.locator('.inspector [data-field-pointer="/prompt"] .prompt-variants').first();
  await variants.waitFor();
  if ((await variants.getAttribute('open')) === null) await variants.locator('summary').click();
  await recording().waitFor();
}

describe('prompt recordings and voices in the designer (issue 20, point 8)', () => {
  beforeAll(async () => {
    execFileSync('flite', ['-voice', 'slt', '-t', 'Welcome to Omni Bank.', '-o', wavFile]);
    writeFileSync(fakeWav, 'these are not audio bytes');
    writeFileSync(textFile, 'hello');
    session = await openDesigner(pageErrors);
    ({ stack, page, canvas } = session);
    await createFlow(stack, flow);
  });

  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('uploads a WAV for one locale, keeps it in the flow and plays it back in the inspector', async () => {
    await openMenuIn('en');
    await recording().locator('input[type="file"]').setInputFiles(wavFile);
    await expect
      .poll(() => recording().getByRole('status').textContent(), { timeout: 20_000 })
      .toMatch(/^Recording welcome\.wav \(\d\.\d s\) is used for en-US\.$/);
    await expect
      .poll(savedAudio, { timeout: 20_000 })
      .toEqual({ 'en-US': expect.stringMatching(/^\/prompt-audio\/[0-9a-f]{64}$/) });
    // The player loads the runtime's copy: the browser decodes it and knows its length.
    const duration = await recording()
      .locator('audio')
      .evaluate(
        (audio: HTMLAudioElement) =>
          new Promise<number>((resolve, reject) => {
            if (audio.readyState >= 1) return resolve(audio.duration);
            audio.addEventListener('loadedmetadata', () => resolve(audio.duration), { once: true });
            audio.addEventListener('error', () => reject(new Error('the recording did not load')), { once: true });
          }),
      );
    expect(duration).toBeGreaterThan(0.8);
    expect(duration).toBeLessThan(5);
    await recording().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, '24-prompt-recording.png') });
    // The other locale has no recording of its own.
    await page
      .locator('.inspector [data-field-pointer="/prompt"]')
      .first()
      .getByRole('tab', { name: 'zh-CN' })
      .first()
      .click();
    await expect.poll(() => recording().locator('audio').count()).toBe(0);
  });

  it('says in plain words what is wrong with a file that is not really audio, and keeps the stored recording', async () => {
    await openMenuIn('en');
    await recording().locator('input[type="file"]').setInputFiles(fakeWav);
    await expect
      .poll(() => recording().getByRole('alert').textContent(), { timeout: 20_000 })
      .toBe(VOICES_MESSAGES.en.AUDIO_FORMAT.replace('{name}', 'notes.wav'));
    expect(await savedAudio()).toEqual({ 'en-US': expect.stringMatching(/^\/prompt-audio\//) });
    expect(pageErrors).toEqual([]);
  });

  for (const language of ['zh-CN', 'ko'] as const) {
    it(`refuses a text file in ${language}, and chooses a voice per locale there`, async () => {
      const t = VOICES_MESSAGES[language];
      await openMenuIn(language);
      expect(await recording().locator('label').first().textContent()).toBe(t.recording);
      await recording().locator('input[type="file"]').setInputFiles(textFile);
      await expect
        .poll(() => recording().getByRole('alert').textContent(), { timeout: 20_000 })
        .toBe(t.AUDIO_TYPE.replace('{name}', 'notes.txt'));

      await page.locator('#side-tab-voices').click();
      expect(await page.locator('#side-tab-voices').textContent()).toBe(t.voices);
      const twilio = page.getByRole('combobox', { name: `${t.twilioVoice} (en-US)` });
      const local = page.getByRole('combobox', { name: `${t.localVoice} (zh-CN)` });
      await twilio.selectOption('Polly.Matthew');
      await local.selectOption('espeak-ng/cmn-latn-pinyin');
      await expect
        .poll(async () => (await savedDraft()).settings?.voices, { timeout: 20_000 })
        .toEqual({ 'en-US': { twilio: 'Polly.Matthew' }, 'zh-CN': { local: 'espeak-ng/cmn-latn-pinyin' } });
      if (language === 'zh-CN') await page.screenshot({ path: join(screenshots, '25-voices-zh.png') });
      await twilio.selectOption('');
      await local.selectOption('');
      await expect.poll(async () => (await savedDraft()).settings, { timeout: 20_000 }).toBeUndefined();
      expect(pageErrors).toEqual([]);
    });
  }

  it('shows a voice the catalog does not have with the voices allowed for that locale', async () => {
    const draft = await fetch(`${stack.url}/api/flows/${flow.id}`, {
      headers: { authorization: `Bearer ${stack.token}` },
    });
    const { flow: stored } = (await draft.json()) as { flow: { draft: Record<string, unknown>; revision: number } };
    const put = await fetch(`${stack.url}/api/flows/${flow.id}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${stack.token}`,
        'content-type': 'application/json',
        'if-match': String(stored.revision),
      },
      body: JSON.stringify({
        flow: { ...stored.draft, settings: { voices: { 'en-US': { twilio: 'Polly.Nobody' } } } },
      }),
    });
    expect(put.status).toBe(200);
    await openMenuIn('en', true);
    await page.locator('#side-tab-voices').click();
    await expect
      .poll(() => page.locator('.voices-panel [role="alert"]').textContent(), { timeout: 20_000 })
      .toMatch(/^"Polly\.Nobody" is not a voice for en-US\. Choose one of: Polly\.Joanna, Polly\.Matthew, /);
    expect(pageErrors).toEqual([]);
  });
});
