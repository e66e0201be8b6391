import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import { openDesigner, type DesignerSession } from './support/openDesigner.ts';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = join(here, 'screenshots');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

function tab(name: string) {
  return page.getByRole('tab', { name, exact: true });
}

function suiteStatus() {
  return page.locator('.tests-panel p[role="status"]');
}

// Issue #21: analysts run the flow's conversation tests, see a failure on the canvas, record a test, and gate publishing.
describe('conversation tests in the designer', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    session = await openDesigner(pageErrors, { seedExamples: true });
    ({ stack, page } = session);
    await page.goto(`${stack.url}/#/flows/card-activation`);
    await tab('Tests').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("runs the example flow's suite in every channel and passes, with every node covered", async () => {
    await tab('Tests').click();
    await page.getByRole('button', { name: 'Run tests' }).click();
    await expect.poll(() => suiteStatus().textContent()).toMatch(/All 21 runs passed\.\s*22 of 22 nodes covered/);
    await page.getByLabel('Show coverage').check();
    await expect.poll(() => page.locator('.flow-node.is-uncovered').count()).toBe(0);
    expect(await page.locator('.test-case').count()).toBe(8);
    await page.getByRole('button', { name: 'Suggest tests' }).click();
    await expect
      .poll(() => page.locator('.test-suggestions').textContent())
      .toBe('Every end and transfer node is reached by a test.');
  });

  it('marks the failing step and its node on the canvas after a prompt is broken', async () => {
    await page.getByLabel('Find node by name').fill('activated');
    await page.keyboard.press('Enter');
    await page
      .locator('.inspector[data-node-id="activated"] [data-field-pointer="/prompt"] textarea')
      .first()
      .fill('Your card works now.');
    await tab('Tests').click();
    await page.getByRole('button', { name: 'Run tests' }).click();
    await expect.poll(() => suiteStatus().textContent()).toMatch(/3 of 21 runs failed/);
    const activate = page.locator('.test-case[data-test-id="activate"]');
    await expect.poll(() => activate.locator('.test-step.is-failed').getAttribute('data-step')).toBe('5');
    expect(await activate.locator('.test-failure').textContent()).toContain(
      'expected a prompt containing "is now active"',
    );
    await activate.getByRole('button', { name: 'Show node' }).click();
    await expect.poll(() => page.locator('.flow-node.is-test-failed').count()).toBe(1);
    await page.locator('.inspector[data-node-id="goodbye"]').waitFor();
    await page.screenshot({ path: join(screenshots, '40-flow-test-failure.png') });
    // Back in the Tests tab the same failure is still picked.
    await tab('Tests').click();
    expect(await activate.locator('.test-step.is-failed').getAttribute('data-step')).toBe('5');
  });

  it('saves a simulator conversation as a test that then runs in voice and chat', async () => {
    await tab('Simulator').click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByLabel('Type a message').fill('agent');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.sim-log').textContent()).toContain('card-services');
    await page.getByRole('button', { name: 'Save as test' }).click();
    await expect.poll(() => page.locator('.sim-save-test').textContent()).toContain('Saved as test "Conversation 9"');
    await tab('Tests').click();
    await page.getByRole('button', { name: 'Run tests' }).click();
    const recorded = page.locator('.test-case[data-test-id="conversation-9"]');
    await expect.poll(() => recorded.locator('.badge').allTextContents()).toEqual(['✓ voice', '✓ chat']);
  });

  it('blocks publishing while tests fail, then publishes with a reason kept in the version note', async () => {
    await tab('Versions').click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => page.locator('.versions-panel [role="status"]').textContent())
      .toBe('Publishing is blocked: the tests fail.');
    expect(await page.locator('.publish-failures li').count()).toBe(3);
    await page.getByLabel('Reason to publish anyway').fill('new wording approved by compliance');
    await page.getByRole('button', { name: 'Publish anyway' }).click();
    await expect
      .poll(() => page.locator('.version-list').textContent())
      .toContain('reason: new wording approved by compliance');
    expect(pageErrors).toEqual([]);
  });
});
