import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import type { CanvasDriver } from './support/canvasDriver.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
let canvas: CanvasDriver;
const pageErrors: string[] = [];

/** Routes chat contacts one way and phone contacts another; the condition's expression is still to be finished. */
const flow = {
  id: 'channel-router',
  name: 'Channel router',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [],
  start: 'start1',
  nodes: [
    { id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'route1',
      type: 'condition',
      label: 'By channel',
      position: { x: 300, y: 0 },
      config: { cases: [{ id: 'chat', label: 'Chat', when: ' == "chat"' }] },
    },
    {
      id: 'chatEnd',
      type: 'end',
      label: 'Chat goodbye',
      position: { x: 600, y: -100 },
      config: { prompt: { text: { 'en-US': 'Hello chat user, {{contact.attributes.segment}} member.' } } },
    },
    {
      id: 'phoneEnd',
      type: 'end',
      label: 'Phone goodbye',
      position: { x: 600, y: 100 },
      config: { prompt: { text: { 'en-US': 'Hello caller.' } } },
    },
  ],
  edges: [
    { source: 'start1', port: 'next', target: 'route1' },
    { source: 'route1', port: 'chat', target: 'chatEnd' },
    { source: 'route1', port: 'default', target: 'phoneEnd' },
  ],
};

describe('the contact system variable in the designer (issue 15)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page, canvas } = session);
    await createFlow(stack, flow);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('picks contact.channel in a condition and routes on it in the simulator, with a test contact', async () => {
    await page.goto(`${stack.url}/#/flows/${flow.id}`);
    await canvas.node('route1').waitFor();
    await canvas.select('route1');
    const field = page.locator('.inspector .expression-field').first();
    await expect.poll(() => field.getAttribute('data-invalid')).toBe('true');
    const menu = field.getByRole('combobox', { name: /Insert a variable/ });
    const offered = await menu.locator('option').allTextContents();
    expect(offered).toContain('contact.channel — How the caller reached us: dtmf, voice or chat.');
    expect(offered.some((text) => text.startsWith('contact.previousContacts — '))).toBe(true);
    await menu.selectOption('contact.channel');
    await expect.poll(() => field.getAttribute('data-invalid')).toBe('false');
    await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 20_000 });
    const saved = await fetch(`${stack.url}/api/flows/${flow.id}`, {
      headers: { authorization: `Bearer ${stack.token}` },
    });
    const body = (await saved.json()) as {
      flow: { draft: { nodes: { id: string; config: { cases?: { when: string }[] } }[] } };
    };
    expect(body.flow.draft.nodes.find((n) => n.id === 'route1')?.config.cases?.[0]?.when).toBe(
      'contact.channel == "chat"',
    );

    await page.getByRole('tab', { name: 'Simulator' }).click();
    const simulator = page.locator('.simulator');
    await simulator.getByText('Test contact').click();
    await simulator.getByLabel('Caller number').fill('+14155550100');
    await simulator.getByLabel('Attributes (one name=value per line)').fill('segment=gold');
    await simulator.getByRole('button', { name: 'Start' }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: 'Hello chat user, gold member.' }).waitFor();
    const shown = await page.locator('.sim-contact-values').textContent();
    expect(shown).toContain('contact.channelchat');
    expect(shown).toContain('contact.callerNumber****');
    expect(shown).not.toContain('4155550100');

    await simulator.getByLabel('Channel').selectOption('dtmf');
    await simulator.getByRole('button', { name: /Start|Restart/ }).click();
    await page.locator('.sim-line.from-bot').filter({ hasText: 'Hello caller.' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
