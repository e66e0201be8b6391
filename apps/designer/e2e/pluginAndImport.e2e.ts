import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { openDesigner, type DesignerSession } from './support/openDesigner.ts';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = join(here, 'screenshots');
/** The real foreign exports, beside the repository (`../shared/fixtures/foreign-flows` from its root). */
const foreignFlows = process.env.OMNIFLOW_FOREIGN_FLOWS ?? resolve(here, '../../../../shared/fixtures/foreign-flows');
const CONNECT_FILE = join(foreignFlows, 'amazon-connect/bankid-auth.json');
const STUDIO_FILE = join(foreignFlows, 'twilio-studio/schedule-check-ivr.json');

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

interface Point {
  x: number;
  y: number;
}

async function openFlowList(): Promise<void> {
  await page.getByRole('link', { name: /All flows/ }).click();
  await page.getByRole('heading', { name: 'Flows' }).waitFor();
}

/** Each canvas node's position in flow coordinates, read from xyflow's `translate(x, y)` on the node element. */
async function drawnPositions(): Promise<Map<string, Point>> {
  // Zoomed far out, xyflow mounts no nodes (an overview is painted instead): zoom in until it does.
  for (let i = 0; i < 6 && (await canvas.drawnCounts()).overview; i++)
    await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__node').first().waitFor();
  const rows = await page.locator('.react-flow__node').evaluateAll((elements) =>
    elements.map((el) => ({
      id: el.getAttribute('data-id') ?? '',
      transform: el instanceof HTMLElement ? el.style.transform : '',
    })),
  );
  const positions = new Map<string, Point>();
  for (const row of rows) {
    const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(row.transform);
    if (match) positions.set(row.id, { x: Number(match[1]), y: Number(match[2]) });
  }
  return positions;
}

/** The ids of the flows the runtime holds, read from its API. */
async function storedFlowIds(): Promise<string[]> {
  const response = await fetch(`${stack.url}/api/flows`, { headers: { authorization: `Bearer ${stack.token}` } });
  return ((await response.json()) as { flows: { id: string }[] }).flows.map((f) => f.id).toSorted();
}

/** Imports `file` through the flow list's import button and waits for the runtime's import report. */
async function importThroughFlowList(file: string, format: string) {
  await page.getByLabel('Import JSON').setInputFiles(file);
  const report = page.locator(`.import-report[data-format="${format}"]`);
  await report.waitFor();
  return report;
}

