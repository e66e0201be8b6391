import type { Locator, Page } from 'playwright-core';

/** Drives the designer canvas the way an analyst's mouse does. */
export class CanvasDriver {
  constructor(readonly page: Page) {}

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Drags a palette entry onto the canvas at a fraction of the pane's size. */
  async dropFromPalette(type: string, fx: number, fy: number): Promise<void> {
    const pane = await this.box(this.page.locator('.react-flow__pane'));
    await this.page.locator(`.palette-item[data-node-type="${type}"]`).dragTo(this.page.locator('.react-flow__pane'), {
      targetPosition: { x: pane.width * fx, y: pane.height * fy },
    });
  }

  /** Drags from a node's named port handle to another node's input handle. */
  async connect(source: string, port: string, target: string): Promise<void> {
    const from = await this.box(this.node(source).locator(`.react-flow__handle[data-handleid="${port}"]`));
    const to = await this.box(this.node(target).locator('.react-flow__handle[data-handleid="in"]'));
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    // Deliberate, like a hand: a loaded machine must not turn the drag into a click.
    await this.page.waitForTimeout(50);
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.waitForTimeout(50);
    await this.page.mouse.up();
    await this.page
      .locator(`[data-testid="rf__edge-${source}:${port}"]`)
      .waitFor({ state: 'attached', timeout: 5000 })
      .catch(async (error: unknown) => {
        await this.page.screenshot({ path: `/tmp/connect-failed-${source}-${port}.png` });
        throw error;
      });
  }

  /**
   * How many nodes and edges the canvas draws: xyflow's elements, or, zoomed out, the ones on the overview canvas
   * (xyflow mounts none there).
   */
  async drawnCounts(): Promise<{ nodes: number; edges: number; overview: boolean }> {
    const overview = this.page.locator('.flow-overview[data-drawn]');
    if ((await overview.count()) > 0) {
      return {
        nodes: Number(await overview.getAttribute('data-nodes')),
        edges: Number(await overview.getAttribute('data-edges')),
        overview: true,
      };
    }
    return {
      nodes: await this.page.locator('.react-flow__node').count(),
      edges: await this.page.locator('.react-flow__edge').count(),
      overview: false,
    };
  }

  /** Clicks a node's title to select it. */
  async select(id: string): Promise<void> {
    await this.node(id).locator('.flow-node-header').click();
  }

  async box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    await locator.waitFor({ state: 'visible' });
    const box = await locator.boundingBox();
    if (!box) throw new Error(`no bounding box for ${locator.toString()}`);
    return box;
  }
}
