import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';
import { edgeCrossings } from './support/edgeCrossings.ts';
import { flowDrafts, savedPositions } from './support/stackApi.ts';
import { generateBranchingFlow } from '../bench/generateFlow.ts';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

async function open(flowId: string): Promise<void> {
  await page.goto(`${stack.url}/#/flows/${flowId}`);
  await page.locator('.react-flow__node').first().waitFor();
}

describe('edges avoid nodes (issue 20, point 2)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors, { seedExamples: true });
    ({ stack, page, canvas } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('draws no edge of an example flow over a card, as the flows open', async () => {
    const flows = await flowDrafts(stack);
    expect(flows.length).toBeGreaterThan(3);
    for (const { id, draft } of flows) {
      await open(id);
      await expect.poll(async () => (await canvas.drawnCounts()).edges).toBe(draft.edges.length);
      const report = await edgeCrossings(page);
      expect({ id, cards: report.cards, crossings: report.crossings }).toEqual({
        id,
        cards: draft.nodes.length,
        crossings: [],
      });
      expect(report.samples).toBeGreaterThan(report.edges * 10);
    }
    await open('bank-main-menu');
    await page.screenshot({ path: join(screenshots, '22-edges-around-cards.png') });
  });

  it('draws no edge of a 200-node flow over a card after auto-layout', async () => {
    const flow = generateBranchingFlow(200);
    await createFlow(stack, flow);
    await open(flow.id);
    const layout = page.getByRole('button', { name: 'Auto-layout' });
    await layout.click();
    // The layout runs off the main thread: wait until it was applied, saved and zoomed to, before finding a node.
    await expect
      .poll(async () => (await savedPositions(stack, flow.id)).get('menu99'), { timeout: 20_000 })
      .not.toEqual(flow.nodes.find((n) => n.id === 'menu99')?.position);
    await expect.poll(() => layout.getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => page.locator('.save-status').getAttribute('data-status')).toBe('saved');
    // Zoomed to fit, 200 cards are an overview; finding a node zooms in, where xyflow mounts all 200 cards and edges.
    await page.getByLabel('Find node by name').fill('menu99');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => canvas.drawnCounts())
      .toEqual({ nodes: 200, edges: flow.edges.length, overview: false });
    const laidOut = await edgeCrossings(page);
    expect(laidOut.cards).toBe(200);
    expect(laidOut.crossings).toEqual([]);

    expect(pageErrors).toEqual([]);
  });
});
