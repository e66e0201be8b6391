import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/launchChromium.ts';
import { startStack, type Stack } from './support/startStack.ts';

let stack: Stack;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

describe('the example flows the runtime seeds', () => {
  beforeAll(async () => {
    stack = await startStack({ seedExamples: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('open in the designer with every node and edge drawn, every inspector form rendered, and no problems', async () => {
    const headers = { authorization: `Bearer ${stack.token}` };
    const { flows } = (await (await fetch(`${stack.url}/api/flows`, { headers })).json()) as { flows: { id: string }[] };
    expect(flows.length).toBeGreaterThan(0);
    for (const { id } of flows) {
      const { flow } = (await (await fetch(`${stack.url}/api/flows/${id}`, { headers })).json()) as { flow: { draft: { nodes: { id: string }[]; edges: unknown[] } } };
      await page.goto(`${stack.url}/#/flows/${id}`);
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(flow.draft.nodes.length);
      await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(flow.draft.edges.length);
      await expect.poll(() => page.locator('.problems').textContent()).toContain('No problems');
      for (const node of flow.draft.nodes) {
        await page.getByLabel('Find node by name').fill(node.id);
        await page.keyboard.press('Enter');
        await page.locator(`.inspector[data-node-id="${node.id}"]`).waitFor();
      }
    }
    expect(pageErrors).toEqual([]);
  });
});
