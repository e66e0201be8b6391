import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';
import { stackApi } from './support/stackApi.ts';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

const FLOW_ID = 'notes-and-groups';

function greetingFlow(): unknown {
  const message = (id: string, label: string, x: number, text: string) => ({
    id,
    type: 'message',
    label,
    position: { x, y: 0 },
    config: { prompt: { text: { 'en-US': text } } },
  });
  return {
    id: FLOW_ID,
    name: 'Notes and groups',
    schemaVersion: 1,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'start1',
    nodes: [
      { id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} },
      message('hello', 'Hello', 300, 'Hello.'),
      message('terms', 'Terms', 600, 'Calls are recorded.'),
      { id: 'bye', type: 'end', label: 'Goodbye', position: { x: 900, y: 0 }, config: { outcome: 'completed' } },
    ],
    edges: [
      { source: 'start1', port: 'next', target: 'hello' },
      { source: 'hello', port: 'next', target: 'terms' },
      { source: 'terms', port: 'next', target: 'bye' },
    ],
  };
}

interface SavedAnnotations {
  notes: { text: string; color: string; size: { width: number } }[];
  groups: { title: string; nodes: string[] }[];
}

async function saved(): Promise<{ annotations?: SavedAnnotations; nodes: { id: string; position: { x: number } }[] }> {
  const { flow } = (await stackApi(stack)('GET', `/api/flows/${FLOW_ID}`)) as {
    flow: { draft: { annotations?: SavedAnnotations; nodes: { id: string; position: { x: number } }[] } };
  };
  return flow.draft;
}

async function waitSaved(): Promise<void> {
  await expect.poll(() => page.locator('.save-status').getAttribute('data-status')).toBe('saved');
}

async function drag(from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 12 });
  await page.waitForTimeout(50);
  await page.mouse.up();
}

const group = () => page.locator('.canvas-group');
const note = () => page.locator('.canvas-note');