describe('plugin nodes and foreign-flow import in the designer', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    session = await openDesigner(pageErrors, { context: { viewport: { width: 1600, height: 1000 } } });
    ({ stack, page, canvas } = session);
    await page.goto(`${stack.url}/`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the banking pack node in the palette under its category and builds a balance flow with its generated form', async () => {
    await page.getByLabel('Flow name').fill('Balance by plugin');
    await page.getByRole('button', { name: 'Create' }).click();
    await canvas.node('start1').waitFor();

    const banking = page
      .locator('.palette-group')
      .filter({ has: page.getByRole('heading', { name: 'Banking', exact: true }) });
    await banking.locator('.palette-item[data-node-type="banking.getBalance"]').waitFor();

    await page.getByRole('tab', { name: 'Variables' }).click();
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Name 1').fill('caller');
    await page.getByLabel('Default 1').fill('C-1001');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Name 2').fill('amount');
    await page.getByLabel('Type 2').selectOption('number');
    for (const [row, name] of [
      [3, 'amountText'],
      [4, 'currencyCode'],
    ] as const) {
      await page.getByRole('button', { name: 'Add variable' }).click();
      await page.getByLabel(`Name ${row}`).fill(name);
    }
    await page.getByRole('tab', { name: 'Inspector' }).click();

    await page.locator('.react-flow__controls-zoomout').click();
    await canvas.dropFromPalette('banking.getBalance', 0.4, 0.15);
    await canvas.dropFromPalette('message', 0.4, 0.55);
    await canvas.dropFromPalette('end', 0.75, 0.8);
    for (const id of ['getBalance1', 'message1', 'end1']) await canvas.node(id).waitFor();

    await canvas.select('getBalance1');
    // The generated form's variable pickers, filled with this flow's names instead of the pack's defaults.
    const picks = {
      customerIdVariable: 'caller',
      balanceVariable: 'amount',
      balanceTextVariable: 'amountText',
      currencyVariable: 'currencyCode',
    };
    for (const [field, variable] of Object.entries(picks))
      await page.locator(`[data-field-pointer="/${field}"] select`).selectOption(variable);
    for (const [field, variable] of Object.entries(picks))
      expect(await page.locator(`[data-field-pointer="/${field}"] select`).inputValue()).toBe(variable);

    await canvas.select('message1');
    const prompt = page.locator('[data-field-pointer="/prompt"]');
    await prompt.getByLabel('Message (en-US)').fill('Your balance is {{amountText}} ({{currencyCode}}).');
    await prompt.getByRole('tab', { name: 'zh-CN' }).click();
    await prompt.getByLabel('Message (zh-CN)').fill('您的余额是 {{amountText}}（{{currencyCode}}）。');

    await canvas.connect('start1', 'next', 'getBalance1');
    await canvas.connect('getBalance1', 'success', 'message1');
    await canvas.connect('getBalance1', 'error', 'end1');
    await canvas.connect('getBalance1', 'timeout', 'end1');
    await canvas.connect('message1', 'next', 'end1');
    await expect.poll(() => page.locator('.problems li').allTextContents()).toEqual([]);
  });

  it('runs the plugin node in the chat simulator against the live sample bank and says the balance', async () => {
    await page.getByRole('tab', { name: 'Simulator' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.sim-line.from-system').filter({ hasText: 'Session ended' }).waitFor();
    // C-1001 holds 2,450.75 USD in the seeded bank: the amount can only come from the service.
    expect(await page.locator('.sim-line.from-bot').allTextContents()).toContainEqual(
      expect.stringContaining('Your balance is $2,450.75 (USD).'),
    );
    const amount = page.locator('.sim-variables tr').filter({ hasText: 'amount' }).first();
    expect(await amount.textContent()).toContain('2450.75');
  });

  it('imports an Amazon Connect export: the report is shown, and the flow opens with the source positions', async () => {
    const source = JSON.parse(readFileSync(CONNECT_FILE, 'utf8')) as {
      Actions: { Identifier: string }[];
      Metadata: { ActionMetadata: Record<string, { position?: Point }> };
    };
    await openFlowList();
    const report = await importThroughFlowList(CONNECT_FILE, 'connect');
    const identifiers = new Set(source.Actions.map((a) => a.Identifier));
    const refs = await report.locator('li code').allTextContents();
    expect(refs.length).toBeGreaterThan(0);
    // Every line names the source block it is about.
    expect(refs.filter((ref) => !identifiers.has(ref))).toEqual([]);
    expect(await report.textContent()).toContain('is a placeholder to fill in');
    await page.screenshot({ path: join(screenshots, '14-import-report.png') });

    await report.getByRole('link', { name: 'Open the imported flow' }).click();
    await page.locator('.react-flow__pane').waitFor();
    await expect.poll(async () => (await canvas.drawnCounts()).nodes).toBeGreaterThan(identifiers.size - 1);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshots, '13-imported-connect.png') });

    const drawn = await drawnPositions();
    const expected = Object.entries(source.Metadata.ActionMetadata).flatMap(([id, meta]) =>
      meta.position && drawn.has(id) ? [[id, meta.position] as const] : [],
    );
    // The blocks that map one to one keep their identifiers; all of those must sit where Connect had them.
    expect(expected.length).toBeGreaterThanOrEqual(10);
    for (const [id, position] of expected) expect({ id, ...drawn.get(id) }).toEqual({ id, ...position });
  });

  it('imports a Twilio Studio export with its widget offsets as positions', async () => {
    const source = JSON.parse(readFileSync(STUDIO_FILE, 'utf8')) as {
      states: { name: string; type: string; properties: { offset?: Point } }[];
    };
    await openFlowList();
    const report = await importThroughFlowList(STUDIO_FILE, 'twilio');
    const widgets = new Set(source.states.map((s) => s.name));
    const refs = await report.locator('li code').allTextContents();
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !widgets.has(ref))).toEqual([]);
    expect(await report.textContent()).toMatch(/Liquid/);

    await report.getByRole('link', { name: 'Open the imported flow' }).click();
    await page.locator('.react-flow__pane').waitFor();
    const drawn = await drawnPositions();
    const widgetsWithNodes = source.states.filter((s) => s.type !== 'trigger' && s.properties.offset);
    expect(widgetsWithNodes.length).toBeGreaterThanOrEqual(4);
    for (const widget of widgetsWithNodes)
      expect({ id: widget.name, ...drawn.get(widget.name) }).toEqual({ id: widget.name, ...widget.properties.offset });
  });

  it('answers a file in neither format with the runtime’s error and creates nothing', async () => {
    await openFlowList();
    const before = await storedFlowIds();
    const file = join(mkdtempSync(join(tmpdir(), 'omniflow-not-a-flow-')), 'spreadsheet.json');
    writeFileSync(file, JSON.stringify({ sheet: 'Q3 budget', rows: [[1, 2, 3]] }));
    await page.getByLabel('Import JSON').setInputFiles(file);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/not a flow export the importer knows.*Amazon Connect.*Twilio Studio/);
    expect(await page.locator('.import-report').count()).toBe(0);
    expect(await storedFlowIds()).toEqual(before);
    expect(pageErrors).toEqual([]);
  });
});
