import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CanvasDriver } from './support/canvasDriver.ts';
import type { Stack } from './support/startStack.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const en = (text: string) => ({ text: { 'en-US': text } });

/** A card-activation menu, stored as a draft only: the call can only succeed if the simulator runs the draft. */
const flow = {
  id: 'voice-simulator',
  name: 'Voice simulator',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [{ name: 'cardLastFour', type: 'string' }],
  start: 'start',
  nodes: [
    { id: 'start', type: 'start', config: {}, position: { x: 0, y: 0 } },
    { id: 'welcome', type: 'message', config: { prompt: en('Welcome to card services.') }, position: { x: 0, y: 160 } },
    {
      id: 'menu1',
      type: 'menu',
      config: {
        prompt: en('Main menu.'),
        options: [
          { key: '1', label: { 'en-US': 'card activation' }, synonyms: { 'en-US': ['activate my card'] } },
          { key: '2', label: { 'en-US': 'agent' }, synonyms: { 'en-US': ['talk to an agent'] } },
        ],
      },
      position: { x: 0, y: 320 },
    },
    {
      id: 'lastFour',
      type: 'ask',
      config: {
        prompt: en('Please enter the last four digits of your card.'),
        variable: 'cardLastFour',
        slot: { type: 'digits', minLength: 4, maxLength: 4 },
      },
      position: { x: 0, y: 560 },
    },
    { id: 'agent', type: 'transfer', config: { queue: 'general' }, position: { x: 400, y: 560 } },
    { id: 'bye', type: 'end', config: { prompt: en('Goodbye.') }, position: { x: 0, y: 760 } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'welcome' },
    { source: 'welcome', port: 'next', target: 'menu1' },
    { source: 'menu1', port: '1', target: 'lastFour' },
    { source: 'menu1', port: '2', target: 'agent' },
    { source: 'menu1', port: 'noMatch', target: 'agent' },
    { source: 'menu1', port: 'noInput', target: 'bye' },
    { source: 'lastFour', port: 'next', target: 'bye' },
    { source: 'lastFour', port: 'noInput', target: 'bye' },
    { source: 'lastFour', port: 'noMatch', target: 'agent' },
  ],
};

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let audioDir = '';
const pageErrors: string[] = [];

/**
 * The fake microphone's recording: flite says "activate my card" between stretches of silence (Chromium loops the
 * file, so the caller keeps repeating it), at 48 kHz as a sound card would deliver it.
 */
function callerRecording(dir: string): string {
  const spoken = join(dir, 'spoken.wav');
  const wav = join(dir, 'caller.wav');
  execFileSync('flite', ['-voice', 'slt', '-t', 'activate my card', '-o', spoken]);
  execFileSync('sox', [spoken, '-r', '48000', '-c', '1', '-b', '16', wav, 'pad', '1.5', '3']);
  return wav;
}

function panel() {
  return page.locator('.voice-call-panel');
}

async function audioBytes(): Promise<number> {
  return Number(await panel().getAttribute('data-audio-bytes'));
}

describe('the simulator in voice mode with the browser microphone (issue 8)', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    audioDir = mkdtempSync(join(tmpdir(), 'omniflow-voice-e2e-'));
    const wav = callerRecording(audioDir);
    session = await openDesigner(pageErrors, {
      chromiumArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${wav}`,
        '--autoplay-policy=no-user-gesture-required',
      ],
      timeoutMs: 30_000,
    });
    ({ stack, page } = session);
    await createFlow(stack, flow);
  });

  afterAll(async () => {
    await session?.close();
    if (audioDir) rmSync(audioDir, { recursive: true, force: true });
  });

  it('hears "activate my card" from the microphone, plays the prompts and reaches the card-activation branch of the draft', async () => {
    await page.goto(`${stack.url}/#/flows/${flow.id}`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('tab', { name: 'Simulator' }).click();
    await page.getByLabel('Channel').selectOption('voice');
    await page.getByLabel('Microphone', { exact: true }).check();
    await page.getByRole('button', { name: 'Call with microphone' }).click();

    await panel().locator('.sim-line.from-bot').filter({ hasText: 'Main menu' }).waitFor({ timeout: 60_000 });
    // The gateway reports each turn's node: the canvas highlights the menu the call is waiting at.
    const canvas = new CanvasDriver(page);
    await canvas.node('menu1').locator('.flow-node.is-active').waitFor();
    await expect.poll(audioBytes, { timeout: 30_000 }).toBeGreaterThan(0);
    const beforeAnswer = await audioBytes();

    // The recognizer runs in the runtime on the microphone's audio; the machine may be busy, so wait generously.
    await panel()
      .locator('.sim-line.from-caller')
      .filter({ hasText: /activate my card/i })
      .waitFor({ timeout: 120_000 });
    await panel().locator('.sim-line.from-bot').filter({ hasText: 'last four digits' }).waitFor({ timeout: 60_000 });
    await canvas.node('lastFour').locator('.flow-node.is-active').waitFor();
    expect(await page.locator('.flow-node.is-active').count()).toBe(1);
    // The next prompt came back as audio too: 16 kHz 16-bit PCM, so more than a second of it is over 32 kB.
    await expect.poll(async () => (await audioBytes()) - beforeAnswer, { timeout: 30_000 }).toBeGreaterThan(32_000);
    await page.screenshot({ path: join(screenshots, '30-simulator-microphone.png') });

    // Keys go to the call out of band; four digits fill the slot and the flow says goodbye and ends the call.
    for (const digit of '1234')
      await panel()
        .getByRole('button', { name: `key ${digit}` })
        .click();
    await panel().locator('.sim-line.from-caller').filter({ hasText: 'Keys: 1234' }).waitFor({ timeout: 60_000 });
    // The variables table follows the call as it does for typed sessions: the slot's value, marked as changed.
    await page
      .locator('.sim-variables tr.is-changed')
      .filter({ hasText: 'cardLastFour' })
      .filter({ hasText: '1234' })
      .waitFor({ timeout: 60_000 });
    await panel().locator('.sim-line.from-bot').filter({ hasText: 'Goodbye.' }).waitFor({ timeout: 60_000 });
    await panel()
      .locator('.sim-line.from-system')
      .filter({ hasText: 'Call ended (completed).' })
      .waitFor({ timeout: 60_000 });
    await panel().getByRole('button', { name: 'Call with microphone' }).waitFor();
    // The ended session leaves no node highlighted.
    expect(await page.locator('.flow-node.is-active').count()).toBe(0);
  });

  it('hangs up a call in progress and can call again', async () => {
    await panel().getByRole('button', { name: 'Call with microphone' }).click();
    await panel()
      .locator('.sim-line.from-bot')
      .filter({ hasText: 'Welcome to card services.' })
      .waitFor({ timeout: 60_000 });
    await panel().getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => panel().getAttribute('data-status')).toBe('ended');
    await panel().getByRole('button', { name: 'Call with microphone' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
