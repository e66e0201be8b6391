import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import { openDesigner, type DesignerSession } from './support/openDesigner.ts';

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

/** An Amazon Connect export that says `text`, then transfers to the flow named `calls` (or hangs up). */
function connectExport(name: string, text: string, calls?: string): object {
  const last =
    calls === undefined
      ? { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }
      : { Identifier: 'bye', Type: 'TransferToFlow', Parameters: {}, Transitions: {} };
  return {
    Version: '2019-10-30',
    StartAction: 'hi',
    Metadata: {
      name,
      ActionMetadata: calls === undefined ? {} : { bye: { parameters: { ContactFlowId: { displayName: calls } } } },
    },
    Actions: [
      { Identifier: 'hi', Type: 'MessageParticipant', Parameters: { Text: text }, Transitions: { NextAction: 'bye' } },
      last,
    ],
  };
}

describe('importing several exports at once in the designer (#15)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page } = session);
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('imports the files together, links the call between them, and names the file that is not JSON', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'omniflow-batch-'));
    const files = {
      'reception.json': JSON.stringify(connectExport('Reception', 'Welcome.', 'Payments')),
      'payments.json': JSON.stringify(connectExport('Payments', 'Payments here.')),
      'notes.json': '{ this is not json',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    await page.getByLabel('Import JSON').setInputFiles(Object.keys(files).map((name) => join(folder, name)));
    const report = page.locator('.import-batch-report');
    await report.waitFor();
    expect(await report.getByRole('heading', { level: 2 }).textContent()).toBe('Imported 2 of 3 files');
    expect(await report.locator('details[data-flow="reception"] summary').textContent()).toMatch(/calls payments/);
    expect(await report.locator('[data-source="notes.json"]').textContent()).toMatch(/NOT_JSON/);
    expect(await report.textContent()).toMatch(/in this order: payments, reception\./);
    const response = await fetch(`${stack.url}/api/flows/reception`, {
      headers: { authorization: `Bearer ${stack.token}` },
    });
    const stored = (await response.json()) as { flow: { draft: { nodes: { id: string; type: string }[] } } };
    expect(stored.flow.draft.nodes.find((node) => node.id === 'bye')?.type).toBe('subflow');
    await report.getByRole('link', { name: 'Open reception' }).click();
    await page.locator('.react-flow__node[data-id="bye"]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
