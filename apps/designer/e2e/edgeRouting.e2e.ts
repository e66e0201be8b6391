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
    // The zoom to the found node is animated: measure once the view has stopped moving with every card drawn.
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    await expect
      .poll(async () => {
        const before = await viewport();
        await page.waitForTimeout(250);
        return { still: before === (await viewport()), cards: (await edgeCrossings(page)).cards };
      })
      .toEqual({ still: true, cards: 200 });
    const laidOut = await edgeCrossings(page);
    expect(laidOut.cards).toBe(200);
    expect(laidOut.crossings).toEqual([]);

    expect(pageErrors).toEqual([]);
  });

  it('draws two edges between the same two cards apart, each visible (issue 20)', async () => {
    const flow = {
      id: 'parallel-edges',
      name: 'Parallel edges',
      schemaVersion: 1,
      locales: ['en-US'],
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
            prompt: { text: { 'en-US': 'Main menu.' } },
            options: [
              { key: '1', label: { 'en-US': 'Balance' } },
              { key: '2', label: { 'en-US': 'Cards' } },
            ],
          },
        },
        { id: 'end1', type: 'end', label: 'Goodbye', position: { x: 800, y: 420 }, config: { outcome: 'done' } },
      ],
      edges: [
        { source: 'start1', port: 'next', target: 'menu1' },
        { source: 'menu1', port: '1', target: 'end1' },
        { source: 'menu1', port: '2', target: 'end1' },
      ],
    };
    await createFlow(stack, flow);
    await open(flow.id);
    await expect.poll(async () => (await canvas.drawnCounts()).edges).toBe(3);
    // Each edge's path sampled every 2 flow pixels; how much of one lies on (within 1.5 px of) the other.
    const overlap = (await page.evaluate(`(() => {
      const paths = [...document.querySelectorAll('.react-flow__edge')]
        .filter((edge) => ['menu1:1', 'menu1:2'].includes(edge.getAttribute('data-id')))
        .map((edge) => edge.querySelector('path.react-flow__edge-path'));
      const sample = (path) => {
        const points = [];
        for (let at = 0; at <= path.getTotalLength(); at += 2) points.push(path.getPointAtLength(at));
        return points;
      };
      const [a, b] = paths.map(sample);
      const near = (p, others) => others.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < 1.5);
      return { edges: paths.length, shared: a.filter((p) => near(p, b)).length / a.length };
    })()`)) as { edges: number; shared: number };
    expect(overlap.edges).toBe(2);
    // Only the last run into the one input is shared; the rest of each line is its own.
    expect(overlap.shared).toBeLessThan(0.5);
    const report = await edgeCrossings(page);
    expect(report.crossings).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
