import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { openDesigner, type DesignerSession } from './support/openDesigner.ts';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

/** A flow that still uses a node type no runtime has installed (`legacy.fax`). */
const importedFlow = {
  id: 'balance-check',
  name: 'Balance check',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [{ name: 'balance', type: 'number', default: 0 }],
  start: 'start1',
  nodes: [
    { id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'condition1',
      type: 'condition',
      label: 'Rich caller?',
      position: { x: 300, y: 0 },
      config: { cases: [{ id: 'rich', when: 'balance > 100' }] },
    },
    { id: 'fax1', type: 'legacy.fax', label: 'Old fax step', position: { x: 600, y: 0 }, config: { number: '123' } },
    { id: 'end1', type: 'end', label: 'Goodbye', position: { x: 900, y: 0 }, config: { outcome: 'completed' } },
  ],
  edges: [
    { source: 'start1', port: 'next', target: 'condition1' },
    { source: 'condition1', port: 'rich', target: 'fax1' },
    { source: 'condition1', port: 'default', target: 'end1' },
    { source: 'fax1', port: 'sent', target: 'end1' },
  ],
};

async function savedDraft(id: string): Promise<typeof importedFlow> {
  const response = await fetch(`${stack.url}/api/flows/${id}`, { headers: { authorization: `Bearer ${stack.token}` } });
  return ((await response.json()) as { flow: { draft: typeof importedFlow } }).flow.draft;
}

function problems() {
  return page.locator('.problems li');
}

async function openFlowList(): Promise<void> {
  await page.getByRole('link', { name: /All flows/ }).click();
  await page.getByRole('heading', { name: 'Flows' }).waitFor();
}

