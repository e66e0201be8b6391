import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { openDesigner, type DesignerSession } from './support/openDesigner.ts';
import { flowDrafts, savedPositions } from './support/stackApi.ts';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = join(here, 'screenshots');
/** Screen pixels under which a title is not read but deciphered. */
const LEGIBLE_PX = 9;
const docsImage = resolve(here, '../../../docs/designer.png');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

describe('the example flows the runtime seeds', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors, { seedExamples: true });
    ({ stack, page, canvas } = session);
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('open in the designer with every node and edge drawn, every inspector form rendered, and no problems', async () => {
    const flows = await flowDrafts(stack);
    expect(flows.length).toBeGreaterThan(0);
    for (const { id, draft } of flows) {
      await page.goto(`${stack.url}/#/flows/${id}`);
      await expect.poll(async () => (await canvas.drawnCounts()).nodes).toBe(draft.nodes.length);
      await expect.poll(async () => (await canvas.drawnCounts()).edges).toBe(draft.edges.length);
      await expect.poll(() => page.locator('.problems').textContent()).toContain('No problems');
      for (const node of draft.nodes) {
        await page.getByLabel('Find node by name').fill(node.id);
        await page.keyboard.press('Enter');
        await page.locator(`.inspector[data-node-id="${node.id}"]`).waitFor();
      }
    }
    expect(pageErrors).toEqual([]);
  });

  it('draws the zoomed-out bank main menu as an overview whose cards can be clicked and zoomed into (issue 5 pan frame rate)', async () => {
    await openFresh('bank-main-menu');
    await zoomOutToOverview();
    // Zoomed out below the level-of-detail zoom: one canvas, no xyflow nodes.
    await expect
      .poll(async () => canvas.drawnCounts())
      .toEqual({ nodes: 25, edges: expect.any(Number), overview: true });
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    await page.waitForTimeout(500);
    const menu = await overviewPoint('mainMenu');
    await page.mouse.click(menu.x, menu.y);
    await page.locator('.inspector[data-node-id="mainMenu"]').waitFor();
    await page.screenshot({ path: join(screenshots, '08-overview.png') });
    await page.mouse.dblclick(menu.x, menu.y);
    // Zoomed in to the node: the cards with their icons and ports are back.
    await canvas.node('mainMenu').locator('.flow-node-header').waitFor();
    await expect.poll(() => page.locator('.flow-overview').count()).toBe(0);
    expect(await page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('mainMenu');
  });

  it('saves the README screenshot: the bank main menu laid out, a menu selected, its prompts and options in the inspector', async () => {
    await openFresh('bank-main-menu');
    const seeded = await savedPositions(stack, 'bank-main-menu');
    await canvas.node('mainMenu').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    // Wait for the autosave of the new layout: the test finds cards on the overview from their saved positions.
    await expect
      .poll(async () => (await savedPositions(stack, 'bank-main-menu')).get('mainMenu'), { timeout: 20_000 })
      .not.toEqual(seeded.get('mainMenu'));
    await page.waitForTimeout(600);
    await zoomOutToOverview();
    const menu = await overviewPoint('mainMenu');
    await page.mouse.click(menu.x, menu.y);
    await page.locator('.inspector[data-node-id="mainMenu"]').waitFor();
    // Drag the menu a little left of the middle of the pane (the overview pans under any drag), then zoom in around it
    // with the wheel until the cards are legible, like an analyst would.
    const pane = await canvas.box(page.locator('.react-flow__pane'));
    const target = { x: pane.x + pane.width * 0.4, y: pane.y + pane.height * 0.5 };
    await page.mouse.move(menu.x, menu.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 10 });
    await page.mouse.up();
    await page.mouse.move(target.x, target.y);
    for (let i = 0; i < 6; i += 1) {
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(120);
    }
    await canvas.node('mainMenu').locator('.flow-node-header').waitFor();
    await page.locator('.inspector .locale-tabs').first().waitFor();
    await expect.poll(() => page.locator('.problems').textContent()).toContain('No problems');
    await page.mouse.move(600, 860);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshots, '09-designer.png') });
    copyFileSync(join(screenshots, '09-designer.png'), docsImage);
    expect(pageErrors).toEqual([]);
  });

  it('opens the bank main menu (issue 20 readable canvas) with legible titles, its start node in view and the menu prompt on the card', async () => {
    const headers = { authorization: `Bearer ${stack.token}` };
    const { flow } = (await (await fetch(`${stack.url}/api/flows/bank-main-menu`, { headers })).json()) as {
      flow: {
        draft: {
          start: string;
          defaultLocale: string;
          nodes: { id: string; config: { prompt?: { text?: Record<string, string> } } }[];
        };
      };
    };
    await openFresh('bank-main-menu');
    const start = canvas.node(flow.draft.start);
    await start.locator('.flow-node-header').waitFor();
    await page.waitForTimeout(400);
    expect(await page.locator('.flow-overview').count()).toBe(0);
    await expectLegibleTitle(flow.draft.start);
    const pane = await canvas.box(page.locator('.react-flow__pane'));
    const startBox = await canvas.box(start);
    expect(startBox.x).toBeGreaterThanOrEqual(pane.x);
    expect(startBox.x + startBox.width).toBeLessThanOrEqual(pane.x + pane.width);

    const menu = flow.draft.nodes.find((n) => n.id === 'mainMenu');
    const firstLine = menu?.config.prompt?.text?.[flow.draft.defaultLocale]?.split('\n')[0]?.trim();
    expect(firstLine).toBeTruthy();
    expect(await canvas.node('mainMenu').locator('.flow-node-prompt').textContent()).toContain(firstLine);
    await page.screenshot({ path: join(screenshots, '20-readable-canvas.png') });
  });

  it('keeps "Zoom to fit" (issue 20) at a readable zoom, and zoomed out shows the titles alone, still legible', async () => {
    await page.locator('.canvas-fit').click();
    await page.waitForTimeout(400);
    expect(await canvasZoom()).toBeGreaterThanOrEqual(0.6);
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(400);
    await page.locator('.canvas.zoom-titles').waitFor();
    const start = await page.evaluate(() => document.querySelector('.react-flow__node')?.getAttribute('data-id') ?? '');
    await expectLegibleTitle(start);
    expect(
      await canvas
        .node(start)
        .locator('.flow-node-type')
        .evaluate((el) => getComputedStyle(el).visibility),
    ).toBe('hidden');
    await page.screenshot({ path: join(screenshots, '21-titles-only.png') });
    expect(pageErrors).toEqual([]);
  });
  /** Zooms out with the controls until the overview replaces the cards, and a step further to see more of the flow. */
  async function zoomOutToOverview(): Promise<void> {
    for (let i = 0; i < 10 && (await page.locator('.flow-overview[data-drawn]').count()) === 0; i += 1) {
      await page.locator('.react-flow__controls-zoomout').click();
      await page.waitForTimeout(150);
    }
    await page.locator('.react-flow__controls-zoomout').click();
    await page.locator('.flow-overview[data-drawn]').waitFor();
    await page.waitForTimeout(300);
  }

  /** Opens a flow in a freshly loaded page: a hash change alone would keep the previous viewport. */
  async function openFresh(flowId: string): Promise<void> {
    await page.goto(`${stack.url}/#/flows/${flowId}`);
    await page.reload();
  }

  /** The screen point inside a node's card (its saved position), computed from the overview canvas's placement. */
  async function overviewPoint(nodeId: string): Promise<{ x: number; y: number }> {
    const node = (await savedPositions(stack, 'bank-main-menu')).get(nodeId);
    if (!node) throw new Error(`no node ${nodeId}`);
    const box = await canvas.box(page.locator('.flow-overview'));
    const style = await page.locator('.flow-overview').evaluate((el) => ({
      left: parseFloat(getComputedStyle(el).left),
      top: parseFloat(getComputedStyle(el).top),
      width: parseFloat(getComputedStyle(el).width),
    }));
    const zoom = box.width / style.width;
    return { x: box.x + (node.x + 60 - style.left) * zoom, y: box.y + (node.y + 30 - style.top) * zoom };
  }
});

/** The canvas zoom, from the viewport's transform. */
async function canvasZoom(): Promise<number> {
  return page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
}

async function expectLegibleTitle(nodeId: string): Promise<void> {
  const fontPx = await canvas
    .node(nodeId)
    .locator('.flow-node-label')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx * (await canvasZoom())).toBeGreaterThanOrEqual(LEGIBLE_PX);
}