describe('sticky notes and groups on the canvas (issue 20, point 2)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page, canvas } = session);
    await page.addInitScript(() => {
      if (!localStorage.getItem('omniflow.uiLanguage')) localStorage.setItem('omniflow.uiLanguage', 'en');
    });
    await createFlow(stack, greetingFlow());
    await page.goto(`${stack.url}/#/flows/${FLOW_ID}`);
    await canvas.node('hello').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('adds a note, types into it, recolours and resizes it, and saves it in the flow', async () => {
    await page.getByRole('button', { name: 'Add note' }).click();
    await note().waitFor();
    await note().getByLabel('Note text').fill('Ask legal about the recording wording');
    await note().getByRole('radio', { name: 'Pink' }).click();
    await expect.poll(() => note().getAttribute('class')).toContain('annotation-pink');
    const before = await canvas.box(note());
    const corner = await canvas.box(page.locator('.canvas-note-node .react-flow__resize-control.handle.bottom.right'));
    await drag({ x: corner.x + corner.width / 2, y: corner.y + corner.height / 2 }, { x: 90, y: 40 });
    await expect.poll(async () => (await canvas.box(note())).width).toBeGreaterThan(before.width + 40);
    await waitSaved();
    const draft = await saved();
    expect(draft.annotations?.notes).toMatchObject([{ text: 'Ask legal about the recording wording', color: 'pink' }]);
    expect(draft.annotations?.notes[0]?.size.width).toBeGreaterThan(250);
  });

  it('groups two selected nodes, moves them with the frame, lets one out, and undoes that', async () => {
    await canvas.select('hello');
    await canvas
      .node('terms')
      .locator('.flow-node-header')
      .click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Group selection' }).click();
    await group().waitFor();
    expect(await group().getAttribute('data-size')).toBe('2');
    await group().getByLabel('Group title').fill('Greeting and terms');

    const hello = await canvas.box(canvas.node('hello'));
    const terms = await canvas.box(canvas.node('terms'));
    const frame = await canvas.box(group());
    // Grab the frame on its empty lower edge, below the cards.
    await drag({ x: frame.x + frame.width / 2, y: frame.y + frame.height - 8 }, { x: 60, y: 120 });
    const helloMoved = await canvas.box(canvas.node('hello'));
    const termsMoved = await canvas.box(canvas.node('terms'));
    expect(Math.round(helloMoved.y - hello.y)).toBeGreaterThan(80);
    expect(Math.round(termsMoved.y - terms.y)).toBe(Math.round(helloMoved.y - hello.y));
    expect(Math.round(termsMoved.x - terms.x)).toBe(Math.round(helloMoved.x - hello.x));
    await page.screenshot({ path: join(screenshots, '23-notes-and-groups.png') });

    // Dragged out of the frame, a node leaves the group.
    const header = await canvas.box(canvas.node('terms').locator('.flow-node-header'));
    await drag({ x: header.x + 30, y: header.y + 8 }, { x: 0, y: 260 });
    await expect.poll(() => group().getAttribute('data-size')).toBe('1');
    await page.keyboard.press('Control+z');
    await expect.poll(() => group().getAttribute('data-size')).toBe('2');
    await waitSaved();
    expect((await saved()).annotations?.groups).toMatchObject([
      { title: 'Greeting and terms', nodes: ['hello', 'terms'] },
    ]);
  });

  it('keeps notes and groups through a reload, and copies a group with its nodes', async () => {
    await page.reload();
    await group().waitFor();
    expect(await note().getByLabel('Note text').inputValue()).toBe('Ask legal about the recording wording');
    expect(await group().getByLabel('Group title').inputValue()).toBe('Greeting and terms');
    await group()
      .locator('.canvas-group-header')
      .click({ position: { x: 300, y: 10 } });
    await page.keyboard.press('Control+c');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    await expect.poll(() => group().count()).toBe(2);
    await expect.poll(() => page.locator('.react-flow__node-flowNode').count()).toBe(6);
    expect(await group().nth(1).getAttribute('data-size')).toBe('2');
    await page.keyboard.press('Control+z');
    await expect.poll(() => group().count()).toBe(1);
    await waitSaved();
  });

  it('shows notes and groups read-only in a published version preview', async () => {
    const api = stackApi(stack);
    const stored = (await api('GET', `/api/flows/${FLOW_ID}`)) as { flow: { revision: number } };
    await api('POST', `/api/flows/${FLOW_ID}/publish`, { note: 'with notes', revision: stored.flow.revision });
    await page.reload();
    await group().waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Preview v1' }).click();
    await page.getByText('Previewing v1 (read-only)').waitFor();
    expect(await note().getByLabel('Note text').getAttribute('readonly')).not.toBeNull();
    expect(await group().getByLabel('Group title').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Add note' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Back to the draft' }).click();
    expect(pageErrors).toEqual([]);
  });

  it('moves the view when the minimap is dragged, and draws the note and the group in it', async () => {
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    const minimap = await canvas.box(page.locator('.react-flow__minimap svg'));
    await drag({ x: minimap.x + minimap.width / 2, y: minimap.y + minimap.height / 2 }, { x: -40, y: -25 });
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
    // Cards, the note and the group frame each have their shape in the minimap.
    expect(await page.locator('.react-flow__minimap-node').count()).toBe(4 + 1 + 1);
  });

  it('names the note and group tools, colours, minimap and zoom buttons in Chinese and Korean', async () => {
    for (const [language, words] of [
      ['zh-CN', ['添加便签', '将所选节点分组', '小地图', '放大']],
      ['ko', ['메모 추가', '선택 항목 그룹화', '미니맵', '확대']],
    ] as const) {
      await page.evaluate((lang) => localStorage.setItem('omniflow.uiLanguage', lang), language);
      await page.reload();
      await group().waitFor();
      const [add, groupWord, minimap, zoomIn] = words;
      await page.getByRole('button', { name: add }).waitFor();
      await page.getByRole('button', { name: groupWord }).waitFor();
      expect(await page.locator('.react-flow__minimap svg').getAttribute('aria-labelledby')).toBeTruthy();
      expect(await page.locator('.react-flow__minimap').textContent()).toContain(minimap);
      expect(await page.locator('.react-flow__controls-zoomin').getAttribute('aria-label')).toBe(zoomIn);
    }
    await page.evaluate(() => localStorage.setItem('omniflow.uiLanguage', 'en'));
  });
});
