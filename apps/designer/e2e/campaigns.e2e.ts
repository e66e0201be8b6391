import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reminderFlow } from '../../runtime/src/campaigns/campaignTestKit.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';
import type { Stack } from './support/startStack.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

// Issue #18, point 5: an analyst creates a campaign, uploads its list, runs it on the line simulator and exports it.
describe('campaigns page', () => {
  beforeAll(async () => {
    // Simulated lines ring briefly and calls run at four times real time, so the small campaign ends in seconds.
    process.env['OMNIFLOW_SIMULATOR_RING_MS'] = '100';
    process.env['OMNIFLOW_SIMULATOR_SPEED'] = '4';
    session = await openDesigner(pageErrors);
    ({ stack, page } = session);
    await createFlow(stack, reminderFlow);
    const published = await fetch(`${stack.url}/api/flows/${reminderFlow.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    if (published.status !== 201) throw new Error(`publishing the test flow failed: ${await published.text()}`);
    await page.goto(`${stack.url}/#/`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('creates a campaign, previews its list with row errors, runs it on the line simulator and exports the results', async () => {
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Payment reminders');
    await page.getByLabel('Calls from (local time)').fill('00:00');
    await page.getByLabel('Calls until (local time)').fill('23:59');
    for (const checkbox of await page.locator('.campaign-days input[type="checkbox"]').all()) await checkbox.check();
    await page.getByLabel('Lines (max concurrent calls)').fill('3');
    await page.getByLabel('Calls per second').fill('5');
    // Busy: one attempt only, so the small campaign finishes instead of retrying in half an hour.
    await page.locator('.campaign-rule').first().getByLabel('attempts').fill('1');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('.campaign-detail').waitFor();

    const csv = [
      'name,phone,sim',
      'Ann,+14155550101,press:1',
      'Bob,(415) 555-0102,busy',
      'Cid,12345,press:1',
      'Dee,+1 415 555 0101,press:1',
      'Eve,+14155550105,press:9',
    ].join('\n');
    await page.locator('.campaign-upload input[type="file"]').setInputFiles({
      name: 'reminders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => page.locator('.campaign-list-report').textContent())
      .toContain('3 contacts ready, 2 rows left out');
    const problems = await page.locator('.campaign-row-problems tbody tr').allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^4Line 4: "12345" is not a valid phone number/),
      expect.stringMatching(/^5Line 5: \+14155550101 is already on line 2/),
    ]);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.locator('.campaign-progress-text').textContent()).toBe('0 of 3 contacts finished');

    await page.getByRole('button', { name: 'Start' }).click();
    await expect
      .poll(() => page.locator('.campaign-detail').getAttribute('data-status'), { timeout: 90_000 })
      .toBe('completed');
    await expect.poll(() => page.locator('.campaign-progress-text').textContent()).toBe('3 of 3 contacts finished');
    expect(await page.locator('[data-count="connected"]').textContent()).toBe('2');
    expect(
      await page
        .locator('.campaign-chart [data-outcome]')
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-outcome')).toSorted()),
    ).toEqual(['busy', 'completed', 'optedOut']);
    expect(await page.locator('.campaign-results tbody tr').count()).toBe(3);
    await page.locator('.campaigns-page').evaluate((element) => element.scrollTo(0, 0));
    await page.screenshot({ path: join(repoRoot, 'docs/campaigns.png') });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const exported = readFileSync(file, 'utf8');
    expect(exported).toContain('"+14155550105","done","1","completed","optedOut"');
    expect(pageErrors).toEqual([]);
  });
});