describe('designer tools', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors, {
      context: { acceptDownloads: true },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    ({ stack, page, canvas } = session);
    await page.goto(`${stack.url}/`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('imports a JSON file and shows an unknown node type as a placeholder with a problem, without crashing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'omniflow-import-')), 'balance-check.json');
    writeFileSync(file, JSON.stringify(importedFlow));
    await page.getByLabel('Import JSON').setInputFiles(file);
    await canvas.node('fax1').waitFor();
    await expect.poll(() => canvas.node('fax1').textContent()).toContain('error003');
    await expect.poll(() => problems().filter({ hasText: 'legacy.fax' }).count()).toBeGreaterThan(0);
    // Its edges survive: the placeholder keeps the ports its edges use.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
    await page.screenshot({ path: join(screenshots, '10-unknown-node.png') });
  });

  it('finds a node by name', async () => {
    await page.getByLabel('Find node by name').fill('Goodbye');
    await page.keyboard.press('Enter');
    await page.locator('.inspector[data-node-id="end1"]').waitFor();
    expect(await page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('end1');
  });

  it('marks an expression syntax error as you type', async () => {
    await page.locator('.canvas-fit').click();
    await page.waitForTimeout(400);
    await canvas.select('condition1');
    const editor = page.locator('[data-field-pointer="/cases/0/when"] .monaco-editor');
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' &&');
    const error = page.locator('[data-field-pointer="/cases/0/when"] .field-error');
    await error.first().waitFor();
    await page.screenshot({ path: join(screenshots, '11-expression-error.png') });
    await page.keyboard.type(' balance < 1000');
    await expect
      .poll(() => page.locator('[data-field-pointer="/cases/0/when"] .expression-field').getAttribute('data-invalid'))
      .toBe('false');
  });

  it('declares a variable and offers it in variable pickers', async () => {
    await page.getByRole('tab', { name: 'Variables' }).click();
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Name 2').fill('cardLast4');
    await page.getByLabel('Sensitive 2').check();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await canvas.dropFromPalette('ask', 0.4, 0.8);
    await canvas.node('ask1').waitFor();
    const picker = page.locator('[data-field-pointer="/variable"] select');
    await picker.selectOption('cardLast4');
    await expect.poll(() => picker.inputValue()).toBe('cardLast4');
  });

  it('connects a port from the keyboard in the inspector', async () => {
    const next = page.locator('.port-connections').getByLabel('Next', { exact: true });
    await next.focus();
    await next.selectOption('end1');
    await page.locator('[data-testid="rf__edge-ask1:next"]').waitFor({ state: 'attached' });
    await next.selectOption('');
    await expect.poll(() => page.locator('[data-testid="rf__edge-ask1:next"]').count()).toBe(0);
  });

  it('adds a plugin node from a palette search with the keyboard and edits it in its generated form', async () => {
    await page.getByLabel('Search node types').fill('activate');
    await expect.poll(() => page.locator('.palette-item').count()).toBe(1);
    await page.locator('.palette-item[data-node-type="banking.activateCard"]').focus();
    await page.keyboard.press('Enter');
    await canvas.node('activateCard1').waitFor();
    await page.getByLabel('Search node types').fill('');
    const customer = page.locator('[data-field-pointer="/customerIdVariable"] select');
    await customer.selectOption('balance');
    expect(await customer.inputValue()).toBe('balance');
    for (const port of ['success', 'alreadyActive', 'error', 'timeout']) {
      await canvas
        .node('activateCard1')
        .locator(`.react-flow__handle[data-handleid="${port}"]`)
        .waitFor({ state: 'attached' });
    }
  });

  it('moves several selected nodes in one undoable gesture', async () => {
    await page.locator('.canvas-fit').click();
    await page.waitForTimeout(400);
    await canvas.select('condition1');
    await canvas
      .node('end1')
      .locator('.flow-node-header')
      .click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(2);
    const before = await canvas.box(canvas.node('end1'));
    const grip = await canvas.box(canvas.node('condition1').locator('.flow-node-header'));
    await page.mouse.move(grip.x + 20, grip.y + 8);
    await page.mouse.down();
    await page.mouse.move(grip.x + 60, grip.y + 90, { steps: 10 });
    await page.mouse.up();
    const moved = await canvas.box(canvas.node('end1'));
    expect(moved.y - before.y).toBeGreaterThan(40);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await canvas.box(canvas.node('end1'))).y)).toBe(Math.round(before.y));
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => Math.round((await canvas.box(canvas.node('end1'))).y)).toBe(Math.round(moved.y));
  });

  it('round-trips edits made in the JSON view to the canvas, and undoes them', async () => {
    await page.getByRole('tab', { name: 'JSON' }).click();
    const editor = page.locator('.json-view .monaco-editor');
    await editor.waitFor();
    await editor.click();
    // Wait for the autosave of the ask node, then edit the saved document as text.
    await expect.poll(async () => (await savedDraft('balance-check')).nodes.length).toBe(6);
    const saved = await savedDraft('balance-check');
    await page.keyboard.press('Control+a');
    const edited = {
      ...saved,
      nodes: saved.nodes.map((n) => (n.id === 'end1' ? { ...n, label: 'Edited in JSON' } : n)),
    };
    // Pasted like an analyst pasting a document: typed text would get monaco's auto-closed brackets.
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(edited, null, 2));
    await page.keyboard.press('Control+v');
    await page.getByRole('tab', { name: 'Canvas' }).click();
    await expect.poll(() => canvas.node('end1').textContent()).toContain('Edited in JSON');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => canvas.node('end1').textContent()).toContain('Goodbye');
  });

  it('copies nodes and pastes them into another flow with the variables they use', async () => {
    await page.locator('.canvas-fit').click();
    await page.waitForTimeout(400);
    await canvas.select('ask1');
    await page.keyboard.press('Control+c');
    await openFlowList();
    await page.getByLabel('Flow name').fill('Second flow');
    await page.getByRole('button', { name: 'Create' }).click();
    await canvas.node('start1').waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    await canvas.node('ask1').waitFor();
    await page.getByRole('tab', { name: 'Variables' }).click();
    await expect.poll(() => page.getByLabel('Name 1').inputValue()).toBe('cardLast4');
    await expect.poll(() => page.getByLabel('Sensitive 1').isChecked()).toBe(true);
  });

  it('saves the last edit when the analyst leaves the editor at once', async () => {
    const secondId = decodeURIComponent(new URL(page.url()).hash.replace('#/flows/', ''));
    await page.getByLabel('Flow name', { exact: true }).fill('Second flow, renamed');
    await openFlowList();
    await expect.poll(async () => (await savedDraft(secondId)).name).toBe('Second flow, renamed');
  });

  it('renames, duplicates, exports and deletes flows in the flow list', async () => {
    await page.reload();
    page.once('dialog', (d) => void d.accept('Balance check v2'));
    await page.getByRole('button', { name: 'Rename Balance check' }).click();
    await page.getByRole('link', { name: 'Balance check v2' }).waitFor();

    await page.getByRole('button', { name: 'Duplicate Balance check v2' }).click();
    await page.getByRole('link', { name: 'Balance check v2 (2)' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON Balance check v2', exact: true }).click();
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      id: string;
      nodes: unknown[];
    };
    expect(exported.id).toBe('balance-check');
    expect(exported.nodes).toHaveLength(6);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete Balance check v2 (2)' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Balance check v2 (2)' }).count()).toBe(0);
  });

  it('shows variables in the simulator as the caller fills them', async () => {
    const asking = {
      ...importedFlow,
      id: 'code-check',
      name: 'Code check',
      variables: [{ name: 'code', type: 'string' }],
      nodes: [
        importedFlow.nodes[0],
        {
          id: 'ask1',
          type: 'ask',
          label: 'Ask code',
          position: { x: 300, y: 0 },
          config: {
            prompt: { text: { 'en-US': 'Type your code, then hash.' } },
            variable: 'code',
            slot: { type: 'digits', minLength: 4, maxLength: 4 },
          },
        },
        {
          id: 'message1',
          type: 'message',
          label: 'Echo',
          position: { x: 600, y: 0 },
          config: { prompt: { text: { 'en-US': 'You typed {{code}}.' } } },
        },
        importedFlow.nodes[3],
      ],
      edges: [
        { source: 'start1', port: 'next', target: 'ask1' },
        { source: 'ask1', port: 'next', target: 'message1' },
        { source: 'ask1', port: 'noInput', target: 'end1' },
        { source: 'ask1', port: 'noMatch', target: 'end1' },
        { source: 'message1', port: 'next', target: 'end1' },
      ],
    };
    const created = await fetch(`${stack.url}/api/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ flow: asking }),
    });
    expect(created.status).toBe(201);
    await page.goto(`${stack.url}/#/flows/code-check`);
    await page.getByRole('tab', { name: 'Simulator' }).click();
    await page.getByLabel('Channel').selectOption('dtmf');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: 'Type your code' }).waitFor();
    await canvas.node('ask1').locator('.flow-node.is-active').waitFor();
    for (const key of ['4', '2', '4', '2']) await page.getByRole('button', { name: `key ${key}` }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: 'You typed 4242.' }).waitFor();
    const row = page.locator('.sim-variables tr').filter({ hasText: 'code' });
    expect(await row.textContent()).toContain('4242');
    expect(await row.getAttribute('class')).toContain('is-changed');
    await page.screenshot({ path: join(screenshots, '12-simulator-variables.png') });
  });

  it('publishes twice and rolls back to the first version', async () => {
    const simple = {
      ...importedFlow,
      id: 'simple',
      name: 'Simple',
      variables: [],
      nodes: [importedFlow.nodes[0], importedFlow.nodes[3]],
      edges: [{ source: 'start1', port: 'next', target: 'end1' }],
    };
    const created = await fetch(`${stack.url}/api/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ flow: simple }),
    });
    expect(created.status).toBe(201);
    await page.goto(`${stack.url}/#/flows/simple`);
    await canvas.node('end1').waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    for (const note of ['one', 'two']) {
      await page.getByLabel('Release note').fill(note);
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.locator('.version-list li').filter({ hasText: note }).waitFor();
    }
    await page.getByRole('button', { name: 'Roll back to this version v1' }).click();
    // A rollback asks first (issue 20).
    await page.getByRole('alertdialog').getByRole('button', { name: 'Roll back to this version v1' }).click();
    await expect
      .poll(() => page.locator('.version-list li').filter({ hasText: 'one' }).textContent())
      .toContain('active');
    expect(pageErrors).toEqual([]);
  });
});
